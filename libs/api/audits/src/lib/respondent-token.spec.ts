import { hashRespondentToken, issueRespondentToken } from './respondent-token';

describe('respondent tokens', () => {
  it('issues a 43-character base64url token whose SHA-256 is what gets stored', () => {
    const { token, hash } = issueRespondentToken();

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRespondentToken(token)).toBe(hash);
  });

  it('issues a different token every time', () => {
    expect(new Set(Array.from({ length: 100 }, () => issueRespondentToken().token)).size).toBe(100);
  });

  it('has no lookup key for a value that cannot be a token', () => {
    expect(hashRespondentToken('')).toBeNull();
    expect(hashRespondentToken('a'.repeat(44))).toBeNull();
    expect(hashRespondentToken(`${'a'.repeat(42)}.`)).toBeNull();
  });
});
