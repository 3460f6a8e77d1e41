/** Longest subject we send; RFC 5322 §2.1.1 asks for header lines under 998 characters. */
export const MAX_SUBJECT_LENGTH = 250;

/**
 * A rendered subject made safe for the `Subject:` header: control characters (CR and LF first:
 * a line break in a header value would start a new header, "header injection") and Unicode line
 * separators become a space, runs of whitespace one space, and the result is trimmed and cut to
 * {@link MAX_SUBJECT_LENGTH} characters (never in the middle of a surrogate pair).
 */
export function toSafeSubject(rendered: string): string {
  const flat = rendered
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = Array.from(flat);
  return characters.length <= MAX_SUBJECT_LENGTH
    ? flat
    : `${characters
        .slice(0, MAX_SUBJECT_LENGTH - 1)
        .join('')
        .trimEnd()}…`;
}
