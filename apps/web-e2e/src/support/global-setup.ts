import { startBuiltApi } from '@mailroute/testing';
import { chromiumAvailable, CHROMIUM_PATH } from './chromium';
import { E2E_ADMIN, E2E_MEMBER, E2E_ORGANIZATION_NAME } from './e2e-users';
import { MAILBOX_ENV, startPlatformMailbox } from './platform-mailbox';
import { inviteMember } from './invite-member';

/** Starts the built API (serving the built web app) once for the run; returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!chromiumAvailable()) {
    const message = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`.`;
    if (process.env['CI'] === 'true') {
      throw new Error(message);
    }
    console.warn(`\n!!! SKIPPING the browser tests. ${message}\n`);
    process.env['MAILROUTE_E2E_SKIP'] = message;
    return async () => undefined;
  }
  const mailbox = await startPlatformMailbox();
  const api = await startBuiltApi({
    env: {
      ...mailbox.apiEnv,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ADMIN_ORGANIZATION_NAME: E2E_ORGANIZATION_NAME,
      LOG_LEVEL: 'warn',
      // The SMTP scenarios use a test SMTP server on 127.0.0.1 and a free port.
      SMTP_ALLOW_PRIVATE_HOSTS: 'true',
      SMTP_ALLOWED_PORTS: '*',
      // Every browser test signs in from 127.0.0.1; the throttle (10 a minute by default, tested
      // in api-core) would refuse the run's later sign-ins.
      LOGIN_RATE_LIMIT: '1000',
    },
  }).catch(async (error: unknown) => {
    await mailbox.close();
    throw error;
  });
  process.env[MAILBOX_ENV] = mailbox.directory;
  try {
    await inviteMember(api.baseUrl, E2E_ADMIN, E2E_MEMBER);
  } catch (error) {
    await api.stop();
    await mailbox.close();
    throw error;
  }
  process.env['MAILROUTE_E2E_BASE_URL'] = api.baseUrl;
  return async () => {
    await api.stop();
    await mailbox.close();
  };
}
