import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '@mailroute/api/core/testing';
import { MailModule, mailSchema } from '@mailroute/api/mail';
import { startTestSmtpServer, type TestSmtpServer } from '@mailroute/testing';
import { smtpSettingsSchema } from '../lib/smtp-settings-schema';
import { HostResolver } from '../lib/address-policy/host-resolver';
import { SmtpSettingsModule } from '../lib/smtp-settings.module';
import { StaticHostResolver } from './static-host-resolver';

export const PLATFORM_USER = { username: 'platform', password: 'platform-secret' };
export const PLATFORM_SENDER = 'notifications@platform.test';

export interface SmtpSettingsHarness {
  api: TestApi;
  /** The platform's SMTP server (PLATFORM_SMTP_URL points at it). */
  platform: TestSmtpServer;
  /** Calls the API as the bearer of `token`, with a JSON body when given one. */
  call(token: string, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
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
  const platform = await startTestSmtpServer({ security: 'tls', users: [PLATFORM_USER] });
  const caFile = join(tmpdir(), `mailroute-platform-ca-${platform.port}.pem`);
  writeFileSync(caFile, platform.ca);
  const api = await startTestApi({
    env: {
      PLATFORM_SMTP_URL: `smtps://${PLATFORM_USER.username}:${PLATFORM_USER.password}@127.0.0.1:${platform.port}`,
      PLATFORM_SMTP_CA_FILE: caFile,
      PLATFORM_SENDER: `Mailroute <${PLATFORM_SENDER}>`,
      MAIL_POLL_INTERVAL_MS: '50',
      MAIL_POOL_IDLE_MS: '1000',
      SMTP_ALLOW_PRIVATE_HOSTS: 'true',
      SMTP_ALLOWED_PORTS: '*',
      SMTP_CONNECTION_TIMEOUT_MS: '2000',
      SMTP_GREETING_TIMEOUT_MS: '2000',
      SMTP_SOCKET_TIMEOUT_MS: '5000',
      SMTP_TEST_TIMEOUT_MS: '5000',
      ...options.env,
    },
    imports: [MailModule.forRoot({ routeSource: 'global' }), SmtpSettingsModule],
    overrides: [{ provide: HostResolver, useValue: new StaticHostResolver(options.hosts) }],
    schema: [mailSchema, smtpSettingsSchema],
  });
  return {
    api,
    platform,
    call: (token, method, path, body) =>
      fetch(`${api.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async () => {
      await api.close();
      await platform.close();
    },
  };
}
