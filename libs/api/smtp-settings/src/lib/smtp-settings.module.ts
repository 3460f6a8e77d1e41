import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SMTP_ROUTE_SOURCE } from '@mailroute/api/mail';
import { AddressPolicy } from './address-policy/address-policy';
import { HostResolver } from './address-policy/host-resolver';
import { ConnectionTester } from './connection-test/connection-tester';
import { OrganizationRateLimiter } from './rate-limit/organization-rate-limiter';
import { HeldRoutesRecheck } from './routing/held-routes-recheck';
import { SmtpSettingsRouteSource } from './routing/smtp-settings-route-source';
import { SecretBox } from './secrets/secret-box';
import { SecretsRotation } from './secrets/secrets-rotation';
import { SmtpSettingsChange } from './settings/smtp-settings-change.entity';
import { SmtpSettings } from './settings/smtp-settings.entity';
import { SmtpSettingsRepository } from './settings/smtp-settings.repository';
import { SmtpSettingsController } from './smtp-settings.controller';
import { SmtpSettingsService } from './smtp-settings.service';

/**
 * Organizations' own SMTP servers: the settings API and the route source mail reads them
 * through. Global because mail (imported by every module) needs SMTP_ROUTE_SOURCE and cannot
 * import this module, which depends on it: compose with `MailModule.forRoot({ routeSource: 'global' })`.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SmtpSettings, SmtpSettingsChange])],
  controllers: [SmtpSettingsController],
  providers: [
    SmtpSettingsService,
    SmtpSettingsRepository,
    SecretBox,
    SecretsRotation,
    HostResolver,
    AddressPolicy,
    ConnectionTester,
    OrganizationRateLimiter,
    SmtpSettingsRouteSource,
    HeldRoutesRecheck,
    { provide: SMTP_ROUTE_SOURCE, useExisting: SmtpSettingsRouteSource },
  ],
  exports: [SMTP_ROUTE_SOURCE, SecretsRotation],
})
export class SmtpSettingsModule {}
