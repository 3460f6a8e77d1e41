import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import { defaultTestCertificate, TestCertificate } from '../tls/test-certificate';
import { ClientSockets } from './client-sockets';
import { parseReceivedMessage } from './received-message';
import { ReceivedMessageLog } from './received-message-log';
import { SmtpFaultQueue } from './smtp-fault-queue';
import { SmtpSessionHandlers } from './smtp-session-handlers';
import { SmtpSecurity, TestSmtpServer, TestSmtpServerOptions } from './test-smtp-server.types';

/**
 * Starts a real SMTP server (smtp-server) on 127.0.0.1 and a free port. It parses and keeps what
 * it accepts, can require AUTH, TLS or STARTTLS, and misbehaves on request (`failNext`).
 *
 * @example
 * const smtp = await startTestSmtpServer({ security: 'starttls', users: [{ username: 'app', password: 'secret' }] });
 * // ... send through the product with `tls: { ca: smtp.ca, servername: 'localhost' }, requireTLS: true`
 * const [message] = await smtp.waitForMessages(1);
 * await smtp.close();
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const security = options.security ?? 'tls';
  const host = options.host ?? '127.0.0.1';
  const certificate = options.certificate ?? (await defaultTestCertificate());
  const retainMessages = options.retainMessages ?? true;
  const parseMessages = options.parseMessages ?? true;
  let accepted = 0;
  const sockets = new ClientSockets();
  const faults = new SmtpFaultQueue();
  const log = new ReceivedMessageLog();

  const handlers = new SmtpSessionHandlers({
    security,
    users: options.users,
    acceptedSenders: options.acceptedSenders,
    faults,
    sockets,
    deliver: async (raw, delivery) => {
      if (parseMessages) {
        const message = await parseReceivedMessage(raw, delivery);
        await options.onMessage?.(message);
        if (retainMessages) {
          log.add(message);
        }
      }
      accepted += 1;
      options.onAccepted?.(accepted);
    },
  });
  const smtp = new SMTPServer({ ...serverOptions(security, options, certificate), ...handlers.hooks() });
  smtp.server.on('connection', (socket) => sockets.accept(socket));
  const port = await listen(smtp, options.port ?? 0, host);
  // Resets, refused handshakes and dropped sessions are what fault tests provoke: not server failures.
  smtp.on('error', () => undefined);

  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    security,
    ca: certificate.cert,
    get messages() {
      return log.list();
    },
    waitForMessages: (count, waitOptions) => log.waitFor(count, waitOptions?.timeoutMs ?? 5000),
    clear: () => log.clear(),
    failNext: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending,
    activeConnections: () => sockets.active(),
    totalConnections: () => sockets.total(),
    acceptedMessages: () => accepted,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        log.abandonWaits('The test SMTP server closed');
        // close() first: it destroys sockets still in an implicit-TLS handshake from the top.
        smtp.close(() => resolve());
        sockets.destroyAll();
      });
      return closing;
    },
  };
}

function serverOptions(
  security: SmtpSecurity,
  options: TestSmtpServerOptions,
  certificate: TestCertificate,
): SMTPServerOptions {
  const authRequired = options.users !== undefined;
  return {
    secure: security === 'tls',
    key: certificate.key,
    cert: certificate.cert,
    name: options.serverName ?? 'localhost',
    logger: false,
    // A reverse lookup of the client would send a DNS query off the machine.
    disableReverseLookup: true,
    hideSTARTTLS: security !== 'starttls',
    disabledCommands: [...(security === 'plain' ? ['STARTTLS'] : []), ...(authRequired ? [] : ['AUTH'])],
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !authRequired,
    allowInsecureAuth: security === 'plain',
    socketTimeout: options.socketTimeoutMs,
    closeTimeout: 1000,
  };
}

function listen(smtp: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(port, host, () => {
      smtp.off('error', reject);
      const address = smtp.server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
