import { seedOrganization, signIn, type SeededOrganization } from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import type { ApiErrorBody, SmtpSettingsHistoryEntry } from '@mailroute/shared/contracts';
import {
  describeWithPostgres,
  startTestSmtpServer,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
} from '@mailroute/testing';
import { startSmtpSettingsHarness, type SmtpSettingsHarness } from '../testing';
import { SmtpSettings } from './settings/smtp-settings.entity';

const USER = { username: 'app@acme.test', password: 'concurrent-smtp-password' };
const SETTINGS_PATH = '/api/organizations/current/smtp-settings';

/**
 * Two saves of one organization's settings in flight: the one whose test answers last was tested
 * against settings that are no longer stored. It is refused (409) rather than silently
 * overwriting the newer ones, and the history holds only true diffs.
 */
function concurrentSavesSuite(env: () => Record<string, string>): void {
  let harness: SmtpSettingsHarness;
  let fast: TestSmtpServer;
  let slow: TestSmtpServer;
  /** The slow server's pending answer: it replies to DATA only once `release` is called. */
  let held: { arrived: Promise<void>; release: () => void } | null = null;
  let onArrival: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();

  const holdNextMessage = () => {
    const arrived = new Promise<void>((resolve) => (onArrival = resolve));
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => (release = resolve));
    held = { arrived, release };
    return held;
  };

  beforeAll(async () => {
    fast = await startTestSmtpServer({ security: 'tls', users: [USER] });
    slow = await startTestSmtpServer({
      security: 'tls',
      users: [USER],
      onMessage: async () => {
        onArrival();
        await gate;
      },
    });
    harness = await startSmtpSettingsHarness({ env: { SMTP_SETTINGS_RATE_LIMIT: '1000', ...env() } });
  });

  afterAll(async () => {
    held?.release();
    await harness?.close();
    await fast?.close();
    await slow?.close();
  });

  const settingsFor = (server: TestSmtpServer, senderName: string) => ({
    host: '127.0.0.1',
    port: server.port,
    security: 'tls',
    ...USER,
    senderAddress: 'notify@acme.test',
    senderName,
    caCertificate: server.ca,
  });
  const stored = (organization: SeededOrganization) =>
    harness.api.dataSource.getRepository(SmtpSettings).findOneBy({ organizationId: organization.id });
  const testEmails = (organization: SeededOrganization) =>
    harness.api.dataSource
      .getRepository(OutboundEmail)
      .countBy({ organizationId: organization.id, kind: 'smtp_test', status: 'sent' });

  /** The slow save starts first and is held at DATA; the fast one lands; then the slow one answers. */
  async function race(token: string) {
    const hold = holdNextMessage();
    const slower = harness.call(token, 'PUT', SETTINGS_PATH, settingsFor(slow, 'Slower'));
    await hold.arrived;
    const newer = await harness.call(token, 'PUT', SETTINGS_PATH, settingsFor(fast, 'Newer'));
    expect(newer.status).toBe(200);
    hold.release();
    const refused = await slower;
    return { status: refused.status, body: (await refused.json()) as ApiErrorBody };
  }

  it('refuses the slower of two saves over stored settings with 409, keeping the newer and a true history', async () => {
    const acme = await seedOrganization(harness.api.app, 'acme');
    const token = await signIn(harness.api.baseUrl, acme.admin);
    expect((await harness.call(token, 'PUT', SETTINGS_PATH, settingsFor(fast, 'First'))).status).toBe(200);

    expect(await race(token)).toEqual({
      status: 409,
      body: expect.objectContaining({ statusCode: 409, code: 'smtp_settings_changed' }) as unknown,
    });
    expect(await stored(acme)).toMatchObject({ port: fast.port, senderName: 'Newer' });
    const history = (await (
      await harness.call(token, 'GET', `${SETTINGS_PATH}/history`)
    ).json()) as SmtpSettingsHistoryEntry[];
    expect(history.map((entry) => [entry.action, entry.changes])).toEqual([
      // Against what was stored when it landed: nothing of the slow server's port or sender name.
      [
        'updated',
        [
          { field: 'senderName', from: 'First', to: 'Newer' },
          { field: 'password', from: null, to: null },
        ],
      ],
      ['activated', expect.any(Array)],
    ]);
    // The refused save's test email did go out through the slow server: it is in the email log.
    expect(slow.messages).toHaveLength(1);
    expect(await testEmails(acme)).toBe(3);
  });

  it('refuses the slower of two first saves too, when none was stored', async () => {
    const globex = await seedOrganization(harness.api.app, 'globex');
    const token = await signIn(harness.api.baseUrl, globex.admin);

    expect(await race(token)).toMatchObject({ status: 409, body: { code: 'smtp_settings_changed' } });
    expect(await stored(globex)).toMatchObject({ port: fast.port, senderName: 'Newer' });
    const history = (await (
      await harness.call(token, 'GET', `${SETTINGS_PATH}/history`)
    ).json()) as SmtpSettingsHistoryEntry[];
    expect(history.map((entry) => entry.action)).toEqual(['activated']);
  });

  it('refuses a save whose settings were removed while it was tested', async () => {
    const initech = await seedOrganization(harness.api.app, 'initech');
    const token = await signIn(harness.api.baseUrl, initech.admin);
    expect((await harness.call(token, 'PUT', SETTINGS_PATH, settingsFor(fast, 'First'))).status).toBe(200);

    const hold = holdNextMessage();
    const slower = harness.call(token, 'PUT', SETTINGS_PATH, settingsFor(slow, 'Slower'));
    await hold.arrived;
    expect((await harness.call(token, 'DELETE', SETTINGS_PATH)).status).toBe(200);
    hold.release();
    expect((await slower).status).toBe(409);
    expect(await stored(initech)).toBeNull();
  });
}

describe('concurrent SMTP settings saves (SQLite)', () => {
  concurrentSavesSuite(() => ({}));
});

describeWithPostgres('concurrent SMTP settings saves (PostgreSQL)', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_smtp_races' });
  });
  afterAll(() => postgres?.stop());
  // Nested, so its API closes before the database stops.
  describe('on a throwaway database', () => {
    concurrentSavesSuite(() => ({ DATABASE_URL: postgres.url }));
  });
});
