import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadAppConfig } from './load-app-config';

const KEY = Buffer.alloc(32, 7).toString('base64');

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'mailroute-config-'));
}

function problemsOf(load: () => unknown): ConfigError['problems'] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  it('refuses an ADMIN_PASSWORD of blanks only, naming the variable', () => {
    expect(problemsOf(() => loadAppConfig({ ADMIN_PASSWORD: ' '.repeat(16) }, { cwd: freshDir() }))).toEqual([
      { variable: 'ADMIN_PASSWORD', reason: 'must not be only spaces or other blank characters' },
    ]);
  });

  it('runs on embedded defaults in development: SQLite under data/, port 3000, generated key', () => {
    const cwd = freshDir();
    const config = loadAppConfig({}, { cwd });
    expect(config.nodeEnv).toBe('development');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, openApiDocs: true });
    expect(config.database).toEqual({ type: 'sqlite', path: join(cwd, 'data', 'mailroute.sqlite') });
    expect(config.redisUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.initialAdmin.email).toBe('admin@mailroute.local');
    expect(config.secretsKey.key).toHaveLength(32);
  });

  it('generates the local secrets key once, private to its owner, and reuses it', () => {
    const cwd = freshDir();
    const first = loadAppConfig({}, { cwd });
    const second = loadAppConfig({}, { cwd });
    const file = join(cwd, 'data', 'secrets.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(second.secretsKey).toEqual(first.secretsKey);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first.secretsKey.key);
  });

  it('names the variable and the rule when a value is malformed', () => {
    const problems = problemsOf(() =>
      loadAppConfig(
        { PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_EMAIL: 'not-an-email' },
        { cwd: freshDir() },
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { variable: 'PORT', reason: 'must be an integer between 1 and 65535' },
        { variable: 'DATABASE_URL', reason: expect.stringContaining('postgres://') },
        { variable: 'ADMIN_EMAIL', reason: 'must be an email address' },
      ]),
    );
  });

  it('refuses a port out of range', () => {
    expect(problemsOf(() => loadAppConfig({ PORT: '70000' }, { cwd: freshDir() }))).toEqual([
      { variable: 'PORT', reason: 'must be an integer between 1 and 65535' },
    ]);
  });

  it('requires the secrets key, platform SMTP and public URL in production, all reported at once', () => {
    const problems = problemsOf(() => loadAppConfig({ NODE_ENV: 'production' }, { cwd: freshDir() }));
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'PLATFORM_SMTP_URL',
      'PUBLIC_URL',
      'SECRETS_KEY',
    ]);
  });

  it('never generates a secrets key in production', () => {
    const cwd = freshDir();
    problemsOf(() => loadAppConfig({ NODE_ENV: 'production' }, { cwd }));
    expect(() => statSync(join(cwd, 'data', 'secrets.key'))).toThrow();
  });

  it('refuses a secrets key that is not 32 bytes, without echoing it', () => {
    const problems = problemsOf(() => loadAppConfig({ SECRETS_KEY: 'c2hvcnQta2V5' }, { cwd: freshDir() }));
    expect(problems).toEqual([
      { variable: 'SECRETS_KEY', reason: expect.stringContaining('32 random bytes') },
    ]);
    expect(JSON.stringify(problems)).not.toContain('c2hvcnQta2V5');
  });

  it('never echoes the platform SMTP URL, which holds a password', () => {
    const error = (() => {
      try {
        loadAppConfig({ PLATFORM_SMTP_URL: 'http://user:hunter2-secret@host' }, { cwd: freshDir() });
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    expect(error?.message).toContain('PLATFORM_SMTP_URL');
    expect(error?.message).not.toContain('hunter2-secret');
  });

  it('reads a production configuration', () => {
    const config = loadAppConfig(
      {
        NODE_ENV: 'production',
        SECRETS_KEY: KEY,
        PLATFORM_SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
        PUBLIC_URL: 'https://app.example.com/',
        DATABASE_URL: 'postgres://mailroute:pw@db:5432/mailroute',
        REDIS_URL: 'redis://cache:6379',
        PORT: '8080',
      },
      { cwd: freshDir() },
    );
    expect(config.isProduction).toBe(true);
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8080, openApiDocs: false });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://mailroute:pw@db:5432/mailroute' });
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.publicUrl).toBe('https://app.example.com');
    expect(config.platformSmtp?.url).toBe('smtps://mailer:pw@smtp.example.com:465');
  });

  it('serves the OpenAPI docs in production only when OPENAPI_DOCS=true, and outside it unless OPENAPI_DOCS=false', () => {
    const production = {
      NODE_ENV: 'production',
      SECRETS_KEY: KEY,
      PLATFORM_SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      PUBLIC_URL: 'https://app.example.com',
    };
    const docs = (env: Record<string, string>) => loadAppConfig(env, { cwd: freshDir() }).http.openApiDocs;
    expect(docs(production)).toBe(false);
    expect(docs({ ...production, OPENAPI_DOCS: 'true' })).toBe(true);
    expect(docs({})).toBe(true);
    expect(docs({ OPENAPI_DOCS: 'false' })).toBe(false);
    expect(problemsOf(() => loadAppConfig({ OPENAPI_DOCS: 'yes please' }, { cwd: freshDir() }))).toEqual([
      { variable: 'OPENAPI_DOCS', reason: 'must be true or false' },
    ]);
  });

  it('logs JSON lines unless LOG_FORMAT=pretty, which production refuses', () => {
    const production = {
      NODE_ENV: 'production',
      SECRETS_KEY: KEY,
      PLATFORM_SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      PUBLIC_URL: 'https://app.example.com',
    };
    const format = (env: Record<string, string>) => loadAppConfig(env, { cwd: freshDir() }).logFormat;
    expect(format({})).toBe('json');
    expect(format(production)).toBe('json');
    expect(format({ LOG_FORMAT: 'pretty' })).toBe('pretty');
    expect(
      problemsOf(() => loadAppConfig({ ...production, LOG_FORMAT: 'pretty' }, { cwd: freshDir() })),
    ).toEqual([{ variable: 'LOG_FORMAT', reason: 'must be json in production' }]);
    expect(problemsOf(() => loadAppConfig({ LOG_FORMAT: 'colour' }, { cwd: freshDir() }))).toEqual([
      { variable: 'LOG_FORMAT', reason: 'must be json or pretty' },
    ]);
  });

  it('accepts sqlite:<path> relative to the working folder', () => {
    const cwd = freshDir();
    expect(loadAppConfig({ DATABASE_URL: 'sqlite:db/test.sqlite' }, { cwd }).database).toEqual({
      type: 'sqlite',
      path: join(cwd, 'db', 'test.sqlite'),
    });
  });

  it('keeps organizations away from internal addresses except in development, with the usual SMTP ports', () => {
    const production = loadAppConfig(
      {
        NODE_ENV: 'production',
        SECRETS_KEY: KEY,
        PLATFORM_SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
        PUBLIC_URL: 'https://app.example.com',
      },
      { cwd: freshDir() },
    );
    expect(production.smtpSettings).toEqual({
      allowPrivateHosts: false,
      allowedPorts: [25, 465, 587, 2525],
      testTimeoutMs: 30_000,
      rateLimitPerMinute: 10,
    });
    expect(
      loadAppConfig({ NODE_ENV: 'test', SECRETS_KEY: KEY }, { cwd: freshDir() }).smtpSettings
        .allowPrivateHosts,
    ).toBe(false);
    expect(loadAppConfig({}, { cwd: freshDir() }).smtpSettings.allowPrivateHosts).toBe(true);
  });

  it('reads the allowed SMTP ports as a list or *, and refuses anything else', () => {
    const cwd = freshDir();
    expect(loadAppConfig({ SMTP_ALLOWED_PORTS: '587, 465,587' }, { cwd }).smtpSettings.allowedPorts).toEqual([
      465, 587,
    ]);
    expect(loadAppConfig({ SMTP_ALLOWED_PORTS: '*' }, { cwd }).smtpSettings.allowedPorts).toBe('any');
    expect(problemsOf(() => loadAppConfig({ SMTP_ALLOWED_PORTS: '25;80' }, { cwd }))).toEqual([
      { variable: 'SMTP_ALLOWED_PORTS', reason: expect.stringContaining('comma-separated') },
    ]);
    expect(problemsOf(() => loadAppConfig({ SMTP_ALLOWED_PORTS: '25,70000' }, { cwd }))).toEqual([
      { variable: 'SMTP_ALLOWED_PORTS', reason: 'must list ports between 1 and 65535' },
    ]);
  });

  it('reads earlier secrets keys for rotation, refusing a malformed one without echoing it', () => {
    const cwd = freshDir();
    const previous = Buffer.alloc(32, 9).toString('base64');
    const config = loadAppConfig({ SECRETS_KEY: KEY, SECRETS_KEY_PREVIOUS: ` ${previous} ,` }, { cwd });
    expect(config.previousSecretsKeys.map((key) => key.key)).toEqual([Buffer.alloc(32, 9)]);
    expect(config.previousSecretsKeys[0]?.id).not.toBe(config.secretsKey.id);
    const problems = problemsOf(() =>
      loadAppConfig({ SECRETS_KEY: KEY, SECRETS_KEY_PREVIOUS: 'c2hvcnQ=' }, { cwd }),
    );
    expect(problems).toEqual([
      { variable: 'SECRETS_KEY_PREVIOUS', reason: expect.stringContaining('32 random bytes') },
    ]);
    expect(JSON.stringify(problems)).not.toContain('c2hvcnQ=');
  });
});
