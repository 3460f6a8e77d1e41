import type { NodeEnv } from './environment.schema';
import type { SecretsKey } from './secrets-key';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface PlatformSmtpConfig {
  /** smtps:// (implicit TLS) or smtp:// (STARTTLS required). Holds credentials: never log it. */
  url: string;
  /** Extra certificate authority to trust for the platform server (e.g. the dev SMTP catcher's). */
  caFile: string | null;
  /** The `From` of platform emails, e.g. `Mailroute <notifications@example.com>`. */
  sender: string;
}

/** Delivery tuning: how hard and how long Mailroute tries, and how much it keeps open. */
export interface MailConfig {
  /** Run the in-process dispatcher in this process (off for API-only instances). */
  dispatcher: boolean;
  concurrency: number;
  pollIntervalMs: number;
  retry: { baseSeconds: number; maxDelaySeconds: number; windowHours: number; maxAttempts: number };
  transportCacheSize: number;
  poolConnections: number;
  poolIdleMs: number;
  smtpTimeouts: { connectionMs: number; greetingMs: number; socketMs: number };
  /** How long a claimed email stays reserved to its sender before another may take it over. */
  sendLeaseSeconds: number;
  alert: { afterFailures: number; periodMinutes: number };
}

/** What organizations may configure as their own SMTP server, and how saving it is tested. */
export interface SmtpSettingsConfig {
  /** Loopback, private, link-local and similar addresses allowed (development only). */
  allowPrivateHosts: boolean;
  /** Ports an organization's server may use; `any` when SMTP_ALLOWED_PORTS is `*`. */
  allowedPorts: readonly number[] | 'any';
  /** The whole connection test, from DNS to the test email, ends within this. */
  testTimeoutMs: number;
  /** Tests and saves per organization per minute. */
  rateLimitPerMinute: number;
}

export interface AppConfigValues {
  nodeEnv: NodeEnv;
  /** `openApiDocs`: serve the OpenAPI document and its UI (/api/docs); off in production unless asked for. */
  http: { host: string; port: number; openApiDocs: boolean };
  /** Absolute path of the folder holding the SQLite file and generated local secrets. */
  dataDir: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** Null only in development, when no platform SMTP is configured. */
  platformSmtp: PlatformSmtpConfig | null;
  secretsKey: SecretsKey;
  /** Keys from before a rotation: secrets encrypted under them still decrypt. */
  previousSecretsKeys: readonly SecretsKey[];
  initialAdmin: { email: string; password: string | null; organizationName: string };
  /** Base of links in emails, without a trailing slash. */
  publicUrl: string;
  auth: { tokenTtlSeconds: number; loginRateLimitPerMinute: number };
  logLevel: string;
  /** `json` lines for log collectors; `pretty` (pino-pretty, coloured) for a person reading a terminal. */
  logFormat: 'json' | 'pretty';
  web: { serve: boolean; root: string | null };
  mail: MailConfig;
  smtpSettings: SmtpSettingsConfig;
}

/** The validated configuration, read once at start-up. Inject it; never read `process.env`. */
export class AppConfig implements AppConfigValues {
  readonly nodeEnv!: NodeEnv;
  readonly http!: AppConfigValues['http'];
  readonly dataDir!: string;
  readonly database!: DatabaseConfig;
  readonly redisUrl!: string | null;
  readonly platformSmtp!: PlatformSmtpConfig | null;
  readonly secretsKey!: SecretsKey;
  readonly previousSecretsKeys!: readonly SecretsKey[];
  readonly initialAdmin!: AppConfigValues['initialAdmin'];
  readonly publicUrl!: string;
  readonly auth!: AppConfigValues['auth'];
  readonly logLevel!: string;
  readonly logFormat!: AppConfigValues['logFormat'];
  readonly web!: AppConfigValues['web'];
  readonly mail!: MailConfig;
  readonly smtpSettings!: SmtpSettingsConfig;

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
    Object.freeze(this);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
