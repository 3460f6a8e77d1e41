import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const emptyAsMissing = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The environment variables Mailroute reads, with their rules. Property names are the variable
 * names so that a validation error names the variable to fix. Defaults and the rules that depend
 * on NODE_ENV live in `load-app-config.ts`.
 */
export class EnvironmentSchema {
  @IsOptional()
  @IsIn(NODE_ENVS)
  NODE_ENV?: NodeEnv;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-zA-Z.:[\]-]+$/, { message: 'must be an IP address or host name to listen on' })
  HOST?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @Matches(/^(postgres(ql)?:\/\/.+|sqlite:.+)$/, {
    message: 'must be a postgres:// (or postgresql://) URL, or sqlite:<file path>',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @Matches(/^smtps?:\/\/[^/?#]+(:\d+)?\/?$/, {
    message:
      'must be smtps://user:password@host:port (implicit TLS) or smtp://user:password@host:port (STARTTLS required)',
  })
  PLATFORM_SMTP_URL?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  PLATFORM_SMTP_CA_FILE?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  @MaxLength(320)
  PLATFORM_SENDER?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  SECRETS_KEY?: string;

  /** Earlier SECRETS_KEY values, comma-separated: still decrypt, never encrypt (key rotation). */
  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  SECRETS_KEY_PREVIOUS?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsEmail({}, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters long' })
  @MaxLength(256, { message: 'must be at most 256 characters long' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  ADMIN_ORGANIZATION_NAME?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'must be an absolute http(s) URL without query or fragment',
  })
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 60 and 604800' })
  @Min(60, { message: 'must be a whole number of seconds between 60 and 604800' })
  @Max(604800, { message: 'must be a whole number of seconds between 60 and 604800' })
  AUTH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 1000' })
  @Min(1, { message: 'must be a whole number between 1 and 1000' })
  @Max(1000, { message: 'must be a whole number between 1 and 1000' })
  LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  WEB_ROOT?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SERVE_WEB?: boolean;

  // Mail delivery (see the README's configuration table).
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  MAIL_DISPATCHER?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 256))
  @Min(1, whole(1, 256))
  @Max(256, whole(1, 256))
  MAIL_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(10, 60000))
  @Min(10, whole(10, 60000))
  @Max(60000, whole(10, 60000))
  MAIL_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 86400))
  @Min(1, whole(1, 86400))
  @Max(86400, whole(1, 86400))
  MAIL_RETRY_BASE_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 86400))
  @Min(1, whole(1, 86400))
  @Max(86400, whole(1, 86400))
  MAIL_RETRY_MAX_DELAY_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 8760))
  @Min(1, whole(1, 8760))
  @Max(8760, whole(1, 8760))
  MAIL_RETRY_WINDOW_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 1000))
  @Min(1, whole(1, 1000))
  @Max(1000, whole(1, 1000))
  MAIL_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 100000))
  @Min(1, whole(1, 100000))
  @Max(100000, whole(1, 100000))
  MAIL_TRANSPORT_CACHE_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 32))
  @Min(1, whole(1, 32))
  @Max(32, whole(1, 32))
  MAIL_POOL_CONNECTIONS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(100, 3600000))
  @Min(100, whole(100, 3600000))
  @Max(3600000, whole(100, 3600000))
  MAIL_POOL_IDLE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(100, 300000))
  @Min(100, whole(100, 300000))
  @Max(300000, whole(100, 300000))
  SMTP_CONNECTION_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(100, 300000))
  @Min(100, whole(100, 300000))
  @Max(300000, whole(100, 300000))
  SMTP_GREETING_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(100, 600000))
  @Min(100, whole(100, 600000))
  @Max(600000, whole(100, 600000))
  SMTP_SOCKET_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(10, 3600))
  @Min(10, whole(10, 3600))
  @Max(3600, whole(10, 3600))
  MAIL_SEND_LEASE_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 1000))
  @Min(1, whole(1, 1000))
  @Max(1000, whole(1, 1000))
  MAIL_ALERT_AFTER_FAILURES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 10080))
  @Min(1, whole(1, 10080))
  @Max(10080, whole(1, 10080))
  MAIL_ALERT_PERIOD_MINUTES?: number;

  // Organizations' own SMTP servers (the SmtpSettings module).
  /** Let organizations point at loopback, private and other internal addresses (development only). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SMTP_ALLOW_PRIVATE_HOSTS?: boolean;

  @IsOptional()
  @Transform(emptyAsMissing)
  @Matches(/^\s*(\*|\d{1,5}(\s*,\s*\d{1,5})*)\s*$/, {
    message: 'must be a comma-separated list of ports (e.g. 25,465,587,2525) or *',
  })
  SMTP_ALLOWED_PORTS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1000, 120000))
  @Min(1000, whole(1000, 120000))
  @Max(120000, whole(1000, 120000))
  SMTP_TEST_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt(whole(1, 1000))
  @Min(1, whole(1, 1000))
  @Max(1000, whole(1, 1000))
  SMTP_SETTINGS_RATE_LIMIT?: number;
}

function whole(min: number, max: number) {
  return { message: `must be a whole number between ${min} and ${max}` };
}
