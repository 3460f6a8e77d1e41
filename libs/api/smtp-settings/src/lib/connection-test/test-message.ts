import MailComposer from 'nodemailer/lib/mail-composer';
import type { ConnectionTestMessage } from './connection-test-request';

/** The test email as DATA will carry it. */
export interface ComposedTestMessage {
  /** The MIME message, dot-stuffed, CRLF line ends, followed by the `.` terminator line. */
  data: Buffer;
  /** Size of the message itself (before dot-stuffing), for the SIZE parameter. */
  bytes: number;
  /** Whether any byte is outside 7-bit ASCII (then BODY=8BITMIME is declared when offered). */
  eightBit: boolean;
}

/** Builds the MIME message with nodemailer's composer (no file or URL access: content is inline). */
export async function composeTestMessage(message: ConnectionTestMessage): Promise<ComposedTestMessage> {
  const mime = await new MailComposer({
    from: message.from.name
      ? { name: message.from.name, address: message.from.address }
      : message.from.address,
    to: message.to,
    replyTo: message.replyTo ?? undefined,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
  return {
    data: dotStuff(mime),
    bytes: mime.length,
    eightBit: mime.some((byte) => byte > 0x7f),
  };
}

/**
 * RFC 5321 §4.5.2: every line that starts with `.` gets one more, lines end in CRLF (a bare LF
 * or CR would be rewritten by some servers and refused by others), then `.` CRLF ends the data.
 */
export function dotStuff(message: Buffer): Buffer {
  // latin1 maps each byte to one character and back: any 8-bit content survives untouched.
  const text = message.toString('latin1').replace(/\r\n|\r|\n/g, '\r\n');
  const stuffed = text.replace(/^\./gm, '..');
  const terminated = stuffed === '' || stuffed.endsWith('\r\n') ? stuffed : `${stuffed}\r\n`;
  return Buffer.from(`${terminated}.\r\n`, 'latin1');
}
