import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSmtpServer } from '@mailroute/testing';

/** Where global-setup tells the test workers the platform route's messages are. */
export const MAILBOX_ENV = 'MAILROUTE_E2E_MAILBOX';

const PLATFORM_USER = { username: 'platform@e2e.test', password: 'Platform-SMTP-Password-1' };

export interface PlatformMailbox {
  /** The API's configuration for its platform route: this server, over TLS, trusted by its CA file. */
  apiEnv: Record<string, string>;
  directory: string;
  close(): Promise<void>;
}

/**
 * The platform SMTP server of the browser tests: a real TLS server on 127.0.0.1 that saves every
 * message as an .eml file, so the tests (in other processes) read what a person would receive.
 */
export async function startPlatformMailbox(): Promise<PlatformMailbox> {
  const directory = mkdtempSync(join(tmpdir(), 'mailroute-e2e-mail-'));
  let sequence = 0;
  const server = await startTestSmtpServer({
    security: 'tls',
    host: '127.0.0.1',
    users: [PLATFORM_USER],
    retainMessages: false,
    onMessage: (message) => {
      sequence += 1;
      writeFileSync(join(directory, `${String(sequence).padStart(6, '0')}.eml`), message.raw, { flag: 'wx' });
    },
  });
  const caFile = join(mkdtempSync(join(tmpdir(), 'mailroute-e2e-ca-')), 'platform-ca.pem');
  writeFileSync(caFile, server.ca);
  const credentials = `${encodeURIComponent(PLATFORM_USER.username)}:${encodeURIComponent(PLATFORM_USER.password)}`;
  return {
    apiEnv: {
      PLATFORM_SMTP_URL: `smtps://${credentials}@127.0.0.1:${server.port}`,
      PLATFORM_SMTP_CA_FILE: caFile,
    },
    directory,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
      rmSync(caFile, { force: true });
    },
  };
}
