import { AddressObject, simpleParser } from 'mailparser';

/** A message the test SMTP server accepted, with its envelope and the parts tests assert on. */
export interface ReceivedMessage {
  /** The SMTP envelope: MAIL FROM (empty for the null sender) and the accepted RCPT TO addresses. */
  envelope: { mailFrom: string; rcptTo: string[] };
  /** The AUTH username of the session, when the client authenticated. */
  authenticatedUser?: string;
  /** Whether the message travelled over TLS (implicit or after STARTTLS). */
  secure: boolean;
  /** Negotiated TLS version, e.g. `TLSv1.3`, when `secure`. */
  tlsProtocol?: string;
  /** The message exactly as received in DATA (dot-unstuffed). */
  raw: Buffer;
  /** Decoded Subject header. */
  subject?: string;
  /** First address of the From header. */
  from?: { address: string; name: string };
  /** Addresses of the To header(s), groups flattened. */
  to: string[];
  /** The text/plain part (undefined when absent or empty); never generated from HTML. */
  text?: string;
  /** The text/html part. */
  html?: string;
  /** Message-ID header, angle brackets included. */
  messageId?: string;
  /** Header values by lower-case name, first occurrence, unfolded but not decoded (encoded-words stay as sent). */
  headers: Record<string, string>;
  receivedAt: Date;
}

/** What the SMTP session knows about a message, besides its content. */
export type MessageDelivery = Pick<
  ReceivedMessage,
  'envelope' | 'authenticatedUser' | 'secure' | 'tlsProtocol' | 'receivedAt'
>;

/** Parses a received message into a {@link ReceivedMessage}. */
export async function parseReceivedMessage(raw: Buffer, delivery: MessageDelivery): Promise<ReceivedMessage> {
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const from = parsed.from?.value[0];
  return {
    ...delivery,
    raw,
    subject: parsed.subject,
    from: from?.address === undefined ? undefined : { address: from.address, name: from.name },
    to: addressesOf(parsed.to),
    // mailparser reports a missing text part as ''.
    text: parsed.text ? parsed.text : undefined,
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
    messageId: parsed.messageId,
    headers: firstHeaderValues(parsed.headerLines),
  };
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) =>
      (entry.group ?? [entry]).map((member) => member.address).filter((address) => address !== undefined),
    ),
  );
}

function firstHeaderValues(lines: ReadonlyArray<{ key: string; line: string }>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (!(key in headers)) {
      const separator = line.indexOf(':');
      headers[key] = line
        .slice(separator + 1)
        .replace(/\r?\n(?=[ \t])/g, '')
        .trim();
    }
  }
  return headers;
}
