import type { ConnectionTestReport, ConnectionTestStage } from '@mailroute/shared/contracts';
import { testConfig } from '@mailroute/api/core/testing';
import {
  createTestCertificate,
  findFreePort,
  startBlackholeServer,
  startTestSmtpServer,
  waitUntil,
} from '@mailroute/testing';
import { AddressPolicy } from '../address-policy/address-policy';
import { StaticHostResolver } from '../../testing/static-host-resolver';
import { connectionTestHints as hints } from './connection-test-hints';
import type { ConnectionTestRequest } from './connection-test-request';
import { ConnectionTester } from './connection-tester';
import { loginAuthValue, plainAuthToken } from './smtp-commands';
import { TlsTrustStore } from '@mailroute/api/mail';

const PASSWORD = 'correct-horse-battery-staple';
const USER = { username: 'app@example.com', password: PASSWORD };
const SENDER = 'notifications@example.com';
const RECIPIENT = 'admin@example.org';

const ALL_STAGES_TLS: ConnectionTestStage[] = [
  'resolve',
  'policy',
  'connect',
  'tls',
  'greeting',
  'ehlo',
  'auth',
  'sender',
  'send',
];
const ALL_STAGES_STARTTLS: ConnectionTestStage[] = [
  'resolve',
  'policy',
  'connect',
  'greeting',
  'tls',
  'ehlo',
  'auth',
  'sender',
  'send',
];

function testerWith(env: Record<string, string> = {}): ConnectionTester {
  const config = testConfig({
    SMTP_ALLOW_PRIVATE_HOSTS: 'true',
    SMTP_ALLOWED_PORTS: '*',
    SMTP_TEST_TIMEOUT_MS: '10000',
    ...env,
  });
  const resolver = new StaticHostResolver();
  return new ConnectionTester(config, resolver, new AddressPolicy(config, resolver), new TlsTrustStore());
}

function requestFor(
  server: { port: number },
  overrides: Partial<ConnectionTestRequest> = {},
): ConnectionTestRequest {
  return {
    host: '127.0.0.1',
    port: server.port,
    security: 'tls',
    username: USER.username,
    password: PASSWORD,
    senderAddress: SENDER,
    caCertificate: null,
    testRecipient: RECIPIENT,
    message: {
      from: { address: SENDER, name: 'Mailroute test' },
      to: RECIPIENT,
      replyTo: null,
      subject: 'Mailroute SMTP test',
      text: 'It works.\n.\nA line with only a dot, above, must survive.',
      html: '<p>It works.</p>',
      messageId: '<connection-test-1@mailroute.test>',
      headers: { 'Auto-Submitted': 'auto-generated' },
    },
    ...overrides,
  };
}

function stagesOf(report: ConnectionTestReport): ConnectionTestStage[] {
  return report.stages.map((stage) => stage.stage);
}

function failedStage(report: ConnectionTestReport) {
  const failed = report.stages[report.stages.length - 1];
  expect(report.ok).toBe(false);
  expect(failed.ok).toBe(false);
  expect(report.stages.slice(0, -1).every((stage) => stage.ok)).toBe(true);
  return failed;
}

/** The password must not appear in the report, in clear or in the forms AUTH sent it in. */
function expectNoPassword(report: ConnectionTestReport): void {
  const serialized = JSON.stringify(report);
  expect(serialized).not.toContain(PASSWORD);
  expect(serialized).not.toContain(loginAuthValue(PASSWORD));
  expect(serialized).not.toContain(plainAuthToken(USER.username, PASSWORD));
}

async function expectNoOpenConnections(server: { activeConnections(): number }): Promise<void> {
  await waitUntil(() => server.activeConnections() === 0, {
    description: 'the connection test to close every connection',
    timeoutMs: 3000,
  });
}

describe('ConnectionTester against the test SMTP server', () => {
  const servers: { close(): Promise<void> }[] = [];
  async function started<S extends { close(): Promise<void> }>(server: Promise<S>): Promise<S> {
    const running = await server;
    servers.push(running);
    return running;
  }

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  describe('a server that works', () => {
    it('passes every stage with implicit TLS and delivers the test email', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));

      const report = await testerWith().run(requestFor(smtp, { host: 'localhost', caCertificate: smtp.ca }));

      expect(stagesOf(report)).toEqual(ALL_STAGES_TLS);
      expect(report.ok).toBe(true);
      expect(report.messageId).toBe('<connection-test-1@mailroute.test>');
      expect(report.testRecipient).toBe(RECIPIENT);
      for (const stage of report.stages) {
        expect(stage).toMatchObject({ ok: true, hint: null });
        expect(stage.durationMs).toBeGreaterThanOrEqual(0);
        expect(stage.detail).not.toBe('');
      }
      const byStage = Object.fromEntries(report.stages.map((stage) => [stage.stage, stage]));
      expect(byStage['resolve'].addresses).toContain('127.0.0.1');
      expect(byStage['connect'].detail).toBe(`connected to 127.0.0.1:${smtp.port}`);
      expect(byStage['tls'].tls).toMatchObject({
        verified: true,
        verifyError: null,
        subject: 'CN=localhost',
      });
      expect(byStage['tls'].tls?.protocol).toMatch(/^TLSv1\.[23]$/);
      expect(byStage['greeting'].serverResponse).toMatch(/^220 localhost/);
      expect(byStage['ehlo'].authMechanisms).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
      expect(byStage['auth'].detail).toContain('signed in as app@example.com with PLAIN');
      expect(byStage['send'].serverResponse).toMatch(/^250 /);

      const [received] = await smtp.waitForMessages(1);
      expect(received.envelope).toEqual({ mailFrom: SENDER, rcptTo: [RECIPIENT] });
      expect(received.authenticatedUser).toBe(USER.username);
      expect(received.secure).toBe(true);
      expect(received.from).toEqual({ address: SENDER, name: 'Mailroute test' });
      expect(received.subject).toBe('Mailroute SMTP test');
      expect(received.messageId).toBe('<connection-test-1@mailroute.test>');
      expect(received.headers['auto-submitted']).toBe('auto-generated');
      expect(received.text).toContain('\n.\nA line with only a dot');
      expectNoPassword(report);
      await expectNoOpenConnections(smtp);
    });

    it('passes every stage with STARTTLS, upgrading before EHLO is trusted', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'starttls', users: [USER] }));

      const report = await testerWith().run(
        requestFor(smtp, { security: 'starttls', caCertificate: smtp.ca }),
      );

      expect(stagesOf(report)).toEqual(ALL_STAGES_STARTTLS);
      expect(report.ok).toBe(true);
      const tls = report.stages.find((stage) => stage.stage === 'tls');
      expect(tls?.detail).toMatch(/^STARTTLS accepted; TLSv1\.[23] /);
      expect(tls?.tls?.verified).toBe(true);
      const ehlo = report.stages.find((stage) => stage.stage === 'ehlo');
      // Offered only after the upgrade by this server: proof the second EHLO ran over TLS.
      expect(ehlo?.authMechanisms).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
      expect(ehlo?.extensions).not.toContain('STARTTLS');
      const [received] = await smtp.waitForMessages(1);
      expect(received.secure).toBe(true);
      expect(received.envelope.mailFrom).toBe(SENDER);
      expect(received.messageId).toBe('<connection-test-1@mailroute.test>');
      expectNoPassword(report);
      await expectNoOpenConnections(smtp);
    });

    it('sends without signing in when no user name is set and the server does not require it', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls' }));

      const report = await testerWith().run(
        requestFor(smtp, { username: '', password: '', caCertificate: smtp.ca }),
      );

      expect(report.ok).toBe(true);
      expect(report.stages.find((stage) => stage.stage === 'auth')?.detail).toBe(
        'no user name configured: not signing in',
      );
      await smtp.waitForMessages(1);
    });
  });

  describe('credentials and addresses', () => {
    it('fails at auth with the server reply and the credentials hint on a wrong password', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));

      const report = await testerWith().run(
        requestFor(smtp, { password: 'wrong-password-123', caCertificate: smtp.ca }),
      );

      const failed = failedStage(report);
      expect(failed.stage).toBe('auth');
      expect(failed.serverResponse).toMatch(/^535 /);
      expect(failed.detail).toContain('535');
      expect(failed.hint).toEqual(hints.wrongCredentials());
      expect(JSON.stringify(report)).not.toContain('wrong-password-123');
      expect(smtp.messages).toHaveLength(0);
      expect(report.messageId).toBeNull();
    });

    it('fails at auth when a user name is set but the server offers no AUTH', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls' }));

      const report = await testerWith().run(requestFor(smtp, { caCertificate: smtp.ca }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('auth');
      expect(failed.hint).toEqual(hints.authNotOffered());
      expectNoPassword(report);
    });

    it('fails at sender when the provider has not validated the sender address', async () => {
      const smtp = await started(
        startTestSmtpServer({ security: 'tls', users: [USER], acceptedSenders: ['other@example.com'] }),
      );

      const report = await testerWith().run(requestFor(smtp, { caCertificate: smtp.ca }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('sender');
      expect(failed.serverResponse).toMatch(/^553 /);
      expect(failed.detail).toContain(`<${SENDER}>`);
      expect(failed.hint).toEqual(hints.senderRefused());
      expectNoPassword(report);
    });

    it('fails at send when the server refuses the recipient', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));
      smtp.failNext({ stage: 'rcpt', action: 'reply', code: 550, message: '5.1.1 No such user' });

      const report = await testerWith().run(requestFor(smtp, { caCertificate: smtp.ca }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('send');
      expect(failed.serverResponse).toBe('550 5.1.1 No such user');
      expect(failed.hint).toEqual(hints.recipientRefused());
      expect(report.messageId).toBeNull();
    });
  });

  describe('transport security', () => {
    it('refuses a plaintext-only server at the tls stage when implicit TLS is configured', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'plain', users: [USER] }));

      const report = await testerWith().run(requestFor(smtp, { security: 'tls' }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('tls');
      expect(failed.detail).toMatch(/TLS handshake failed|closed the connection/);
      expect(failed.hint).toEqual(hints.plaintextServer(smtp.port));
      expectNoPassword(report);
      await expectNoOpenConnections(smtp);
    });

    it('refuses a plaintext-only server at the tls stage when STARTTLS is configured', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'plain', users: [USER] }));

      const report = await testerWith().run(requestFor(smtp, { security: 'starttls' }));

      const failed = failedStage(report);
      expect(stagesOf(report)).toEqual(['resolve', 'policy', 'connect', 'greeting', 'tls']);
      expect(failed.detail).toBe(
        'the server offers no TLS (no STARTTLS in its EHLO reply); Mailroute refuses plaintext SMTP',
      );
      expect(failed.hint).toEqual(hints.noStartTls(smtp.port));
      expectNoPassword(report);
    });

    it('refuses a self-signed certificate at the tls stage, showing the certificate', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));

      const report = await testerWith().run(requestFor(smtp, { caCertificate: null }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('tls');
      expect(failed.tls).toMatchObject({
        verified: false,
        verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        subject: 'CN=localhost',
        issuer: 'CN=localhost',
      });
      expect(failed.detail).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(failed.hint).toEqual(hints.selfSigned());
      expect(smtp.messages).toHaveLength(0);
      expectNoPassword(report);
    });

    it('passes with the same self-signed server once its CA certificate is supplied', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'starttls', users: [USER] }));
      const tester = testerWith();

      const without = await tester.run(requestFor(smtp, { security: 'starttls' }));
      const withCa = await tester.run(requestFor(smtp, { security: 'starttls', caCertificate: smtp.ca }));

      expect(failedStage(without).stage).toBe('tls');
      expect(withCa.ok).toBe(true);
      expect(smtp.messages).toHaveLength(1);
    });

    it('refuses an expired certificate at the tls stage, with its date', async () => {
      const certificate = await createTestCertificate({
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2021-06-30T00:00:00Z'),
      });
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER], certificate }));

      const report = await testerWith().run(requestFor(smtp, { caCertificate: smtp.ca }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('tls');
      expect(failed.tls?.verifyError).toBe('CERT_HAS_EXPIRED');
      expect(failed.tls?.validTo).toBe('2021-06-30T00:00:00.000Z');
      expect(failed.hint).toEqual(hints.certificateExpired('2021-06-30T00:00:00.000Z'));
      expect(failed.hint?.en).toContain('2021-06-30');
      expectNoPassword(report);
    });

    it('refuses a certificate for another host name, checked against the configured host', async () => {
      const certificate = await createTestCertificate({
        commonName: 'mail.example.test',
        altNames: ['mail.example.test'],
      });
      const smtp = await started(startTestSmtpServer({ security: 'starttls', users: [USER], certificate }));

      const report = await testerWith().run(
        requestFor(smtp, { host: 'localhost', security: 'starttls', caCertificate: smtp.ca }),
      );

      const failed = failedStage(report);
      expect(failed.stage).toBe('tls');
      expect(failed.tls).toMatchObject({ verified: false, verifyError: 'ERR_TLS_CERT_ALTNAME_INVALID' });
      expect(failed.detail).toContain("Host: localhost. is not in the cert's altnames");
      expect(failed.hint).toEqual(hints.hostNameMismatch('localhost'));
      expectNoPassword(report);
    });

    it('fails at greeting with the implicit-TLS hint when STARTTLS is configured on a TLS port', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));

      const report = await testerWith({ SMTP_TEST_TIMEOUT_MS: '1500' }).run(
        requestFor(smtp, { security: 'starttls', caCertificate: smtp.ca }),
      );

      const failed = failedStage(report);
      expect(failed.stage).toBe('greeting');
      expect(failed.detail).toMatch(/^timed out after 1500 ms/);
      expect(failed.hint?.en).toContain('expect TLS from the start');
    });
  });

  describe('where the server is', () => {
    it('fails at resolve for a host that does not exist', async () => {
      const report = await testerWith().run(requestFor({ port: 465 }, { host: 'no-such-host.invalid' }));

      const failed = failedStage(report);
      expect(stagesOf(report)).toEqual(['resolve']);
      expect(failed.detail).toMatch(/^no-such-host\.invalid could not be resolved \(E[A-Z_]+\)$/);
      expect(failed.hint?.en).not.toBe('');
    });

    it('fails at connect when nothing listens on the port', async () => {
      const port = await findFreePort();

      const report = await testerWith().run(requestFor({ port }));

      const failed = failedStage(report);
      expect(failed.stage).toBe('connect');
      expect(failed.detail).toBe(`127.0.0.1:${port} refused the connection (ECONNREFUSED)`);
      expect(failed.hint).toEqual(hints.connectionRefused(port));
    });

    it('fails at policy without connecting when private hosts are not allowed', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));

      const report = await testerWith({ SMTP_ALLOW_PRIVATE_HOSTS: 'false' }).run(
        requestFor(smtp, { caCertificate: smtp.ca }),
      );

      const failed = failedStage(report);
      expect(stagesOf(report)).toEqual(['resolve', 'policy']);
      expect(failed.detail).toContain('127.0.0.1');
      expect(failed.hint?.en).toContain('private or internal address');
      expect(smtp.totalConnections()).toBe(0);
    });

    it('fails at policy for a port outside the allowed list', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));

      const report = await testerWith({ SMTP_ALLOWED_PORTS: '465,587' }).run(
        requestFor(smtp, { caCertificate: smtp.ca }),
      );

      expect(failedStage(report).stage).toBe('policy');
      expect(smtp.totalConnections()).toBe(0);
    });
  });

  describe('bounds', () => {
    it('returns within the test timeout when the server never greets, failing the running stage', async () => {
      const blackhole = await started(startBlackholeServer());
      const startedAt = Date.now();

      const report = await testerWith({ SMTP_TEST_TIMEOUT_MS: '1000' }).run(
        requestFor(blackhole, { security: 'starttls' }),
      );

      expect(Date.now() - startedAt).toBeLessThan(1000 + 500);
      const failed = failedStage(report);
      expect(failed.stage).toBe('greeting');
      expect(failed.detail).toMatch(/^timed out after 1000 ms/);
      expect(report.durationMs).toBeLessThan(1000 + 500);
      expectNoPassword(report);
      await expectNoOpenConnections(blackhole);
    });

    it('fails the tls stage as timed out when an implicit-TLS server never answers the handshake', async () => {
      // Reads what it gets (unlike the blackhole, which leaves our ClientHello unread and so
      // never sees us close), and never answers.
      const silent = await started(startBlackholeServer());

      const report = await testerWith({ SMTP_TEST_TIMEOUT_MS: '1000' }).run(requestFor(silent));

      const failed = failedStage(report);
      expect(failed.stage).toBe('tls');
      expect(failed.detail).toBe(
        'timed out after 1000 ms (the limit of the whole connection test) waiting for the TLS handshake',
      );
      expect(failed.hint).toEqual(hints.deadlineExceeded());
      await expectNoOpenConnections(silent);
    });

    it('fails the stage whose reply never comes, and closes the connection', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'tls', users: [USER] }));
      smtp.failNext({ stage: 'mail', action: 'stall' });

      const report = await testerWith({ SMTP_TEST_TIMEOUT_MS: '1500' }).run(
        requestFor(smtp, { caCertificate: smtp.ca }),
      );

      const failed = failedStage(report);
      expect(failed.stage).toBe('sender');
      expect(failed.detail).toMatch(/^timed out after 1500 ms .*MAIL FROM/);
      expectNoPassword(report);
      await expectNoOpenConnections(smtp);
    });

    it('reports a dropped connection at the stage it happened', async () => {
      const smtp = await started(startTestSmtpServer({ security: 'starttls', users: [USER] }));
      smtp.failNext({ stage: 'data', action: 'drop' });

      const report = await testerWith().run(
        requestFor(smtp, { security: 'starttls', caCertificate: smtp.ca }),
      );

      const failed = failedStage(report);
      expect(failed.stage).toBe('send');
      expect(failed.detail).toMatch(/closed the connection|connection error/);
      // The content went out: its Message-ID helps find it if the server delivered it anyway.
      expect(report.messageId).toBe('<connection-test-1@mailroute.test>');
    });
  });
});
