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
  --tls-port <port>       implicit TLS port (default $DEV_SMTP_TLS_PORT, else a free port)
  --starttls-port <port>  STARTTLS port (default $DEV_SMTP_STARTTLS_PORT, else a free port)
  --user <name>           AUTH username (default mailroute)
  --password <secret>     AUTH password (default mailroute)
  --data-dir <path>       certificate, key and ready.json (default data/dev-smtp)
  --mail-dir <path>       one .eml file per received message (default data/dev-mail)
  --help                  show this text`;

const FLAGS = ['host', 'tls-port', 'starttls-port', 'user', 'password', 'data-dir', 'mail-dir'] as const;
type Flag = (typeof FLAGS)[number];

/** The environment variables that give the ports when the command line does not. */
export const PORT_VARIABLES = {
  'tls-port': 'DEV_SMTP_TLS_PORT',
  'starttls-port': 'DEV_SMTP_STARTTLS_PORT',
} as const;

/**
 * Parses `--flag value` and `--flag=value` arguments. Returns `'help'` for --help; throws a
 * {@link UsageError} for anything it does not understand. Relative paths resolve against `cwd`.
 * A port given neither on the command line nor in `env` is 0: the kernel picks a free one, so a
 * second catcher (another checkout, a test run) never collides with the first.
 */
export function parseDevSmtpArgs(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
): DevSmtpOptions | 'help' {
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
    tlsPort: port(values, 'tls-port', env),
    starttlsPort: port(values, 'starttls-port', env),
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

function port(
  values: Map<Flag, string>,
  flag: keyof typeof PORT_VARIABLES,
  env: Readonly<Record<string, string | undefined>>,
): number {
  const variable = PORT_VARIABLES[flag];
  const fromEnv = env[variable] === '' ? undefined : env[variable];
  const [value, source] = values.has(flag) ? [values.get(flag), `--${flag}`] : [fromEnv, variable];
  if (value === undefined) {
    return 0;
  }
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`${source} must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}
