import { startTestSmtpServer, TestSmtpServer, TestSmtpServerOptions } from '@mailroute/testing';
import { ListeningPorts, messageLine, startupBanner } from './catcher-output';
import { loadOrCreateCertificate } from './dev-certificate';
import { DevSmtpOptions, PORT_VARIABLES } from './dev-smtp-options';
import { MailStore } from './mail-store';
import { ReadyInfo, removeReadyFile, writeReadyFile } from './ready-file';

/** A running catcher. */
export interface DevSmtp {
  readonly ports: ListeningPorts;
  readonly caFile: string;
  /** What ready.json holds: where and how to connect. */
  readonly ready: ReadyInfo;
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
    servers.push(await listen(shared, 'tls', options.tlsPort));
    servers.push(await listen(shared, 'starttls', options.starttlsPort));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  const [tls, starttls] = servers;
  const ports = { tlsPort: tls.port, starttlsPort: starttls.port };
  const ready: ReadyInfo = {
    host: options.host,
    ...ports,
    user: options.user,
    password: options.password,
    caFile,
    pid: process.pid,
  };
  await writeReadyFile(options.dataDir, ready);
  output.print(startupBanner(options, ports, caFile));

  return {
    ports,
    caFile,
    ready,
    close: async () => {
      await removeReadyFile(options.dataDir);
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/** A port the catcher was told to listen on is taken by another process. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    what: string,
    flag: keyof typeof PORT_VARIABLES,
  ) {
    super(
      `port ${port} is in use (the ${what} port): stop what listens there, or leave --${flag} and ` +
        `${PORT_VARIABLES[flag]} unset to get a free port`,
    );
  }
}

async function listen(
  shared: TestSmtpServerOptions,
  security: 'tls' | 'starttls',
  port: number,
): Promise<TestSmtpServer> {
  try {
    return await startTestSmtpServer({ ...shared, security, port });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw security === 'tls'
        ? new PortInUseError(port, 'implicit TLS', 'tls-port')
        : new PortInUseError(port, 'STARTTLS', 'starttls-port');
    }
    throw error;
  }
}
