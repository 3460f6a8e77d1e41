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
import { PasswordRule } from '../auth/password-rule';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const emptyAsMissing = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** An integer variable from `min` to `max`; one message for every way it can be wrong. */
function WholeNumberBetween(
  min: number,
  max: number,
  message = `must be a whole number between ${min} and ${max}`,
): PropertyDecorator {
  const decorators = [Max(max, { message }), Min(min, { message }), IsInt({ message }), Transform(toInt)];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property as string));
}

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
  @WholeNumberBetween(1, 65535, 'must be an integer between 1 and 65535')
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
  @PasswordRule()
  @IsString()
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
  @WholeNumberBetween(60, 604800, 'must be a whole number of seconds between 60 and 604800')
  AUTH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 1000)
  LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsIn(['json', 'pretty'], { message: 'must be json or pretty' })
  LOG_FORMAT?: 'json' | 'pretty';

  @IsOptional()
  @Transform(emptyAsMissing)
  @IsString()
  WEB_ROOT?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SERVE_WEB?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  OPENAPI_DOCS?: boolean;

  // Mail delivery (see the README's configuration table).
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  MAIL_DISPATCHER?: boolean;

  @IsOptional()
  @WholeNumberBetween(1, 256)
  MAIL_CONCURRENCY?: number;

  @IsOptional()
  @WholeNumberBetween(10, 60000)
  MAIL_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 86400)
  MAIL_RETRY_BASE_SECONDS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 86400)
  MAIL_RETRY_MAX_DELAY_SECONDS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 8760)
  MAIL_RETRY_WINDOW_HOURS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 1000)
  MAIL_MAX_ATTEMPTS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 100000)
  MAIL_TRANSPORT_CACHE_SIZE?: number;

  @IsOptional()
  @WholeNumberBetween(1, 32)
  MAIL_POOL_CONNECTIONS?: number;

  @IsOptional()
  @WholeNumberBetween(100, 3600000)
  MAIL_POOL_IDLE_MS?: number;

  @IsOptional()
  @WholeNumberBetween(100, 300000)
  SMTP_CONNECTION_TIMEOUT_MS?: number;

  @IsOptional()
  @WholeNumberBetween(100, 300000)
  SMTP_GREETING_TIMEOUT_MS?: number;

  @IsOptional()
  @WholeNumberBetween(100, 600000)
  SMTP_SOCKET_TIMEOUT_MS?: number;

  @IsOptional()
  @WholeNumberBetween(10, 3600)
  MAIL_SEND_LEASE_SECONDS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 1000)
  MAIL_ALERT_AFTER_FAILURES?: number;

  @IsOptional()
  @WholeNumberBetween(1, 10080)
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
  @WholeNumberBetween(1000, 120000)
  SMTP_TEST_TIMEOUT_MS?: number;

  @IsOptional()
  @WholeNumberBetween(1, 1000)
  SMTP_SETTINGS_RATE_LIMIT?: number;
}
