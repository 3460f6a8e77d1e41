import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { signIn, startTestApi, type TestApi } from '../../testing';
import { GENERATED_ADMIN_PASSWORD_FILE } from '../seeding/initial-admin.seeder';

const INSTANCES = 4;

describeWithPostgres('several instances starting at once on one empty PostgreSQL database', () => {
  let postgres: ThrowawayPostgres;
  const apis: TestApi[] = [];

  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_concurrent_start' });
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.close()));
    await postgres?.stop();
  });

  it('all start, apply each migration once, and seed one organization and one admin', async () => {
    // Each instance has its own pool: their migrations and seeding race at the database, as
    // separate processes' would.
    const starts = await Promise.allSettled(
      Array.from({ length: INSTANCES }, () => startTestApi({ env: { DATABASE_URL: postgres.url } })),
    );
    for (const start of starts) {
      if (start.status === 'fulfilled') {
        apis.push(start.value);
      }
    }
    expect(starts.filter((start) => start.status === 'rejected')).toEqual([]);

    const [api] = apis;
    const count = async (table: string) =>
      Number(((await api.dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]?.n);
    expect({
      organizations: await count('organizations'),
      users: await count('users'),
      migrations: await count('schema_migrations'),
    }).toEqual({ organizations: 1, users: 1, migrations: 1 });

    // Only the instance that seeded generated a password, and it is the admin's.
    const passwordFiles = apis
      .map((each) => join(each.config.dataDir, GENERATED_ADMIN_PASSWORD_FILE))
      .filter((file) => existsSync(file));
    expect(passwordFiles).toHaveLength(1);
    const password = readFileSync(passwordFiles[0] ?? '', 'utf8').trim();
    for (const each of apis) {
      await expect(signIn(each.baseUrl, { email: 'admin@mailroute.local', password })).resolves.toEqual(
        expect.any(String),
      );
    }
  });
});
