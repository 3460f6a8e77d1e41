import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isAbsolute, resolve } from 'node:path';
import { AppConfig, type DatabaseConfig } from './app-config';
import { ConfigError, type ConfigProblem } from './config-error';
import { EnvironmentSchema, type NodeEnv } from './environment.schema';
import { loadOrCreateLocalSecretsKey, parseSecretsKey, type SecretsKey } from './secrets-key';

export interface LoadConfigOptions {
  /** Folder that relative paths (DATA_DIR, sqlite:, WEB_ROOT) are resolved from. */
  cwd: string;
  /** Where the built web app is when WEB_ROOT is not set (next to the API's bundle). */
  defaultWebRoot?: string;
}

/**
 * Validates the environment once, at start-up, and returns the typed configuration.
 * Throws a ConfigError naming every missing or malformed variable (never echoing a value).
 */
export function loadAppConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions,
): AppConfig {
  const schema = plainToInstance(EnvironmentSchema, env);
  const problems: ConfigProblem[] = validateSync(schema).map((error) => ({
    variable: error.property,
    reason: Object.values(error.constraints ?? { invalid: 'is invalid' })[0] ?? 'is invalid',
  }));
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const nodeEnv: NodeEnv = schema.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const port = schema.PORT ?? 3000;
  const dataDir = resolvePath(options.cwd, schema.DATA_DIR ?? 'data');
  const required = (variable: keyof EnvironmentSchema, value: unknown, why: string) => {
    if (value === undefined) {
      problems.push({ variable, reason: `is required ${why}` });
    }
  };

  if (production) {
    required('SECRETS_KEY', schema.SECRETS_KEY, 'in production (32 random bytes, base64)');
    required('PLATFORM_SMTP_URL', schema.PLATFORM_SMTP_URL, 'in production (the platform SMTP server)');
    required('PUBLIC_URL', schema.PUBLIC_URL, 'in production (the base of links in emails)');
    if (schema.LOG_FORMAT === 'pretty') {
      // Log collectors read JSON lines; pino-pretty is a development dependency.
      problems.push({ variable: 'LOG_FORMAT', reason: 'must be json in production' });
    }
  }

  let secretsKey: SecretsKey | string | undefined;
  if (schema.SECRETS_KEY !== undefined) {
    secretsKey = parseSecretsKey(schema.SECRETS_KEY);
  } else if (!production) {
    secretsKey = loadOrCreateLocalSecretsKey(dataDir);
  }
  if (typeof secretsKey === 'string') {
    problems.push({ variable: 'SECRETS_KEY', reason: secretsKey });
  }
  const previousSecretsKeys: SecretsKey[] = [];
  for (const text of (schema.SECRETS_KEY_PREVIOUS ?? '').split(',').filter((part) => part.trim() !== '')) {
    const previous = parseSecretsKey(text);
    if (typeof previous === 'string') {
      problems.push({ variable: 'SECRETS_KEY_PREVIOUS', reason: `each key ${previous}` });
    } else {
      previousSecretsKeys.push(previous);
    }
  }
  const allowedPorts = parseAllowedPorts(schema.SMTP_ALLOWED_PORTS ?? '25,465,587,2525');
  if ('problem' in allowedPorts) {
    problems.push({ variable: 'SMTP_ALLOWED_PORTS', reason: allowedPorts.problem });
  }
  if (
    problems.length > 0 ||
    secretsKey === undefined ||
    typeof secretsKey === 'string' ||
    'problem' in allowedPorts
  ) {
    throw new ConfigError(problems);
  }

  const webRoot = schema.WEB_ROOT ?? options.defaultWebRoot;
  return new AppConfig({
    nodeEnv,
    http: {
      host: schema.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
      port,
      // The document maps every route and field: an attacker's map, not a public one.
      openApiDocs: schema.OPENAPI_DOCS ?? !production,
    },
    dataDir,
    database: databaseConfig(schema.DATABASE_URL, dataDir, options.cwd),
    redisUrl: schema.REDIS_URL ?? null,
    platformSmtp: schema.PLATFORM_SMTP_URL
      ? {
          url: schema.PLATFORM_SMTP_URL,
          caFile: schema.PLATFORM_SMTP_CA_FILE
            ? resolvePath(options.cwd, schema.PLATFORM_SMTP_CA_FILE)
            : null,
          sender: schema.PLATFORM_SENDER ?? 'Mailroute <notifications@mailroute.local>',
        }
      : null,
    secretsKey,
    previousSecretsKeys,
    initialAdmin: {
      email: (schema.ADMIN_EMAIL ?? 'admin@mailroute.local').toLowerCase(),
      password: schema.ADMIN_PASSWORD ?? null,
      organizationName: schema.ADMIN_ORGANIZATION_NAME ?? 'My organization',
    },
    publicUrl: (schema.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    auth: {
      tokenTtlSeconds: schema.AUTH_TOKEN_TTL_SECONDS ?? 8 * 3600,
      loginRateLimitPerMinute: schema.LOGIN_RATE_LIMIT ?? 10,
    },
    logLevel: schema.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    logFormat: schema.LOG_FORMAT ?? 'json',
    web: { serve: schema.SERVE_WEB ?? true, root: webRoot ? resolvePath(options.cwd, webRoot) : null },
    mail: {
      dispatcher: schema.MAIL_DISPATCHER ?? true,
      concurrency: schema.MAIL_CONCURRENCY ?? 16,
      pollIntervalMs: schema.MAIL_POLL_INTERVAL_MS ?? 500,
      retry: {
        baseSeconds: schema.MAIL_RETRY_BASE_SECONDS ?? 60,
        maxDelaySeconds: schema.MAIL_RETRY_MAX_DELAY_SECONDS ?? 3600,
        // RFC 5321 §4.5.4.1: give up after at least 4–5 days.
        windowHours: schema.MAIL_RETRY_WINDOW_HOURS ?? 120,
        maxAttempts: schema.MAIL_MAX_ATTEMPTS ?? 200,
      },
      transportCacheSize: schema.MAIL_TRANSPORT_CACHE_SIZE ?? 200,
      poolConnections: schema.MAIL_POOL_CONNECTIONS ?? 2,
      poolIdleMs: schema.MAIL_POOL_IDLE_MS ?? 30_000,
      smtpTimeouts: {
        connectionMs: schema.SMTP_CONNECTION_TIMEOUT_MS ?? 10_000,
        greetingMs: schema.SMTP_GREETING_TIMEOUT_MS ?? 10_000,
        socketMs: schema.SMTP_SOCKET_TIMEOUT_MS ?? 30_000,
      },
      sendLeaseSeconds: schema.MAIL_SEND_LEASE_SECONDS ?? 120,
      alert: {
        afterFailures: schema.MAIL_ALERT_AFTER_FAILURES ?? 5,
        periodMinutes: schema.MAIL_ALERT_PERIOD_MINUTES ?? 60,
      },
    },
    smtpSettings: {
      // Off in production and in tests unless asked: organizations must not reach internal hosts.
      allowPrivateHosts: schema.SMTP_ALLOW_PRIVATE_HOSTS ?? nodeEnv === 'development',
      allowedPorts: allowedPorts.ports,
      testTimeoutMs: schema.SMTP_TEST_TIMEOUT_MS ?? 30_000,
      rateLimitPerMinute: schema.SMTP_SETTINGS_RATE_LIMIT ?? 10,
    },
  });
}

function parseAllowedPorts(text: string): { ports: number[] | 'any' } | { problem: string } {
  if (text.trim() === '*') {
    return { ports: 'any' };
  }
  const ports = text.split(',').map((part) => Number(part.trim()));
  if (ports.some((port) => !Number.isInteger(port) || port < 1 || port > 65535)) {
    return { problem: 'must list ports between 1 and 65535' };
  }
  return { ports: [...new Set(ports)].sort((a, b) => a - b) };
}

function databaseConfig(url: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  if (url === undefined) {
    return { type: 'sqlite', path: resolve(dataDir, 'mailroute.sqlite') };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return { type: 'sqlite', path: path === ':memory:' ? path : resolvePath(cwd, path) };
  }
  return { type: 'postgres', url };
}

function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
