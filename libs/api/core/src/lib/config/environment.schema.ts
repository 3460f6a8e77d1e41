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
    message: 'must be smtps://user:password@host:port (implicit TLS) or smtp://user:password@host:port (STARTTLS required)',
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
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an absolute http(s) URL without query or fragment' })
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
}
