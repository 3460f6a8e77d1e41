import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { seedOrganization, type SeededOrganization } from '@mailroute/api/core/testing';
import { defineMailTemplate, MailerService, OutboundEmail, RouteHealthService } from '@mailroute/api/mail';
import { trustedOrganizationId } from '@mailroute/api/core';
import { startTestSmtpServer, type TestSmtpServer, waitUntil } from '@mailroute/testing';
import { startSmtpSettingsHarness, storeSmtpSettings, type SmtpSettingsHarness } from '../../testing';

const USER = { username: 'app@acme.test', password: 'held-routes-smtp-password' };

const notice = defineMailTemplate<{ n: number }>({
  name: 'held-routes-recheck-notice',
  subject: { en: 'Notice #{{n}}', fr: 'Avis n°{{n}}' },
  text: { en: 'Notice {{n}}', fr: 'Avis {{n}}' },
  html: { en: '<p>Notice {{n}}</p>', fr: '<p>Avis {{n}}</p>' },
});

/**
 * An operator starts the API with the wrong SECRETS_KEY: the organization's stored password
 * cannot be opened, it says so at start, and the organization's emails are held. Corrected and
 * restarted, the API releases them and they leave through the organization's server.
 */
describe('held emails after a wrong SECRETS_KEY is corrected (restarts on one SQLite file)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-held-'));
  const rightKey = randomBytes(32).toString('base64');
  const wrongKey = randomBytes(32).toString('base64');
  let server: TestSmtpServer;
  let harness: SmtpSettingsHarness | undefined;
  let acme: SeededOrganization;
  let errors: string[] = [];

  const start = async (secretsKey: string) => {
    errors = [];
    harness = await startSmtpSettingsHarness({ env: { DATA_DIR: dataDir, SECRETS_KEY: secretsKey } });
    return harness;
  };
  const restart = async (secretsKey: string) => {
    await harness?.close();
    harness = undefined;
    return start(secretsKey);
  };
  const statusOf = async (api: SmtpSettingsHarness, id: string) =>
    (await api.api.dataSource.getRepository(OutboundEmail).findOneBy({ id }))?.status;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(JSON.stringify(args));
    });
    server = await startTestSmtpServer({ security: 'tls', users: [USER] });
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    jest.restoreAllMocks();
  });

  it('reports the wrong key at start, holds the emails, and sends them once the key is right again', async () => {
    const first = await start(rightKey);
    acme = await seedOrganization(first.api.app, 'acme');
    await storeSmtpSettings(first.api.app, trustedOrganizationId(acme.id), {
      host: '127.0.0.1',
      port: server.port,
      security: 'tls',
      ...USER,
      senderAddress: 'notify@acme.test',
      caCertificate: server.ca,
    });
    expect(errors.filter((line) => line.includes('SECRETS_KEY'))).toEqual([]);

    const wrong = await restart(wrongKey);
    expect(errors.filter((line) => line.includes('SECRETS_KEY'))).toEqual([expect.stringContaining(acme.id)]);
    const id = await wrong.api.app.get(MailerService).send({
      organizationId: acme.id,
      kind: 'notification',
      to: 'reader@example.test',
      template: notice,
      data: { n: 1 },
    });
    await waitUntil(async () => (await statusOf(wrong, id)) === 'held', {
      description: 'the email to be held (its route’s password cannot be opened)',
    });
    // A restart with the same wrong key changes nothing.
    const stillWrong = await restart(wrongKey);
    expect(await statusOf(stillWrong, id)).toBe('held');

    const fixed = await restart(rightKey);
    expect(errors.filter((line) => line.includes('SECRETS_KEY'))).toEqual([]);
    await waitUntil(async () => (await statusOf(fixed, id)) === 'sent', {
      description: 'the held email to be sent once SECRETS_KEY is right again',
    });
    const [message] = await server.waitForMessages(1);
    expect(message?.subject).toBe('Notice #1');
    expect(fixed.platform.messages).toHaveLength(0);
    expect(await fixed.api.app.get(RouteHealthService).view(trustedOrganizationId(acme.id))).toMatchObject({
      held: false,
    });
  });
});
