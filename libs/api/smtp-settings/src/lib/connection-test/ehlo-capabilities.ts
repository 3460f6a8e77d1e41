import { printable } from './display-text';
import type { SmtpReply } from './smtp-reply';

/** What a server announced in its EHLO reply (RFC 5321 §4.1.1.1), as far as the test needs it. */
export interface EhloCapabilities {
  /** The name the server gave on the first line. */
  serverName: string;
  /** One entry per announced extension, keyword upper-cased, parameters as sent (capped). */
  extensions: string[];
  /** SASL mechanisms from `AUTH` (and the obsolete `AUTH=` form), upper-cased, without duplicates. */
  authMechanisms: string[];
  startTls: boolean;
  smtpUtf8: boolean;
  eightBitMime: boolean;
  /** SIZE announced: MAIL FROM may declare the message size. */
  size: boolean;
  /** SIZE limit in bytes (RFC 1870); null when not announced or 0 (no fixed limit). */
  maxMessageBytes: number | null;
}

/** More than any real server announces; the rest of a hostile list is ignored. */
const MAX_EXTENSIONS = 50;
const MAX_AUTH_MECHANISMS = 20;

export function parseEhloReply(reply: SmtpReply): EhloCapabilities {
  const [first = '', ...rest] = reply.lines;
  const extensions: string[] = [];
  const authMechanisms = new Set<string>();
  let startTls = false;
  let smtpUtf8 = false;
  let eightBitMime = false;
  let size = false;
  let maxMessageBytes: number | null = null;

  for (const line of rest.slice(0, MAX_EXTENSIONS)) {
    const [rawKeyword = '', ...params] = line.trim().split(/\s+/);
    const authEquals = /^AUTH=(.*)$/i.exec(rawKeyword);
    const keyword = authEquals ? 'AUTH' : rawKeyword.toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]*$/.test(keyword)) {
      continue;
    }
    extensions.push(printable([rawKeyword.toUpperCase(), ...params].join(' '), 100));
    switch (keyword) {
      case 'AUTH':
        for (const mechanism of [...(authEquals?.[1] ? [authEquals[1]] : []), ...params]) {
          if (authMechanisms.size < MAX_AUTH_MECHANISMS && /^[A-Za-z0-9_-]{1,20}$/.test(mechanism)) {
            authMechanisms.add(mechanism.toUpperCase());
          }
        }
        break;
      case 'STARTTLS':
        startTls = true;
        break;
      case 'SMTPUTF8':
        smtpUtf8 = true;
        break;
      case '8BITMIME':
        eightBitMime = true;
        break;
      case 'SIZE': {
        size = true;
        const limit = Number(params[0]);
        maxMessageBytes = Number.isSafeInteger(limit) && limit > 0 ? limit : null;
        break;
      }
    }
  }
  return {
    serverName: printable(first.trim().split(/\s+/)[0] ?? '', 100),
    extensions: [...new Set(extensions)],
    authMechanisms: [...authMechanisms],
    startTls,
    smtpUtf8,
    eightBitMime,
    size,
    maxMessageBytes,
  };
}
