import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayPostgres,
  type ThrowawayRedis,
} from '@mailroute/testing';
import type { Sink } from '../sink/sink';
import { BASELINE_ACCOUNT } from '../sink/sink-protocol';

export interface DeploymentOptions {
  postgres: boolean;
  redis: boolean;
  poolConnections: number;
}

/**
 * Where the measured Mailroute runs: SQLite and the in-process dispatcher by default, or
 * PostgreSQL and/or the Redis queue, each started throwaway on 127.0.0.1. Every measurement gets
 * a fresh, empty database (and an empty Redis), configured as in production except where noted.
 */
export class Deployment {
  private databases = 0;
  private readonly secretsKey = randomBytes(32).toString('base64');

  private constructor(
    private readonly options: DeploymentOptions,
    private readonly sink: Sink,
    private readonly caFile: string,
    private readonly postgres: ThrowawayPostgres | null,
    private readonly redis: ThrowawayRedis | null,
  ) {}

  static async start(options: DeploymentOptions, sink: Sink): Promise<Deployment> {
    const caFile = join(mkdtempSync(join(tmpdir(), 'mailroute-bench-ca-')), 'sink-ca.pem');
    writeFileSync(caFile, sink.ca);
    const postgres = options.postgres ? await startThrowawayPostgres({ database: 'mailroute_bench' }) : null;
    const redis = options.redis ? await startThrowawayRedis() : null;
    return new Deployment(options, sink, caFile, postgres, redis);
  }

  get label(): string {
    return `${this.postgres ? 'PostgreSQL' : 'SQLite'} + ${this.redis ? 'Redis queue (BullMQ)' : 'in-process dispatcher'}`;
  }

  /** The environment of a Mailroute process on a fresh database. */
  async freshEnvironment(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-bench-'));
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      SECRETS_KEY: this.secretsKey,
      PUBLIC_URL: 'https://mailroute.bench.test',
      PLATFORM_SMTP_URL: `smtps://${BASELINE_ACCOUNT.username}:${BASELINE_ACCOUNT.password}@${this.sink.host}:${this.sink.port}`,
      PLATFORM_SMTP_CA_FILE: this.caFile,
      PLATFORM_SENDER: 'Mailroute <notifications@mailroute.bench.test>',
      ADMIN_EMAIL: 'admin@mailroute.bench.test',
      ADMIN_PASSWORD: 'bench-admin-password',
      // Relaxed for the bench only: the sink listens on 127.0.0.1, on a free port.
      SMTP_ALLOW_PRIVATE_HOSTS: 'true',
      SMTP_ALLOWED_PORTS: '*',
      SMTP_SETTINGS_RATE_LIMIT: '1000',
      MAIL_POOL_CONNECTIONS: String(this.options.poolConnections),
      LOG_LEVEL: 'warn',
      SERVE_WEB: 'false',
      HOST: '127.0.0.1',
      ...extra,
    };
    if (this.postgres) {
      env['DATABASE_URL'] = await this.createDatabase();
    }
    if (this.redis) {
      const client = new Redis(this.redis.url, { maxRetriesPerRequest: 1 });
      await client.flushall();
      client.disconnect();
      env['REDIS_URL'] = this.redis.url;
    }
    return env;
  }

  async stop(): Promise<void> {
    await this.redis?.stop();
    await this.postgres?.stop();
  }

  private async createDatabase(): Promise<string> {
    const server = this.postgres as ThrowawayPostgres;
    this.databases += 1;
    const name = `mailroute_bench_${this.databases}`;
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    return url.toString();
  }
}
