/**
 * Server text shown in a report. A hostile or broken server chooses these bytes, so they are
 * made printable (no control or bidirectional-override characters that could disguise the
 * line in the admin's browser) and short (it cannot blow up the stored report).
 */
export const MAX_SERVER_LINE_CHARS = 200;
export const MAX_SERVER_LINES_SHOWN = 3;

// C0/C1 controls, zero-width characters and bidirectional overrides (Trojan Source style spoofing).
const UNPRINTABLE = /[\p{Cc}\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

export function printable(text: string, maxChars = MAX_SERVER_LINE_CHARS): string {
  const clean = text.replace(UNPRINTABLE, '?');
  const characters = Array.from(clean);
  return characters.length <= maxChars ? clean : `${characters.slice(0, maxChars).join('')}…`;
}

/** A reply as the server wrote it (`550-…` continuation lines, `550 …` last), capped in lines. */
export function replyLines(
  code: number,
  lines: readonly string[],
  maxLines = MAX_SERVER_LINES_SHOWN,
): string {
  const shown = lines.slice(0, maxLines).map((line, index) => {
    const separator = index === lines.length - 1 ? ' ' : '-';
    return printable(`${code}${separator}${line}`.trimEnd());
  });
  const more = lines.length - shown.length;
  return more > 0 ? `${shown.join(' / ')} (+${more} more lines)` : shown.join(' / ');
}
