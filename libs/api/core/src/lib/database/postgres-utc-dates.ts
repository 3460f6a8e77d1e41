import * as pg from 'pg';

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

/**
 * Entities declare plain `timestamp` columns (TypeORM's portable choice, `datetime` on SQLite);
 * they hold UTC. By default node-postgres writes JavaScript dates in the process's local time
 * zone and reads `timestamp` values as local time, which shifts them on any host not set to UTC.
 * Make both directions UTC, whatever the host's TZ. Idempotent: it sets the same values each time.
 */
export function usePostgresUtcDates(): void {
  pg.defaults.parseInputDatesAsUTC = true;
  pg.types.setTypeParser(
    TIMESTAMP_WITHOUT_TIME_ZONE,
    (value: string) => new Date(`${value.replace(' ', 'T')}Z`),
  );
}
