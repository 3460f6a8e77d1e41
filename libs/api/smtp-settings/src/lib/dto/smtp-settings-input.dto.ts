import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  Validate,
} from 'class-validator';
import {
  SMTP_FAILURE_POLICIES,
  SMTP_SECURITY_MODES,
  SMTP_SETTINGS_LIMITS as LIMITS,
  type SmtpFailurePolicy,
  type SmtpSecurityMode,
  type SmtpSettingsInput,
} from '@mailroute/shared/contracts';
import { HeaderSafeText, PemCertificates, SingleAddress, SmtpHost } from './smtp-settings-rules';

const maxChars = (max: number) => ({ message: `must be at most ${max} characters` });
const isText = { message: 'must be a string' };
const absent = (_: object, value: unknown) => value !== null && value !== undefined && value !== '';

/**
 * The body of PUT and POST .../test. Rules match the web form's; every field that reaches an SMTP
 * command or a header refuses CR and LF. (class-validator runs decorators bottom-up: the type
 * checks at the bottom run first.)
 */
export class SmtpSettingsInputDto implements SmtpSettingsInput {
  @ApiProperty({ example: 'smtp.example.com', description: 'Host name or IP address, no scheme, no port.' })
  @Validate(SmtpHost)
  @MaxLength(LIMITS.hostLength, maxChars(LIMITS.hostLength))
  @MinLength(1, { message: 'is required' })
  @IsString(isText)
  host!: string;

  @ApiProperty({ example: 587, default: 25, description: '465 goes with tls, 587 and 25 with starttls.' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  port!: number;

  @ApiProperty({ enum: SMTP_SECURITY_MODES })
  @IsIn(SMTP_SECURITY_MODES, {
    message:
      'must be tls (implicit TLS, usually port 465) or starttls (usually 587); plaintext SMTP is refused',
  })
  security!: SmtpSecurityMode;

  @ApiProperty()
  @Validate(HeaderSafeText)
  @MaxLength(LIMITS.usernameLength, maxChars(LIMITS.usernameLength))
  @MinLength(1, { message: 'is required' })
  @IsString(isText)
  username!: string;

  @ApiPropertyOptional({ writeOnly: true, description: 'Omit to keep the stored password.' })
  // Only an absent password means "keep": null is a mistake, refused like any other non-string.
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @MaxLength(LIMITS.passwordLength, maxChars(LIMITS.passwordLength))
  @MinLength(1, { message: 'must not be empty; omit it to keep the stored password' })
  @IsString({ message: 'must be a string; omit it to keep the stored password' })
  password?: string;

  @ApiProperty({ example: 'notifications@example.com', description: 'An address your provider validated.' })
  @Validate(SingleAddress)
  @MaxLength(LIMITS.addressLength, maxChars(LIMITS.addressLength))
  @IsString(isText)
  senderAddress!: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(absent)
  @Validate(HeaderSafeText)
  @MaxLength(LIMITS.senderNameLength, maxChars(LIMITS.senderNameLength))
  @IsString(isText)
  senderName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(absent)
  @Validate(SingleAddress)
  @MaxLength(LIMITS.addressLength, maxChars(LIMITS.addressLength))
  @IsString(isText)
  replyTo?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'PEM certificate(s) to trust for this server only.' })
  @ValidateIf(absent)
  @Validate(PemCertificates)
  @MaxLength(LIMITS.caCertificateLength, maxChars(LIMITS.caCertificateLength))
  @IsString(isText)
  caCertificate?: string | null;

  @ApiPropertyOptional({ enum: SMTP_FAILURE_POLICIES, default: 'hold' })
  @IsOptional()
  @IsIn(SMTP_FAILURE_POLICIES, {
    message: 'must be hold (keep and retry) or fallback (send through the platform SMTP)',
  })
  failurePolicy?: SmtpFailurePolicy;

  @ApiPropertyOptional({ description: 'Where the test email goes; default: you.' })
  @IsOptional()
  @Validate(SingleAddress)
  @MaxLength(LIMITS.addressLength, maxChars(LIMITS.addressLength))
  @IsString(isText)
  testRecipient?: string;
}
