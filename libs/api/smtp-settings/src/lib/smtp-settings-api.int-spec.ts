import { seedOrganization, signIn, type SeededOrganization } from '@mailroute/api/core/testing';
import { MailerService, OutboundEmail, defineMailTemplate } from '@mailroute/api/mail';
import type {
  ConnectionTestReport,
  EmailLogPage,
  SmtpSettingsHistoryEntry,
  SmtpSettingsSaved,
  SmtpSettingsTestFailed,
  SmtpSettingsView,
} from '@mailroute/shared/contracts';
import {
  createTestCertificate,
  findFreePort,
  startTestSmtpServer,
  type TestSmtpServer,
  waitUntil,
} from '@mailroute/testing';
import { startSmtpSettingsHarness, type SmtpSettingsHarness } from '../testing';
import { SmtpSettings } from './settings/smtp-settings.entity';

const ACME_USER = { username: 'app@acme.test', password: 'Acme-SMTP-pässword-42' };
const ACME_SENDER = 'notify@acme.test';

const reminder = defineMailTemplate<{ n: number }>({
  name: 'smtp-settings-reminder',
  subject: { en: 'Reminder #{{n}}', fr: 'Rappel n°{{n}}' },
  text: { en: 'Reminder {{n}}', fr: 'Rappel {{n}}' },
  html: { en: '<p>Reminder {{n}}</p>', fr: '<p>Rappel {{n}}</p>' },
});

function without(settings: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !keys.includes(key)));
}

describe('SMTP settings API', () => {
  let harness: SmtpSettingsHarness;
  let tlsServer: TestSmtpServer;
  let starttlsServer: TestSmtpServer;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  let adminToken: string;

  const settingsFor = (server: TestSmtpServer, overrides: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: server.port,
    security: server.security,
    username: ACME_USER.username,
    password: ACME_USER.password,
    senderAddress: ACME_SENDER,
    senderName: 'Acme Notifications',
    caCertificate: server.ca,
    ...overrides,
  });
  const current = async (token = adminToken) =>
    (await (
      await harness.call(token, 'GET', '/api/organizations/current/smtp-settings')
    ).json()) as SmtpSettingsView;
  const storedRow = () =>
    harness.api.dataSource.getRepository(SmtpSettings).findOneBy({ organizationId: acme.id });

  beforeAll(async () => {
    [tlsServer, starttlsServer] = await Promise.all([
      startTestSmtpServer({ security: 'tls', users: [ACME_USER], acceptedSenders: [ACME_SENDER] }),
      startTestSmtpServer({ security: 'starttls', users: [ACME_USER], acceptedSenders: [ACME_SENDER] }),
    ]);
    // The rate limit has its own suite below.
    harness = await startSmtpSettingsHarness({ env: { SMTP_SETTINGS_RATE_LIMIT: '1000' } });
    acme = await seedOrganization(harness.api.app, 'acme', { name: 'Acme' });
    globex = await seedOrganization(harness.api.app, 'globex', { name: 'Globex' });
    adminToken = await signIn(harness.api.baseUrl, acme.admin);
  });

  afterAll(async () => {
    await harness?.close();
    await tlsServer?.close();
    await starttlsServer?.close();
  });

  beforeEach(() => {
    for (const server of [tlsServer, starttlsServer, harness.platform]) {
      server.clear();
    }
  });

  it('starts on the platform SMTP', async () => {
    expect(await current()).toMatchObject({
      mode: 'platform',
      host: null,
      hasPassword: false,
      failurePolicy: 'hold',
    });
  });

  it('saves settings only after every stage passed and the test email arrived with the configured sender', async () => {
    const response = await harness.call(adminToken, 'PUT', '/api/organizations/current/smtp-settings', {
      ...settingsFor(tlsServer),
      testRecipient: 'it@acme.test',
    });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as SmtpSettingsSaved;
    expect(saved.report.ok).toBe(true);
    expect(saved.report.stages.map((stage) => stage.stage)).toEqual([
      'resolve',
      'policy',
      'connect',
      'tls',
      'greeting',
      'ehlo',
      'auth',
      'sender',
      'send',
    ]);
    expect(saved.report.stages.every((stage) => stage.ok)).toBe(true);
    expect(saved.settings).toMatchObject({
      mode: 'custom',
      host: '127.0.0.1',
      port: tlsServer.port,
      security: 'tls',
      username: ACME_USER.username,
      hasPassword: true,
      senderAddress: ACME_SENDER,
      senderName: 'Acme Notifications',
      updatedBy: { id: acme.admin.id, email: acme.admin.email },
    });
    expect(saved.settings.caCertificate?.subject).toBeTruthy();
    expect(JSON.stringify(saved)).not.toContain(ACME_USER.password);

    const [testEmail] = await tlsServer.waitForMessages(1);
    expect(testEmail?.to).toEqual(['it@acme.test']);
    expect(testEmail?.from?.address).toBe(ACME_SENDER);
    expect(testEmail?.subject).toBe('Test email from Mailroute for Acme');
    expect(testEmail?.messageId).toBe(saved.report.messageId);
  });

  it('logs the test email, and sends every later email of the organization through its server', async () => {
    const mailer = harness.api.app.get(MailerService);
    const id = await mailer.send({
      organizationId: acme.id,
      kind: 'notification',
      to: 'reader@example.test',
      template: reminder,
      data: { n: 1 },
    });
    const emails = harness.api.dataSource.getRepository(OutboundEmail);
    await waitUntil(async () => (await emails.findOneBy({ id }))?.status === 'sent', {
      description: 'the notification to be sent',
    });
    const [message] = await tlsServer.waitForMessages(1);
    expect(message?.from?.address).toBe(ACME_SENDER);
    expect(harness.platform.messages).toHaveLength(0);

    const log = (await (
      await harness.call(adminToken, 'GET', '/api/organizations/current/emails')
    ).json()) as EmailLogPage;
    const route = { type: 'custom', host: '127.0.0.1', port: tlsServer.port, sender: ACME_SENDER };
    expect(log.items.map((item) => [item.kind, item.status, item.route])).toEqual([
      ['notification', 'sent', route],
      ['smtp_test', 'sent', route],
    ]);
  });

  it('keeps the stored password when none is given, for the same server', async () => {
    const before = await storedRow();
    const response = await harness.call(
      adminToken,
      'PUT',
      '/api/organizations/current/smtp-settings',
      without(settingsFor(tlsServer, { senderName: 'Acme' }), 'password'),
    );
    expect(response.status).toBe(200);
    const after = await storedRow();
    expect(after?.passwordSealed).toBe(before?.passwordSealed);
    expect(after?.version).not.toBe(before?.version);
    expect(after?.senderName).toBe('Acme');
  });

  it('keeps the stored CA certificate when none is given, and reports the route healthy after a save', async () => {
    const response = await harness.call(
      adminToken,
      'PUT',
      '/api/organizations/current/smtp-settings',
      without(settingsFor(tlsServer, { senderName: 'Acme' }), 'password', 'caCertificate'),
    );
    expect(response.status).toBe(200);
    const { settings } = (await response.json()) as SmtpSettingsSaved;
    expect(settings.caCertificate?.subject).toBeTruthy();
    expect(settings.health.state).toBe('ok');
    expect(settings.health.lastSuccessAt).not.toBeNull();
    expect((await storedRow())?.caCertificate).toBe(tlsServer.ca);
  });

  it('asks for the password again before testing another server', async () => {
    const response = await harness.call(
      adminToken,
      'PUT',
      '/api/organizations/current/smtp-settings',
      without(settingsFor(starttlsServer), 'password'),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [
        { field: 'password', reason: 'must be entered again when the host, port or username changes' },
      ],
    });
    expect(starttlsServer.messages).toHaveLength(0);
  });

  it('passes every stage with STARTTLS too', async () => {
    const response = await harness.call(
      adminToken,
      'POST',
      '/api/organizations/current/smtp-settings/test',
      settingsFor(starttlsServer),
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as ConnectionTestReport;
    expect(report.ok).toBe(true);
    expect(report.stages.map((stage) => stage.stage)).toEqual([
      'resolve',
      'policy',
      'connect',
      'greeting',
      'tls',
      'ehlo',
      'auth',
      'sender',
      'send',
    ]);
    const [testEmail] = await starttlsServer.waitForMessages(1);
    expect(testEmail?.to).toEqual([acme.admin.email]);
    // Testing stores nothing: the organization still uses the TLS server.
    expect((await current()).port).toBe(tlsServer.port);
  });

  describe('a failing stage changes nothing', () => {
    let selfSigned: TestSmtpServer;
    let plaintext: TestSmtpServer;
    let closedPort: number;

    beforeAll(async () => {
      const certificate = await createTestCertificate({ commonName: '127.0.0.1' });
      [selfSigned, plaintext] = await Promise.all([
        startTestSmtpServer({ security: 'tls', users: [ACME_USER], certificate }),
        startTestSmtpServer({ security: 'plain', users: [ACME_USER] }),
      ]);
      closedPort = await findFreePort();
    });

    afterAll(async () => {
      await selfSigned?.close();
      await plaintext?.close();
    });

    const cases: [string, () => Record<string, unknown>, string][] = [
      ['a wrong password', () => settingsFor(tlsServer, { password: 'wrong-password' }), 'auth'],
      [
        'a sender the server refuses',
        () => settingsFor(tlsServer, { senderAddress: 'ceo@acme.test' }),
        'sender',
      ],
      [
        'a plaintext-only server',
        () => settingsFor(plaintext, { security: 'tls', caCertificate: null }),
        'tls',
      ],
      ['an unknown host', () => settingsFor(tlsServer, { host: 'smtp.does-not-exist.invalid' }), 'resolve'],
      ['a refused port', () => settingsFor(tlsServer, { port: closedPort }), 'connect'],
      [
        'a self-signed certificate without its CA',
        () => settingsFor(selfSigned, { caCertificate: null }),
        'tls',
      ],
    ];

    it.each(cases)('%s: 422 with the report, the stored settings unchanged', async (_name, body, stage) => {
      const before = await storedRow();
      const response = await harness.call(
        adminToken,
        'PUT',
        '/api/organizations/current/smtp-settings',
        body(),
      );
      expect(response.status).toBe(422);
      const failure = (await response.json()) as SmtpSettingsTestFailed;
      expect(failure.code).toBe('smtp_test_failed');
      const failed = failure.report.stages.at(-1);
      expect(failed).toMatchObject({ stage, ok: false });
      expect(failed?.hint?.en).toBeTruthy();
      expect(failed?.hint?.fr).toBeTruthy();
      expect(JSON.stringify(failure)).not.toContain(ACME_USER.password);
      expect(await storedRow()).toEqual(before);
    });

    it('passes with the self-signed server once its CA is supplied', async () => {
      const response = await harness.call(
        adminToken,
        'POST',
        '/api/organizations/current/smtp-settings/test',
        settingsFor(selfSigned, { caCertificate: selfSigned.ca }),
      );
      expect(((await response.json()) as ConnectionTestReport).ok).toBe(true);
    });
  });

  it('answers bad input with 400 naming each field, before any connection', async () => {
    const response = await harness.call(adminToken, 'PUT', '/api/organizations/current/smtp-settings', {
      host: 'smtp://smtp.acme.test/path',
      port: 70000,
      security: 'none',
      username: 'app\r\nRCPT TO:<victim@example.test>',
      senderAddress: 'Acme <notify@acme.test>',
      replyTo: 'a@acme.test, b@acme.test',
      caCertificate: 'not a certificate',
      password: null,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { field: string; reason: string }[] };
    expect(body.errors.map((error) => error.field).sort()).toEqual([
      'caCertificate',
      'host',
      'password',
      'port',
      'replyTo',
      'security',
      'senderAddress',
      'username',
    ]);
    expect(body.errors.find((error) => error.field === 'security')?.reason).toContain(
      'plaintext SMTP is refused',
    );
  });

  it('records who changed what, the password only as changed', async () => {
    const history = (await (
      await harness.call(adminToken, 'GET', '/api/organizations/current/smtp-settings/history')
    ).json()) as SmtpSettingsHistoryEntry[];
    expect(history.map((entry) => entry.action)).toEqual(['updated', 'activated']);
    expect(history[0]?.changes).toEqual([{ field: 'senderName', from: 'Acme Notifications', to: 'Acme' }]);
    expect(history[1]?.by).toEqual({ id: acme.admin.id, email: acme.admin.email });
    expect(history[1]?.changes).toContainEqual({ field: 'password', from: null, to: null });
    expect(history[1]?.changes).toContainEqual({ field: 'port', from: null, to: String(tlsServer.port) });
    expect(JSON.stringify(history)).not.toContain(ACME_USER.password);
  });

  it('is for the organization’s admins only, and never shows another organization’s settings', async () => {
    const memberToken = await signIn(harness.api.baseUrl, acme.member);
    const routes: [string, string][] = [
      ['GET', ''],
      ['PUT', ''],
      ['POST', '/test'],
      ['DELETE', ''],
      ['GET', '/history'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'PUT' || method === 'POST' ? settingsFor(tlsServer) : undefined;
      const response = await harness.call(
        memberToken,
        method,
        `/api/organizations/current/smtp-settings${path}`,
        body,
      );
      expect([method, path, response.status]).toEqual([method, path, 403]);
    }
    const globexToken = await signIn(harness.api.baseUrl, globex.admin);
    expect(await current(globexToken)).toMatchObject({ mode: 'platform', host: null });
    const history = await harness.call(
      globexToken,
      'GET',
      '/api/organizations/current/smtp-settings/history',
    );
    expect(await history.json()).toEqual([]);
    expect(tlsServer.messages).toHaveLength(0);
  });

  it('goes back to the platform SMTP on request, destroying the stored password', async () => {
    const response = await harness.call(adminToken, 'DELETE', '/api/organizations/current/smtp-settings');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: 'platform', host: null, hasPassword: false });
    expect(await storedRow()).toBeNull();

    const id = await harness.api.app.get(MailerService).send({
      organizationId: acme.id,
      kind: 'notification',
      to: 'reader@example.test',
      template: reminder,
      data: { n: 2 },
    });
    const [message] = await harness.platform.waitForMessages(1);
    expect(message?.subject).toBe('Reminder #2');
    expect(tlsServer.messages).toHaveLength(0);
    expect(id).toBeTruthy();

    const history = (await (
      await harness.call(adminToken, 'GET', '/api/organizations/current/smtp-settings/history')
    ).json()) as SmtpSettingsHistoryEntry[];
    expect(history[0]?.action).toBe('deleted');
    expect(history[0]?.changes).toContainEqual({ field: 'host', from: '127.0.0.1', to: null });
  });
});

describe('SMTP settings rate limit', () => {
  let harness: SmtpSettingsHarness;

  beforeAll(async () => {
    harness = await startSmtpSettingsHarness({ env: { SMTP_SETTINGS_RATE_LIMIT: '2' } });
  });

  afterAll(() => harness?.close());

  it('answers 429 past the organization’s tests per minute, other organizations unaffected', async () => {
    const acme = await seedOrganization(harness.api.app, 'acme');
    const globex = await seedOrganization(harness.api.app, 'globex');
    const closedPort = await findFreePort();
    const body = {
      host: '127.0.0.1',
      port: closedPort,
      security: 'tls',
      username: 'app',
      password: 'secret',
      senderAddress: 'notify@acme.test',
    };
    const acmeToken = await signIn(harness.api.baseUrl, acme.admin);
    const statuses = [];
    for (let n = 0; n < 3; n++) {
      statuses.push(
        (await harness.call(acmeToken, 'POST', '/api/organizations/current/smtp-settings/test', body)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 429]);
    const saving = await harness.call(acmeToken, 'PUT', '/api/organizations/current/smtp-settings', body);
    expect(saving.status).toBe(429);
    const globexToken = await signIn(harness.api.baseUrl, globex.admin);
    expect(
      (await harness.call(globexToken, 'POST', '/api/organizations/current/smtp-settings/test', body)).status,
    ).toBe(200);
  });
});
