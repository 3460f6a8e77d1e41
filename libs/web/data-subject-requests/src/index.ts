// Pages are reached through the routes only, so each stays in its own lazily loaded chunk.
export { dataSubjectRequestsRoutes } from './lib/data-subject-requests.routes';
