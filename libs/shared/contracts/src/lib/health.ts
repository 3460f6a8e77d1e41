/** `GET /api/health`: 200 when the database answers, 503 otherwise. */
export interface HealthView {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
}
