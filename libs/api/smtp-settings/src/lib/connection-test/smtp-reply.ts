import { printable, replyLines } from './display-text';
import { SmtpProtocolError } from './smtp-errors';

/** One SMTP reply (RFC 5321 §4.2): a code and the text of each of its lines. */
export interface SmtpReply {
  code: number;
  /** The text after `NNN-` / `NNN `, one entry per line, in order. */
  lines: string[];
}

/**
 * How much a server may send as one reply. RFC 5321 §4.5.3.1.5 caps a reply line at 512 octets;
 * real servers exceed it a little (long EHLO keywords, banners), so we allow four times that,
 * and refuse anything beyond: a hostile server must not make us buffer without end.
 */
export const SMTP_REPLY_LIMITS = { maxLineBytes: 2048, maxLines: 100 } as const;

const REPLY_LINE = /^([2-5][0-5][0-9])(?:([ -])(.*))?$/s;
const LF = 0x0a;

/**
 * Turns the bytes a server sends into complete replies. Multi-line replies (`250-…` lines then
 * `250 …`) come out as one reply; a partial line or reply waits for more bytes.
 */
export class SmtpReplyReader {
  private buffered: Buffer = Buffer.alloc(0);
  private pendingLines: string[] = [];
  private pendingCode: number | null = null;

  constructor(private readonly limits: { maxLineBytes: number; maxLines: number } = SMTP_REPLY_LIMITS) {}

  /** The replies completed by `chunk`. Throws `SmtpProtocolError` on anything that is not SMTP. */
  push(chunk: Buffer): SmtpReply[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const replies: SmtpReply[] = [];
    let newline = this.buffered.indexOf(LF);
    while (newline !== -1) {
      const end = newline > 0 && this.buffered[newline - 1] === 0x0d ? newline - 1 : newline;
      this.checkLineLength(end);
      const reply = this.acceptLine(this.buffered.subarray(0, end).toString('utf8'));
      if (reply) {
        replies.push(reply);
      }
      this.buffered = this.buffered.subarray(newline + 1);
      newline = this.buffered.indexOf(LF);
    }
    this.checkLineLength(this.buffered.length);
    return replies;
  }

  /** True while part of a reply has arrived: bytes a server must not send after some replies. */
  get hasPartialReply(): boolean {
    return this.buffered.length > 0 || this.pendingLines.length > 0;
  }

  private checkLineLength(bytes: number): void {
    if (bytes > this.limits.maxLineBytes) {
      throw new SmtpProtocolError(
        `the server sent a reply line longer than ${this.limits.maxLineBytes} bytes: "${printable(
          this.buffered.subarray(0, 80).toString('utf8'),
          80,
        )}"`,
      );
    }
  }

  private acceptLine(line: string): SmtpReply | null {
    const match = REPLY_LINE.exec(line);
    if (!match) {
      throw new SmtpProtocolError(`the server's answer is not an SMTP reply: "${printable(line)}"`);
    }
    const code = Number(match[1]);
    if (this.pendingCode !== null && code !== this.pendingCode) {
      throw new SmtpProtocolError(
        `the server mixed reply codes in one reply: ${replyLines(this.pendingCode, this.pendingLines)} then "${printable(line)}"`,
      );
    }
    this.pendingCode = code;
    this.pendingLines.push(match[3] ?? '');
    if (this.pendingLines.length > this.limits.maxLines) {
      throw new SmtpProtocolError(`the server sent a reply of more than ${this.limits.maxLines} lines`);
    }
    if (match[2] === '-') {
      return null;
    }
    const reply = { code, lines: this.pendingLines };
    this.pendingLines = [];
    this.pendingCode = null;
    return reply;
  }
}

/** The reply as shown in a report, capped. */
export function describeReply(reply: SmtpReply): string {
  return replyLines(reply.code, reply.lines);
}

/** The last line as the server wrote it (`250 2.0.0 Ok: queued as 4Bq3`), capped. */
export function finalReplyLine(reply: SmtpReply): string {
  return printable(`${reply.code} ${reply.lines[reply.lines.length - 1] ?? ''}`.trimEnd());
}
