import { startTestSmtpServer, TestSmtpServer, TestSmtpServerOptions } from '@mailroute/testing';
import { ListeningPorts, messageLine, startupBanner } from './catcher-output';
import { loadOrCreateCertificate } from './dev-certificate';
import { DevSmtpOptions } from './dev-smtp-options';
import { MailStore } from './mail-store';
import { removeReadyFile, writeReadyFile } from './ready-file';

/** A running catcher. */
export interface DevSmtp {
  readonly ports: ListeningPorts;
  readonly caFile: string;
  /** Removes ready.json first, then closes both servers. */
  close(): Promise<void>;
}

/**
 * Starts the catcher: an implicit-TLS and a STARTTLS server sharing one certificate and one
 * account, saving every message as .eml, and announces readiness in `<data-dir>/ready.json`.
 */
export async function startDevSmtp(
  options: DevSmtpOptions,
  output: { cwd: string; print(text: string): void },
): Promise<DevSmtp> {
  // A ready.json left by a killed run would tell a launcher to connect before we listen.
  await removeReadyFile(options.dataDir);
  const { certificate, caFile, status } = await loadOrCreateCertificate(options.dataDir, options.host);
  if (status === 'replaced') {
    output.print(
      `dev-smtp: the stored certificate was expiring or did not cover ${options.host}; made a new one, trust it again.`,
    );
  }
  const store = new MailStore(options.mailDir);
  const shared: TestSmtpServerOptions = {
    host: options.host,
    users: [{ username: options.user, password: options.password }],
    certificate,
    retainMessages: false,
    // Saved before the 250 reply: a message the product believes sent is on disk.
    onMessage: async (message) => {
      const file = await store.save(message);
      output.print(messageLine(message, file, output.cwd));
    },
  };

  const servers: TestSmtpServer[] = [];
  try {
    servers.push(await startTestSmtpServer({ ...shared, security: 'tls', port: options.tlsPort }));
    servers.push(await startTestSmtpServer({ ...shared, security: 'starttls', port: options.starttlsPort }));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  const [tls, starttls] = servers;
  const ports = { tlsPort: tls.port, starttlsPort: starttls.port };
  await writeReadyFile(options.dataDir, {
    host: options.host,
    ...ports,
    user: options.user,
    password: options.password,
    caFile,
    pid: process.pid,
  });
  output.print(startupBanner(options, ports, caFile));

  return {
    ports,
    caFile,
    close: async () => {
      await removeReadyFile(options.dataDir);
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
