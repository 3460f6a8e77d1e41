import { resolve } from 'node:path';

/** What the catcher is told on its command line, paths made absolute. */
export interface DevSmtpOptions {
  host: string;
  tlsPort: number;
  starttlsPort: number;
  user: string;
  password: string;
  /** Holds the certificate, its key and ready.json. */
  dataDir: string;
  /** Receives one .eml file per message. */
  mailDir: string;
}

/** A command line the catcher cannot run with; the message says what to change. */
export class UsageError extends Error {}

export const USAGE = `Usage: dev-smtp [options]
Catches the mail the product sends during development; nothing is delivered anywhere.

  --host <address>        listen address (default 127.0.0.1)
  --tls-port <port>       implicit TLS port (default 1465, 0 = any free port)
  --starttls-port <port>  STARTTLS port (default 1587, 0 = any free port)
  --user <name>           AUTH username (default mailroute)
  --password <secret>     AUTH password (default mailroute)
  --data-dir <path>       certificate, key and ready.json (default data/dev-smtp)
  --mail-dir <path>       one .eml file per received message (default data/dev-mail)
  --help                  show this text`;

const FLAGS = ['host', 'tls-port', 'starttls-port', 'user', 'password', 'data-dir', 'mail-dir'] as const;
type Flag = (typeof FLAGS)[number];

/**
 * Parses `--flag value` and `--flag=value` arguments. Returns `'help'` for --help; throws a
 * {@link UsageError} for anything it does not understand. Relative paths resolve against `cwd`.
 */
export function parseDevSmtpArgs(args: readonly string[], cwd: string): DevSmtpOptions | 'help' {
  if (args.includes('--help') || args.includes('-h')) {
    return 'help';
  }
  const values = new Map<Flag, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const flag = FLAGS.find((candidate) => candidate === match?.[1]);
    if (!match || !flag) {
      throw new UsageError(`Unknown argument "${arg}"`);
    }
    const value = match[2] ?? args[++i];
    if (value === undefined || value === '') {
      throw new UsageError(`--${flag} needs a value`);
    }
    values.set(flag, value);
  }
  const options: DevSmtpOptions = {
    host: values.get('host') ?? '127.0.0.1',
    tlsPort: port(values, 'tls-port', 1465),
    starttlsPort: port(values, 'starttls-port', 1587),
    user: values.get('user') ?? 'mailroute',
    password: values.get('password') ?? 'mailroute',
    dataDir: resolve(cwd, values.get('data-dir') ?? 'data/dev-smtp'),
    mailDir: resolve(cwd, values.get('mail-dir') ?? 'data/dev-mail'),
  };
  if (options.tlsPort !== 0 && options.tlsPort === options.starttlsPort) {
    throw new UsageError(`--tls-port and --starttls-port must differ (both ${options.tlsPort})`);
  }
  return options;
}

function port(values: Map<Flag, string>, flag: Flag, fallback: number): number {
  const value = values.get(flag);
  if (value === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--${flag} must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}
