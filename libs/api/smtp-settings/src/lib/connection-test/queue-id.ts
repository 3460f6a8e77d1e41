/**
 * The server's id of an accepted message, from its final reply to DATA, when it gives one. The
 * admin can quote it to the provider to trace the test email. Known forms:
 * - Postfix, SendGrid, many others: `250 2.0.0 Ok: queued as 4Bq3T91y2Lz5`
 * - Exim: `250 OK id=1rXyZa-0004Qm-2B`
 * - Microsoft 365: `250 2.6.0 <message-id> [InternalId=123, Hostname=…] Queued mail for delivery`
 * - Gmail: `250 2.0.0 OK  1700000000 a1-20020a05600c000000b0040b4c2ef1fdsi123456wmq.1 - gsmtp`
 */
const PATTERNS: readonly RegExp[] = [
  /\bqueued as:?\s+<?([A-Za-z0-9][\w.@:/+-]{0,99}?)>?(?=[\s,;)\]]|$)/i,
  /\bid=([A-Za-z0-9][\w.@:+-]{0,99})/i,
  /\[InternalId=([0-9]{1,30})/i,
  /^\d{3}(?:\s+\d\.\d{1,3}\.\d{1,3})?\s+OK\s+\d+\s+(\S{1,100})\s+-\s+gsmtp$/i,
];

export function queueIdOf(replyLine: string): string | null {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(replyLine.trim());
    if (match?.[1]) {
      return match[1];
    }
  }
  return null;
}
