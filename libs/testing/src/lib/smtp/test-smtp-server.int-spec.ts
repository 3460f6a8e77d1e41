import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { waitUntil } from '../polling/wait-until';
import { startTestSmtpServer } from './test-smtp-server';
import { TestSmtpServer, TestSmtpServerOptions } from './test-smtp-server.types';

const USER = { username: 'mailroute', password: 'correct horse' };

/** A nodemailer client configured the way the product connects: verified TLS, tight timeouts. */
function clientFor(server: TestSmtpServer, overrides: Partial<SMTPTransportOptions> = {}) {
  return createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    tls: { ca: server.ca, servername: 'localhost', minVersion: 'TLSv1.2' },
    connectionTimeout: 3000,
    greetingTimeout: 3000,
    socketTimeout: 3000,
    ...overrides,
  });
}

const welcome = {
  from: '"Mailroute" <noreply@mailroute.test>',
  to: 'Ada Lovelace <ada@example.test>',
  subject: 'Welcome to Mailroute',
  text: 'Hello Ada',
  html: '<p>Hello Ada</p>',
};

/** EHLO over plaintext, returning the capability lines of the reply. */
function ehloCapabilities(port: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffer = '';
    let greeted = false;
    socket.setTimeout(3000, () => socket.destroy(new Error('no EHLO reply')));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      if (!greeted && /^220 .*\r\n/m.test(buffer)) {
        greeted = true;
        buffer = '';
        socket.write('EHLO client.test\r\n');
      } else if (greeted && /^250 .*\r\n/m.test(buffer)) {
        socket.end('QUIT\r\n');
        resolve(
          buffer
            .split('\r\n')
            .filter(Boolean)
            .map((line) => line.slice(4)),
        );
      }
    });
  });
}

describe('startTestSmtpServer', () => {
  let server: TestSmtpServer | undefined;

  async function start(options: TestSmtpServerOptions): Promise<TestSmtpServer> {
    server = await startTestSmtpServer(options);
    return server;
  }

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  describe('delivery', () => {
    it.each(['tls', 'starttls'] as const)(
      'receives an authenticated message over %s with its parts parsed',
      async (security) => {
        const smtp = await start({ security, users: [USER] });
        const client = clientFor(smtp, { auth: { user: USER.username, pass: USER.password } });

        await client.sendMail(welcome);
        client.close();

        const [message] = await smtp.waitForMessages(1);
        expect(message).toMatchObject({
          envelope: { mailFrom: 'noreply@mailroute.test', rcptTo: ['ada@example.test'] },
          authenticatedUser: 'mailroute',
          secure: true,
          subject: 'Welcome to Mailroute',
          from: { address: 'noreply@mailroute.test', name: 'Mailroute' },
          to: ['ada@example.test'],
          html: '<p>Hello Ada</p>',
        });
        expect(message.text?.trim()).toBe('Hello Ada');
        expect(message.tlsProtocol).toMatch(/^TLSv1\.[23]$/);
        expect(message.messageId).toMatch(/^<.+@mailroute\.test>$/);
        expect(message.headers['subject']).toBe('Welcome to Mailroute');
        expect(message.raw.toString()).toContain('Subject: Welcome to Mailroute');
      },
    );

    it('accepts mail without AUTH when no users are configured', async () => {
      const smtp = await start({ security: 'tls' });
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0].authenticatedUser).toBeUndefined();
    });

    it('forgets received messages on clear', async () => {
      const smtp = await start({ security: 'tls' });
      await clientFor(smtp).sendMail(welcome);
      smtp.clear();
      expect(smtp.messages).toEqual([]);
    });

    it('only counts what it accepts when told not to parse (a benchmark sink)', async () => {
      const counts: number[] = [];
      const smtp = await start({
        security: 'tls',
        parseMessages: false,
        onAccepted: (count) => counts.push(count),
      });
      const client = clientFor(smtp);
      await client.sendMail(welcome);
      await client.sendMail(welcome);
      expect(smtp.acceptedMessages()).toBe(2);
      expect(counts).toEqual([1, 2]);
      expect(smtp.messages).toEqual([]);
    });

    it('rejects a wait for more messages than arrive, saying how many did', async () => {
      const smtp = await start({ security: 'tls' });
      await clientFor(smtp).sendMail(welcome);
      await expect(smtp.waitForMessages(2, { timeoutMs: 100 })).rejects.toThrow(
        'Expected 2 message(s) within 100 ms, but 1 arrived: noreply@mailroute.test → ada@example.test "Welcome to Mailroute"',
      );
    });
  });

  describe('authentication and policy', () => {
    it('answers a wrong password with 535', async () => {
      const smtp = await start({ security: 'tls', users: [USER] });
      const client = clientFor(smtp, { auth: { user: USER.username, pass: 'wrong' } });
      await expect(client.sendMail(welcome)).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
      expect(smtp.messages).toEqual([]);
    });

    it('refuses MAIL before AUTH when users are configured', async () => {
      const smtp = await start({ security: 'tls', users: [USER] });
      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({ responseCode: 530 });
    });

    it('refuses MAIL before STARTTLS on a starttls server even without users', async () => {
      const smtp = await start({ security: 'starttls' });
      const client = clientFor(smtp, { requireTLS: false, ignoreTLS: true });
      await expect(client.sendMail(welcome)).rejects.toMatchObject({
        responseCode: 530,
        command: 'MAIL FROM',
      });
    });

    it('refuses a sender outside acceptedSenders with 553 5.7.1', async () => {
      const smtp = await start({ security: 'tls', acceptedSenders: ['NoReply@mailroute.test'] });
      await expect(clientFor(smtp).sendMail({ ...welcome, from: 'someone@else.test' })).rejects.toMatchObject(
        {
          responseCode: 553,
          response: '553 5.7.1 Sender address rejected: not owned by user',
        },
      );
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
    });
  });

  describe('TLS', () => {
    it('offers neither STARTTLS nor AUTH on a plain server', async () => {
      const smtp = await start({ security: 'plain' });
      const capabilities = await ehloCapabilities(smtp.port);
      expect(capabilities).not.toContain('STARTTLS');
      expect(capabilities.some((line) => line.startsWith('AUTH'))).toBe(false);
    });

    it('offers STARTTLS on a starttls server', async () => {
      const smtp = await start({ security: 'starttls', users: [USER] });
      expect(await ehloCapabilities(smtp.port)).toContain('STARTTLS');
    });

    it('leaves a client that requires TLS unable to send to a plain server', async () => {
      const smtp = await start({ security: 'plain' });
      await expect(clientFor(smtp, { requireTLS: true }).sendMail(welcome)).rejects.toMatchObject({
        command: 'STARTTLS',
      });
      expect(smtp.messages).toEqual([]);
    });

    it('receives plaintext mail on a plain server, marked not secure', async () => {
      const smtp = await start({ security: 'plain' });
      await clientFor(smtp, { requireTLS: false }).sendMail(welcome);
      expect(smtp.messages[0]).toMatchObject({ secure: false, tlsProtocol: undefined });
    });

    it('is trusted only through its ca: a client without it fails verification', async () => {
      const smtp = await start({ security: 'tls' });
      const withoutCa = clientFor(smtp, { tls: { servername: 'localhost' } });
      await expect(withoutCa.sendMail(welcome)).rejects.toThrow(/self[- ]signed certificate/);
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
    });

    it('is not valid for a name outside the certificate', async () => {
      const smtp = await start({ security: 'starttls' });
      const wrongName = clientFor(smtp, { tls: { ca: smtp.ca, servername: 'mail.example.test' } });
      await expect(wrongName.sendMail(welcome)).rejects.toThrow(/does not match certificate's altnames/);
    });
  });

  describe('faults', () => {
    it('answers 451 twice, then accepts the third attempt', async () => {
      const smtp = await start({ security: 'tls' });
      smtp.failNext({
        stage: 'mail',
        action: 'reply',
        code: 451,
        message: '4.3.2 Try again later',
        times: 2,
      });
      expect(smtp.pendingFaults()).toBe(2);

      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({
        responseCode: 451,
        response: '451 4.3.2 Try again later',
      });
      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({ responseCode: 451 });
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
    });

    it('refuses one recipient and delivers to the others', async () => {
      const smtp = await start({ security: 'tls' });
      smtp.failNext({
        stage: 'rcpt',
        action: 'reply',
        code: 550,
        message: '5.1.1 No such user',
        recipient: 'grace@example.test',
      });

      const info = await clientFor(smtp).sendMail({
        ...welcome,
        to: ['ada@example.test', 'grace@example.test'],
      });

      expect(info.rejected).toEqual(['grace@example.test']);
      const [message] = await smtp.waitForMessages(1);
      expect(message.envelope.rcptTo).toEqual(['ada@example.test']);
    });

    it('refuses the session at connect with the injected reply', async () => {
      const smtp = await start({ security: 'tls' });
      smtp.failNext({ stage: 'connect', action: 'reply', code: 421, message: '4.3.2 Service not available' });
      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({ responseCode: 421 });
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
    });

    it('drops a plaintext connection before the greeting', async () => {
      const smtp = await start({ security: 'plain' });
      smtp.failNext({ stage: 'connect', action: 'drop' });
      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({ code: 'ECONNECTION' });
      expect(smtp.totalConnections()).toBe(1);
    });

    it('fails AUTH with the injected reply, even for right credentials', async () => {
      const smtp = await start({ security: 'starttls', users: [USER] });
      smtp.failNext({
        stage: 'auth',
        action: 'reply',
        code: 454,
        message: '4.7.0 Temporary authentication failure',
      });
      const client = clientFor(smtp, { auth: { user: USER.username, pass: USER.password } });
      await expect(client.sendMail(welcome)).rejects.toMatchObject({ responseCode: 454 });
    });

    it('drops the connection after the body arrives, storing nothing', async () => {
      const smtp = await start({ security: 'tls' });
      smtp.failNext({ stage: 'data', action: 'drop' });

      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({ code: 'ECONNECTION' });
      expect(smtp.messages).toEqual([]);
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
    });

    it('drops a STARTTLS session at RCPT', async () => {
      const smtp = await start({ security: 'starttls' });
      smtp.failNext({ stage: 'rcpt', action: 'drop' });
      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({ code: 'ECONNECTION' });
      await waitUntil(() => smtp.activeConnections() === 0, { description: 'the dropped socket to close' });
    });

    it('stalls at DATA until the client times out, then the connection is gone', async () => {
      const smtp = await start({ security: 'tls' });
      smtp.failNext({ stage: 'data', action: 'stall' });

      const client = clientFor(smtp, { socketTimeout: 300 });
      await expect(client.sendMail(welcome)).rejects.toMatchObject({ code: 'ETIMEDOUT' });

      expect(smtp.messages).toEqual([]);
      await waitUntil(() => smtp.activeConnections() === 0, { description: 'the client to hang up' });
    });

    it('forgets queued faults on clearFaults', async () => {
      const smtp = await start({ security: 'tls' });
      smtp.failNext({ stage: 'mail', action: 'reply', code: 550, message: 'no' });
      smtp.clearFaults();
      await clientFor(smtp).sendMail(welcome);
      expect(smtp.messages).toHaveLength(1);
    });

    it('refuses a fault that cannot work at once', async () => {
      const smtp = await start({ security: 'tls' });
      expect(() => smtp.failNext({ stage: 'data', action: 'reply', code: 250, message: 'OK' })).toThrow(
        'needs a 4xx or 5xx code',
      );
    });
  });

  describe('connections', () => {
    it('counts open and total client sockets', async () => {
      const smtp = await start({ security: 'tls' });
      const client = clientFor(smtp);
      await client.sendMail(welcome);
      await client.sendMail(welcome);
      expect(smtp.totalConnections()).toBe(2);
      client.close();
      await waitUntil(() => smtp.activeConnections() === 0, { description: 'the client socket to close' });
    });

    it('closes sockets a client left open, and closing twice is harmless', async () => {
      const smtp = await start({ security: 'starttls' });
      smtp.failNext({ stage: 'mail', action: 'stall' });
      const stalled = clientFor(smtp, { socketTimeout: 10_000 }).sendMail(welcome);
      await waitUntil(() => smtp.pendingFaults() === 0, { description: 'the client to reach MAIL FROM' });
      expect(smtp.activeConnections()).toBe(1);

      await Promise.all([smtp.close(), smtp.close()]);

      expect(smtp.activeConnections()).toBe(0);
      await expect(stalled).rejects.toMatchObject({ code: 'ECONNECTION' });
    });

    it('rejects pending waits when it closes', async () => {
      const smtp = await start({ security: 'tls' });
      const waiting = smtp.waitForMessages(1, { timeoutMs: 5000 });
      await smtp.close();
      await expect(waiting).rejects.toThrow(
        'The test SMTP server closed while waiting for 1 message(s); none arrived',
      );
    });
  });

  describe('onMessage', () => {
    it('hands over each message before the 250 reply and answers 451 when it fails', async () => {
      const seen: string[] = [];
      let failing = true;
      const smtp = await start({
        security: 'tls',
        retainMessages: false,
        onMessage: (message) => {
          if (failing) {
            failing = false;
            throw new Error('disk full');
          }
          seen.push(message.subject ?? '');
        },
      });

      await expect(clientFor(smtp).sendMail(welcome)).rejects.toMatchObject({
        responseCode: 451,
        response: '451 4.3.0 Message not stored: disk full',
      });
      await clientFor(smtp).sendMail(welcome);

      expect(seen).toEqual(['Welcome to Mailroute']);
      expect(smtp.messages).toEqual([]);
    });
  });
});
