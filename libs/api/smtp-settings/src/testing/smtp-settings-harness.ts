import type { ApiCall } from '@mailroute/api/core/testing';
import { type PlatformSmtpTestApi, startPlatformSmtpTestApi } from '@mailroute/api/mail/testing';
import { HostResolver } from '../lib/address-policy/host-resolver';
import { smtpSettingsSchema } from '../lib/smtp-settings-schema';
import { SmtpSettingsModule } from '../lib/smtp-settings.module';
import { StaticHostResolver } from './static-host-resolver';

export interface SmtpSettingsHarness extends PlatformSmtpTestApi {
  /** Calls the API as the bearer of `token`, with a JSON body when given one (the test API's `call`). */
  call: ApiCall;
}

/**
 * The real API with the mail library and the SmtpSettings module as production composes them,
 * on a throwaway database, with a real TLS test server as the platform SMTP. Organizations may
 * point at loopback servers on any port (SMTP_ALLOW_PRIVATE_HOSTS, SMTP_ALLOWED_PORTS), as the
 * test servers listen on 127.0.0.1. Host names resolve from a static table, never through DNS.
 */
export async function startSmtpSettingsHarness(
  options: {
    env?: Record<string, string>;
    /** Host names the test's DNS knows besides localhost; any other name does not resolve. */
    hosts?: Record<string, string[]>;
  } = {},
): Promise<SmtpSettingsHarness> {
  const harness = await startPlatformSmtpTestApi(
    { routeSource: 'global' },
    {
      env: {
        SMTP_ALLOW_PRIVATE_HOSTS: 'true',
        SMTP_ALLOWED_PORTS: '*',
        SMTP_TEST_TIMEOUT_MS: '5000',
        ...options.env,
      },
      imports: [SmtpSettingsModule],
      overrides: [{ provide: HostResolver, useValue: new StaticHostResolver(options.hosts) }],
      schema: [smtpSettingsSchema],
    },
  );
  return { ...harness, call: harness.api.call };
}
