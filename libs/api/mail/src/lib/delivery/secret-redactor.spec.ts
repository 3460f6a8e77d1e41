import { REDACTED, SecretRedactor } from './secret-redactor';

describe('SecretRedactor', () => {
  it('replaces every occurrence of every secret, longest first', () => {
    const redactor = new SecretRedactor(['hunter22', 'hunter22-extended']);
    expect(redactor.redact('a hunter22-extended b hunter22 c')).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('replaces a secret’s base64 form too, as AUTH LOGIN sends it', () => {
    const base64 = Buffer.from('s3cr3t!').toString('base64');
    expect(new SecretRedactor(['s3cr3t!']).redact(`535 ${base64} refused`)).toBe(`535 ${REDACTED} refused`);
  });

  it('does not search for secrets too short to be told from ordinary text', () => {
    expect(new SecretRedactor(['25', '']).redact('250 OK')).toBe('250 OK');
  });

  it('redacts every string of a nested value and keeps its shape', () => {
    const redactor = new SecretRedactor(['s3cr3t!']);
    expect(
      redactor.redactDeep({ ok: false, stages: [{ detail: 'echo s3cr3t!', durationMs: 3, hint: null }] }),
    ).toEqual({ ok: false, stages: [{ detail: `echo ${REDACTED}`, durationMs: 3, hint: null }] });
  });
});
