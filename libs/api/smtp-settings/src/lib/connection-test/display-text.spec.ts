import { printable, replyLines } from './display-text';

describe('printable', () => {
  it('leaves ordinary text alone', () => {
    expect(printable('250 2.0.0 Ok: queued as 4Bq3 — déjà')).toBe('250 2.0.0 Ok: queued as 4Bq3 — déjà');
  });

  it('replaces control, zero-width and bidirectional-override characters', () => {
    expect(printable('a\u0000b\u001b[31mc\u202ed\u200be\u2066f\r\ng')).toBe('a?b?[31mc?d?e?f??g');
  });

  it('caps the length, counting characters rather than UTF-16 units', () => {
    expect(printable('x'.repeat(10), 4)).toBe('xxxx…');
    expect(printable('😀😀😀', 2)).toBe('😀😀…');
    expect(printable('abc', 3)).toBe('abc');
  });
});

describe('replyLines', () => {
  it('marks continuation lines with a dash and the last with a space', () => {
    expect(replyLines(250, ['a', 'b'])).toBe('250-a / 250 b');
  });

  it('says how many lines it left out', () => {
    expect(replyLines(250, ['a', 'b', 'c'], 1)).toBe('250-a (+2 more lines)');
  });
});
