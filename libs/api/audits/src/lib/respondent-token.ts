import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedToken {
  /** Only ever in the respondent's email; never stored nor logged. */
  token: string;
  /** What the database keeps: a stolen row cannot be turned back into a working link. */
  hash: string;
}

/** A respondent's personal link token: it opens that respondent's answer to one audit, nothing else. */
export function issueRespondentToken(): IssuedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/** The lookup key of a token, or null when the value cannot be a token (it is then not found). */
export function hashRespondentToken(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? sha256(token) : null;
}

// A plain SHA-256 is enough: the token has 256 bits of entropy, nothing to brute-force.
function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
