import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedLinkToken {
  /** Only ever in the emailed link; never stored nor logged. */
  token: string;
  /** What the database keeps: a stolen row cannot be turned back into a working link. */
  hash: string;
}

/** A single-purpose token for a link sent by email (an invitation, an audit respondent's link). */
export function issueLinkToken(): IssuedLinkToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/**
 * The lookup key of a token, or null when the value cannot be a token at all (it is then simply
 * not found). A plain SHA-256 is enough: the token has 256 bits of entropy, nothing to brute-force.
 */
export function hashLinkToken(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? sha256(token) : null;
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
