import { randomBytes } from 'node:crypto';
import { testConfig } from '@mailroute/api/core/testing';
import { SecretBox, SecretUnreadableError } from './secret-box';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

function boxWith(env: Record<string, string>): SecretBox {
  return new SecretBox(testConfig(env));
}

describe('SecretBox', () => {
  const box = boxWith({ SECRETS_KEY: keyA });

  it('opens what it sealed, for the same context only', () => {
    const sealed = box.seal('hunter2 ✓', 'org-1');
    expect(box.open(sealed, 'org-1')).toBe('hunter2 ✓');
    expect(() => box.open(sealed, 'org-2')).toThrow(new SecretUnreadableError('tampered'));
  });

  it('never stores the plaintext, and seals the same secret differently each time', () => {
    const first = box.seal('correct horse battery staple', 'org-1');
    const second = box.seal('correct horse battery staple', 'org-1');
    expect(first).not.toContain('correct');
    expect(Buffer.from(first.split('.')[4] ?? '', 'base64url').toString('utf8')).not.toContain('horse');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('detects a tampered ciphertext', () => {
    const parts = box.seal('secret', 'org-1').split('.');
    const ciphertext = Buffer.from(parts[4] ?? '', 'base64url');
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[4] = ciphertext.toString('base64url');
    expect(() => box.open(parts.join('.'), 'org-1')).toThrow(new SecretUnreadableError('tampered'));
  });

  it('refuses a malformed value', () => {
    expect(() => box.open('plaintext-password', 'org-1')).toThrow(new SecretUnreadableError('malformed'));
  });

  it('still opens secrets sealed under a rotated-out key, and says they need resealing', () => {
    const sealedUnderA = box.seal('old secret', 'org-1');
    const rotated = boxWith({ SECRETS_KEY: keyB, SECRETS_KEY_PREVIOUS: keyA });
    expect(rotated.open(sealedUnderA, 'org-1')).toBe('old secret');
    expect(rotated.needsResealing(sealedUnderA)).toBe(true);
    const resealed = rotated.seal('old secret', 'org-1');
    expect(rotated.needsResealing(resealed)).toBe(false);
    expect(() => boxWith({ SECRETS_KEY: keyB }).open(sealedUnderA, 'org-1')).toThrow(
      new SecretUnreadableError('unknown_key'),
    );
  });
});
