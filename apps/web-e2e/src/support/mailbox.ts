import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { waitUntil } from '@mailroute/testing';
import { MAILBOX_ENV } from './platform-mailbox';

/** An email as a person receives it: who, what, its headers, and the links it offers. */
export interface ReceivedEmail {
  file: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header values by lower-case name, as received. */
  headers: Record<string, string>;
  /** Every http(s) link of the HTML part, in order. */
  links: string[];
}

export interface EmailFilter {
  to: string;
  subject?: RegExp;
}

function mailboxDirectory(): string {
  const directory = process.env[MAILBOX_ENV];
  if (directory === undefined) {
    throw new Error(`${MAILBOX_ENV} is not set: the e2e global-setup starts the platform mailbox`);
  }
  return directory;
}

async function parseEmail(file: string): Promise<ReceivedEmail> {
  const parsed = await simpleParser(readFileSync(file));
  const addresses = (value: typeof parsed.to): string[] =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((group) =>
      group.value.map((entry) => (entry.address ?? '').toLowerCase()),
    );
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    headers[line.key] ??= line.line.slice(line.line.indexOf(':') + 1).trim();
  }
  return {
    file,
    to: addresses(parsed.to),
    from: parsed.from?.value[0]?.address ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html,
    headers,
    links: [...html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&')),
  };
}

/** Every email the platform route has delivered so far, oldest first. */
export async function platformEmails(): Promise<ReceivedEmail[]> {
  const directory = mailboxDirectory();
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.eml'))
    .sort();
  return Promise.all(files.map((name) => parseEmail(join(directory, name))));
}

/**
 * The newest email to `filter.to` (matching `filter.subject`) that the platform route delivered
 * after `since` emails were already there (see `platformEmailCount`), once it has arrived.
 */
export async function waitForPlatformEmail(filter: EmailFilter, since = 0): Promise<ReceivedEmail> {
  return waitUntil(
    async () =>
      (await platformEmails())
        .slice(since)
        .reverse()
        .find(
          (email) =>
            email.to.includes(filter.to.toLowerCase()) &&
            (filter.subject === undefined || filter.subject.test(email.subject)),
        ),
    {
      timeoutMs: 15_000,
      intervalMs: 100,
      description: `an email to ${filter.to} matching ${String(filter.subject ?? 'anything')}`,
    },
  );
}

/** How many emails the platform route has delivered so far: pass it to `waitForPlatformEmail` as `since`. */
export function platformEmailCount(): number {
  return readdirSync(mailboxDirectory()).filter((name) => name.endsWith('.eml')).length;
}
