import { isAbsolute, relative } from 'node:path';
import type { ReceivedMessage } from '@mailroute/testing';
import { DevSmtpOptions } from './dev-smtp-options';

/** The listening ports, which differ from the options when those asked for port 0. */
export interface ListeningPorts {
  tlsPort: number;
  starttlsPort: number;
}

/** What the catcher prints once it listens: the settings to copy into the product's environment. */
export function startupBanner(options: DevSmtpOptions, ports: ListeningPorts, caFile: string): string {
  const credentials = `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}`;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return [
    'dev-smtp: catching mail for development; nothing is delivered anywhere.',
    `  implicit TLS:  PLATFORM_SMTP_URL=smtps://${credentials}@${host}:${ports.tlsPort}`,
    `  STARTTLS:      PLATFORM_SMTP_URL=smtp://${credentials}@${host}:${ports.starttlsPort}`,
    `  trust:         PLATFORM_SMTP_CA_FILE=${caFile}`,
    `  messages are saved to ${options.mailDir}`,
  ].join('\n');
}

/** One line per caught message: local time, sender → recipients, subject, file. */
export function messageLine(message: ReceivedMessage, file: string, cwd: string): string {
  const at = message.receivedAt;
  const time = [at.getHours(), at.getMinutes(), at.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  const sender = message.envelope.mailFrom || '<>';
  const subject = JSON.stringify(message.subject ?? '');
  return `${time}  ${sender} → ${message.envelope.rcptTo.join(', ')}  ${subject}  ${displayPath(file, cwd)}`;
}

/** Relative to cwd when the file is inside it (short and clickable), else absolute. */
function displayPath(file: string, cwd: string): string {
  const inside = relative(cwd, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}
