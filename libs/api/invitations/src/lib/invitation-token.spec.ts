import { hashInvitationToken, issueInvitationToken } from './invitation-token';

describe('invitation tokens', () => {
  it('issues a 43-character base64url token whose SHA-256 is what gets stored', () => {
    const { token, hash } = issueInvitationToken();

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashInvitationToken(token)).toBe(hash);
  });

  it('issues a different token every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => issueInvitationToken().token));

    expect(tokens.size).toBe(100);
  });

  it('has no lookup key for a value that cannot be a token', () => {
    expect(hashInvitationToken('')).toBeNull();
    expect(hashInvitationToken('short')).toBeNull();
    expect(hashInvitationToken(`${'a'.repeat(42)}=`)).toBeNull();
    expect(hashInvitationToken('a'.repeat(44))).toBeNull();
  });
});
