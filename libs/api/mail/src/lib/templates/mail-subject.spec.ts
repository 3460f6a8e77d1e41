import { toSafeSubject } from './mail-subject';

describe('toSafeSubject', () => {
  it('turns line breaks and other control characters into single spaces', () => {
    expect(toSafeSubject('Report\r\nBcc: x@example.com\tnow\u0007\u0085!')).toBe(
      'Report Bcc: x@example.com now !',
    );
  });

  it('trims and collapses whitespace', () => {
    expect(toSafeSubject('  a   b  ')).toBe('a b');
  });

  it('keeps a subject of 250 characters as is and cuts a longer one with an ellipsis', () => {
    expect(toSafeSubject('a'.repeat(250))).toBe('a'.repeat(250));
    expect(toSafeSubject('a'.repeat(251))).toBe(`${'a'.repeat(249)}…`);
  });

  it('never cuts an emoji in half', () => {
    const subject = toSafeSubject('😀'.repeat(300));

    expect(Array.from(subject)).toHaveLength(250);
    expect(subject).toBe(`${'😀'.repeat(249)}…`);
  });
});
