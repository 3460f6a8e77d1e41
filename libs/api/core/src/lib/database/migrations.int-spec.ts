// Run as if the host were far from UTC, so a time zone bug shows up as a 14-hour shift.
process.env['TZ'] = 'Pacific/Kiritimati';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import type { DatabaseConfig } from '../config/app-config';
import { Organization } from '../organizations/organization.entity';
import { coreSchema } from './core-schema';
import { buildDataSourceOptions } from './data-source-options';
import { newId } from './new-id';

/** The same checks on every database Mailroute supports. */
function migrationSuite(database: () => DatabaseConfig): void {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = new DataSource(buildDataSourceOptions(database(), coreSchema));
    await dataSource.initialize();
  });

  afterEach(async () => {
    await dataSource.query('DROP TABLE IF EXISTS users');
    await dataSource.query('DROP TABLE IF EXISTS organizations');
    await dataSource.query('DROP TABLE IF EXISTS schema_migrations');
    await dataSource.destroy();
  });

  it('applies every migration on an empty database, once', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((migration) => migration.name)).toEqual(['CreateOrganizationsAndUsers1764000000000']);
    expect(await dataSource.runMigrations()).toEqual([]);
  });

  it('leaves no difference between the migrated schema and the entities', async () => {
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('reverts cleanly and migrates up again', async () => {
    await dataSource.runMigrations();
    await dataSource.undoLastMigration();
    const runner = dataSource.createQueryRunner();
    try {
      const state = {
        users: await runner.hasTable('users'),
        organizations: await runner.hasTable('organizations'),
        executed: (await runner.query('SELECT name FROM schema_migrations')) as unknown[],
      };
      expect(state).toEqual({ users: false, organizations: false, executed: [] });
    } finally {
      await runner.release();
    }
    expect(await dataSource.runMigrations()).toHaveLength(1);
  });

  it('stores points in time exactly, whatever the host’s time zone', async () => {
    await dataSource.runMigrations();
    const repository = dataSource.getRepository(Organization);
    const before = Date.now();
    const saved = await repository.save(
      repository.create({ id: newId(), name: 'Acme', defaultLocale: 'fr' }),
    );
    const loaded = await repository.findOneByOrFail({ id: saved.id });
    // created_at comes from the database's clock: within this test's span, not hours away.
    expect(Math.abs(loaded.createdAt.getTime() - before)).toBeLessThan(60_000);
    expect(loaded.defaultLocale).toBe('fr');
  });
}

describe('migrations on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailroute-migrations-'));
  let file = 0;
  migrationSuite(() => ({ type: 'sqlite', path: join(dir, `db-${++file}.sqlite`) }));
});

describeWithPostgres('migrations on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
  });
  afterAll(() => postgres.stop());
  migrationSuite(() => ({ type: 'postgres', url: postgres.url }));
});
