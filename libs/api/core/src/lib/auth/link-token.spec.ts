import { hashLinkToken, issueLinkToken } from './link-token';

describe('link tokens', () => {
  it('issues a 43-character base64url token whose SHA-256 is what gets stored', () => {
    const { token, hash } = issueLinkToken();

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashLinkToken(token)).toBe(hash);
  });

  it('issues a different token every time', () => {
    expect(new Set(Array.from({ length: 100 }, () => issueLinkToken().token)).size).toBe(100);
  });

  it('has no lookup key for a value that cannot be a token', () => {
    expect(hashLinkToken('')).toBeNull();
    expect(hashLinkToken('short')).toBeNull();
    expect(hashLinkToken(`${'a'.repeat(42)}=`)).toBeNull();
    expect(hashLinkToken(`${'a'.repeat(42)}.`)).toBeNull();
    expect(hashLinkToken('a'.repeat(44))).toBeNull();
  });
});
