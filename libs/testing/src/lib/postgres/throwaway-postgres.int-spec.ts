import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { Client } from 'pg';
import { describeWithPostgres } from '../services/service-availability';
import { startThrowawayPostgres, ThrowawayPostgres } from './throwaway-postgres';

function acceptsTcp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describeWithPostgres('startThrowawayPostgres', () => {
  let postgres: ThrowawayPostgres;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'outbox_test' });
  });

  afterAll(async () => {
    await postgres.stop();
  });

  it('answers select 1 on 127.0.0.1 in the database it created', async () => {
    expect(postgres.url).toBe(`postgres://postgres@127.0.0.1:${postgres.port}/outbox_test`);
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const result = await client.query<{ one: number; db: string }>(
        'select 1 as one, current_database() as db',
      );
      expect(result.rows).toEqual([{ one: 1, db: 'outbox_test' }]);
    } finally {
      await client.end();
    }
  });

  it('runs with durability turned off for speed', async () => {
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const settings = await client.query<{ name: string; setting: string }>(
        "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'listen_addresses') order by name",
      );
      expect(settings.rows).toEqual([
        { name: 'fsync', setting: 'off' },
        { name: 'full_page_writes', setting: 'off' },
        { name: 'listen_addresses', setting: '127.0.0.1' },
        { name: 'synchronous_commit', setting: 'off' },
      ]);
    } finally {
      await client.end();
    }
  });

  it('stops the server and removes its data directory', async () => {
    const other = await startThrowawayPostgres();
    const client = new Client({ connectionString: other.url });
    await client.connect();
    const dataDirectory = (await client.query<{ data_directory: string }>('show data_directory')).rows[0]
      .data_directory;
    await client.end();
    expect(existsSync(dataDirectory)).toBe(true);

    await Promise.all([other.stop(), other.stop()]);

    expect(existsSync(dataDirectory)).toBe(false);
    expect(await acceptsTcp(other.port)).toBe(false);
  });
});
