import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi, type TestApiOptions } from '@mailroute/api/core/testing';
import { startTestSmtpServer, type TestSmtpServer } from '@mailroute/testing';
import { mailSchema } from '../lib/mail-schema';
import { MailModule, type MailModuleOptions } from '../lib/mail.module';
import { SMTP_ROUTE_SOURCE } from '../lib/routing/smtp-route-source';
import { InMemoryRouteSource } from './in-memory-route-source';

export const PLATFORM_USER = { username: 'platform', password: 'platform-secret' };
export const PLATFORM_SENDER = 'notifications@platform.test';

export interface PlatformSmtpTestApi {
  api: TestApi;
  /** The platform's SMTP server (PLATFORM_SMTP_URL points at it). */
  platform: TestSmtpServer;
  close(): Promise<void>;
}

export interface MailTestHarness extends PlatformSmtpTestApi {
  routes: InMemoryRouteSource;
}

export type PlatformSmtpTestApiOptions = { env?: Record<string, string> } & Pick<
  TestApiOptions,
  'imports' | 'schema' | 'overrides'
>;

/**
 * The real API with the mail library (configured by `mail`) and the modules given, on a
 * throwaway database, whose platform SMTP is a real TLS test server.
 */
export async function startPlatformSmtpTestApi(
  mail: MailModuleOptions,
  options: PlatformSmtpTestApiOptions = {},
): Promise<PlatformSmtpTestApi> {
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
      SMTP_CONNECTION_TIMEOUT_MS: '2000',
      SMTP_GREETING_TIMEOUT_MS: '2000',
      SMTP_SOCKET_TIMEOUT_MS: '5000',
      ...options.env,
    },
    imports: [MailModule.forRoot(mail), ...(options.imports ?? [])],
    schema: [mailSchema, ...(options.schema ?? [])],
    overrides: options.overrides,
  });
  return {
    api,
    platform,
    close: async () => {
      await api.close();
      await platform.close();
    },
  };
}

/**
 * The platform SMTP test API where organizations' custom routes come from an in-memory route
 * source, and retries come within seconds.
 */
export async function startMailTestHarness(
  options: PlatformSmtpTestApiOptions = {},
): Promise<MailTestHarness> {
  const routes = new InMemoryRouteSource();
  const harness = await startPlatformSmtpTestApi(
    { routeSource: { provide: SMTP_ROUTE_SOURCE, useValue: routes } },
    {
      ...options,
      env: { MAIL_RETRY_BASE_SECONDS: '1', MAIL_RETRY_MAX_DELAY_SECONDS: '2', ...options.env },
    },
  );
  return { ...harness, routes };
}
