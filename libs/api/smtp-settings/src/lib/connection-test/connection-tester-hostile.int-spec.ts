import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { ConnectionTestReport, SmtpSecurityMode } from '@mailroute/shared/contracts';
import { testConfig } from '@mailroute/api/core/testing';
import { defaultTestCertificate, waitUntil } from '@mailroute/testing';
import { AddressPolicy } from '../address-policy/address-policy';
import { StaticHostResolver } from '../../testing/static-host-resolver';
import { connectionTestHints as hints } from './connection-test-hints';
import type { ConnectionTestRequest } from './connection-test-request';
import { ConnectionTester } from './connection-tester';
import { REDACTED, TlsTrustStore } from '@mailroute/api/mail';

/**
 * Servers that misbehave on purpose, scripted line by line: the report must stay precise and
 * small, and the test must end, whatever the server sends.
 */

const PASSWORD = 'Tr0ub4dor&3-horse';

/** Answers each command line; `null` keeps silent. The socket is there for scripts that close it. */
type Script = { greeting: string; reply(line: string, socket: Socket): string | null };

interface ScriptedServer {
  port: number;
  ca: string;
  activeConnections(): number;
  close(): Promise<void>;
}

async function startScriptedServer(script: Script, options: { tls: boolean }): Promise<ScriptedServer> {
  const certificate = await defaultTestCertificate();
  const sockets = new Set<Socket>();
  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.write(script.greeting);
    let buffered = '';
    let inData = false;
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let newline = buffered.indexOf('\r\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 2);
        newline = buffered.indexOf('\r\n');
        // The message's lines get no reply; its final `.` does.
        if (inData && line !== '.') {
          continue;
        }
        inData = false;
        const answer = script.reply(line, socket);
        if (answer !== null && !socket.destroyed) {
          inData = answer.startsWith('354');
          socket.write(answer);
        }
      }
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ key: certificate.key, cert: certificate.cert }, onConnection)
    : createTcpServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    ca: certificate.cert,
    activeConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}

/** A plain ESMTP server with AUTH, for scripts that change one answer. */
function ordinary(line: string): string {
  const verb = line.split(' ')[0].toUpperCase();
  switch (verb) {
    case 'EHLO':
      return '250-mail.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 1000000\r\n';
    case 'AUTH':
      return '235 2.7.0 Accepted\r\n';
    case 'DATA':
      return '354 Go ahead\r\n';
    case 'QUIT':
      return '221 Bye\r\n';
    default:
      return '250 OK\r\n';
  }
}

function tester(timeoutMs = 3000): ConnectionTester {
  const config = testConfig({
    SMTP_ALLOW_PRIVATE_HOSTS: 'true',
    SMTP_ALLOWED_PORTS: '*',
    SMTP_TEST_TIMEOUT_MS: String(timeoutMs),
  });
  const resolver = new StaticHostResolver();
  return new ConnectionTester(config, resolver, new AddressPolicy(config, resolver), new TlsTrustStore());
}

function requestFor(server: ScriptedServer, security: SmtpSecurityMode): ConnectionTestRequest {
  return {
    host: '127.0.0.1',
    port: server.port,
    security,
    username: 'app@example.com',
    password: PASSWORD,
    senderAddress: 'notifications@example.com',
    caCertificate: server.ca,
    testRecipient: 'admin@example.org',
    message: {
      from: { address: 'notifications@example.com' },
      to: 'admin@example.org',
      subject: 'Test',
      text: 'Test',
      html: '<p>Test</p>',
      messageId: '<hostile@mailroute.test>',
    },
  };
}

function lastStage(report: ConnectionTestReport) {
  expect(report.ok).toBe(false);
  return report.stages[report.stages.length - 1];
}

describe('ConnectionTester against misbehaving servers', () => {
  let server: ScriptedServer | undefined;

  afterEach(async () => {
    if (server) {
      await waitUntil(() => server?.activeConnections() === 0, {
        description: 'the connection test to close its connection',
        timeoutMs: 3000,
      });
      await server.close();
      server = undefined;
    }
  });

  it('refuses an endless reply line at once instead of buffering it', async () => {
    server = await startScriptedServer(
      { greeting: `220 ${'x'.repeat(100_000)}`, reply: () => null },
      { tls: true },
    );

    const startedAt = Date.now();
    const report = await tester().run(requestFor(server, 'tls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('greeting');
    expect(failed.detail).toMatch(/^the server sent a reply line longer than 2048 bytes/);
    expect(failed.detail.length).toBeLessThan(300);
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('refuses a reply of absurdly many lines', async () => {
    server = await startScriptedServer(
      {
        greeting: '220 mail.test ESMTP\r\n',
        reply: (line) =>
          line.startsWith('EHLO') ? `${'250-X-PADDING\r\n'.repeat(500)}250 OK\r\n` : ordinary(line),
      },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('ehlo');
    expect(failed.detail).toBe('the server sent a reply of more than 100 lines');
  });

  it('shows server text printable and capped: no control characters, no bidi overrides', async () => {
    const banner = `220 mail.test \u001b[31mred\u202eevil ${'y'.repeat(500)}\r\n`;
    server = await startScriptedServer({ greeting: banner, reply: ordinary }, { tls: true });

    const report = await tester().run(requestFor(server, 'tls'));

    const greeting = report.stages.find((stage) => stage.stage === 'greeting');
    expect(greeting?.ok).toBe(true);
    expect(greeting?.serverResponse).toMatch(/^220 mail\.test \?\[31mred\?evil y+…$/);
    expect(greeting?.serverResponse?.length).toBeLessThanOrEqual(201);
    expect(report.ok).toBe(true);
  });

  it('fails at greeting on an answer that is not SMTP', async () => {
    server = await startScriptedServer(
      { greeting: 'HTTP/1.1 400 Bad Request\r\n\r\n', reply: () => null },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('greeting');
    expect(failed.detail).toBe(`the server's answer is not an SMTP reply: "HTTP/1.1 400 Bad Request"`);
    expect(failed.hint).toEqual(hints.notSmtp('tls', server.port));
  });

  it('fails at greeting with the retry hint when the server is busy (421)', async () => {
    server = await startScriptedServer(
      {
        greeting: '421 4.3.2 Too many connections, try later\r\n',
        reply: () => null,
      },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('greeting');
    expect(failed.serverResponse).toBe('421 4.3.2 Too many connections, try later');
    expect(failed.hint).toEqual(hints.temporarilyUnavailable());
  });

  it('refuses to start TLS when the server sends data right after accepting STARTTLS', async () => {
    server = await startScriptedServer(
      {
        greeting: '220 mail.test ESMTP\r\n',
        reply: (line) => {
          if (line.startsWith('EHLO')) {
            return '250-mail.test\r\n250 STARTTLS\r\n';
          }
          // A man in the middle's injected reply, arriving with the 220 in plaintext.
          return line === 'STARTTLS' ? '220 Go ahead\r\n250 injected\r\n' : null;
        },
      },
      { tls: false },
    );

    const report = await tester().run(requestFor(server, 'starttls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('tls');
    expect(failed.detail).toContain('the server sent data after accepting STARTTLS');
    expect(failed.hint).toEqual(hints.dataBeforeTls());
  });

  it('keeps the password out of the report even when the server echoes it back', async () => {
    server = await startScriptedServer(
      {
        greeting: '220 mail.test ESMTP\r\n',
        reply: (line) => {
          if (line.startsWith('AUTH PLAIN ')) {
            const token = line.slice('AUTH PLAIN '.length);
            const [, user, password] = Buffer.from(token, 'base64').toString('utf8').split('\u0000');
            return `535-5.7.8 ${user}/${password} rejected\r\n535 5.7.8 token ${token}\r\n`;
          }
          return ordinary(line);
        },
      },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('auth');
    expect(failed.detail).toContain(`app@example.com/${REDACTED} rejected`);
    expect(failed.serverResponse).toBe(`535 5.7.8 token ${REDACTED}`);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it('signs in with LOGIN when the server does not offer PLAIN', async () => {
    const received: string[] = [];
    server = await startScriptedServer(
      {
        greeting: '220 mail.test ESMTP\r\n',
        reply: (line) => {
          received.push(line);
          if (line.startsWith('EHLO')) {
            return '250-mail.test\r\n250 AUTH LOGIN CRAM-MD5\r\n';
          }
          if (line === 'AUTH LOGIN') {
            return '334 VXNlcm5hbWU6\r\n';
          }
          if (received.at(-2) === 'AUTH LOGIN') {
            return '334 UGFzc3dvcmQ6\r\n';
          }
          if (received.at(-3) === 'AUTH LOGIN') {
            return Buffer.from(line, 'base64').toString('utf8') === PASSWORD ? '235 OK\r\n' : '535 No\r\n';
          }
          return ordinary(line);
        },
      },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    expect(report.ok).toBe(true);
    expect(report.stages.find((stage) => stage.stage === 'auth')?.detail).toBe(
      'signed in as app@example.com with LOGIN: 235 OK',
    );
    expect(received).toContain(`RCPT TO:<admin@example.org>`);
    expect(received.find((line) => line.startsWith('MAIL FROM:'))).toMatch(
      /^MAIL FROM:<notifications@example\.com>$/,
    );
  });

  it('fails at auth listing the offered mechanisms when none is supported', async () => {
    server = await startScriptedServer(
      {
        greeting: '220 mail.test ESMTP\r\n',
        reply: (line) =>
          line.startsWith('EHLO') ? '250-mail.test\r\n250 AUTH CRAM-MD5 XOAUTH2\r\n' : ordinary(line),
      },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    const failed = lastStage(report);
    expect(failed.stage).toBe('auth');
    expect(failed.detail).toBe(
      'no supported sign-in mechanism: the server offers CRAM-MD5, XOAUTH2; Mailroute supports PLAIN and LOGIN',
    );
    expect(failed.authMechanisms).toEqual(['CRAM-MD5', 'XOAUTH2']);
  });

  it('declares the size when SIZE is offered, and reports the queue id of the accepted email', async () => {
    const received: string[] = [];
    server = await startScriptedServer(
      {
        greeting: '220 mail.test ESMTP\r\n',
        reply: (line) => {
          received.push(line);
          return line === '.' ? '250 2.0.0 Ok: queued as 4Bq3T91y2Lz5\r\n' : ordinary(line);
        },
      },
      { tls: true },
    );

    const report = await tester().run(requestFor(server, 'tls'));

    expect(report.ok).toBe(true);
    const send = report.stages.find((stage) => stage.stage === 'send');
    expect(send?.queueId).toBe('4Bq3T91y2Lz5');
    expect(send?.serverResponse).toBe('250 2.0.0 Ok: queued as 4Bq3T91y2Lz5');
    expect(received.find((line) => line.startsWith('MAIL FROM:'))).toMatch(
      /^MAIL FROM:<notifications@example\.com> SIZE=\d+$/,
    );
    expect(received.at(-1)).toBe('QUIT');
  });
});
