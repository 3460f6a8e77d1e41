import { describeReply, finalReplyLine, SmtpReplyReader } from './smtp-reply';
import { SmtpProtocolError } from './smtp-errors';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('SmtpReplyReader', () => {
  it('reads a one-line reply', () => {
    expect(new SmtpReplyReader().push(bytes('220 mail.example.com ESMTP ready\r\n'))).toEqual([
      { code: 220, lines: ['mail.example.com ESMTP ready'] },
    ]);
  });

  it('joins a multi-line reply into one, line texts in order', () => {
    const reader = new SmtpReplyReader();
    expect(reader.push(bytes('250-mail.example.com\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n'))).toEqual([
      { code: 250, lines: ['mail.example.com', 'PIPELINING', 'AUTH PLAIN LOGIN'] },
    ]);
  });

  it('waits for the rest of a reply split across chunks, even inside a line', () => {
    const reader = new SmtpReplyReader();
    expect(reader.push(bytes('250-mail.exa'))).toEqual([]);
    expect(reader.hasPartialReply).toBe(true);
    expect(reader.push(bytes('mple.com\r\n250 SI'))).toEqual([]);
    expect(reader.push(bytes('ZE 1000\r\n'))).toEqual([
      { code: 250, lines: ['mail.example.com', 'SIZE 1000'] },
    ]);
    expect(reader.hasPartialReply).toBe(false);
  });

  it('returns every reply a chunk completes, and keeps what follows as partial', () => {
    const reader = new SmtpReplyReader();
    expect(reader.push(bytes('220 Go ahead\r\n250 injected\r\n354'))).toEqual([
      { code: 220, lines: ['Go ahead'] },
      { code: 250, lines: ['injected'] },
    ]);
    expect(reader.hasPartialReply).toBe(true);
  });

  it('accepts a bare code, a bare LF line end and UTF-8 text', () => {
    expect(new SmtpReplyReader().push(bytes('250\n550 5.1.1 Adresse inconnue é\n'))).toEqual([
      { code: 250, lines: [''] },
      { code: 550, lines: ['5.1.1 Adresse inconnue é'] },
    ]);
  });

  it.each([
    ['text that is not a reply', 'HTTP/1.1 400 Bad Request\r\n'],
    ['a code outside 2xx-5xx', '650 nope\r\n'],
    ['a code without its separator', '250OK\r\n'],
  ])('refuses %s', (_case, input) => {
    expect(() => new SmtpReplyReader().push(bytes(input))).toThrow(SmtpProtocolError);
  });

  it('refuses a multi-line reply that changes its code', () => {
    expect(() => new SmtpReplyReader().push(bytes('250-first\r\n550 second\r\n'))).toThrow(
      /mixed reply codes/,
    );
  });

  it('refuses a line longer than the limit, even before its end arrives', () => {
    const reader = new SmtpReplyReader({ maxLineBytes: 16, maxLines: 10 });
    expect(() => reader.push(bytes(`220 ${'x'.repeat(20)}`))).toThrow(/longer than 16 bytes/);
  });

  it('refuses a reply of more lines than the limit', () => {
    const reader = new SmtpReplyReader({ maxLineBytes: 100, maxLines: 3 });
    expect(() => reader.push(bytes('250-a\r\n250-b\r\n250-c\r\n250-d\r\n'))).toThrow(/more than 3 lines/);
  });

  it('quotes the offending line printable and capped', () => {
    try {
      new SmtpReplyReader().push(bytes(`\u001b[2J${'z'.repeat(400)}\r\n`));
      throw new Error('expected a protocol error');
    } catch (error) {
      expect((error as Error).message).toMatch(/^the server's answer is not an SMTP reply: "\?\[2Jz+…"$/);
      expect((error as Error).message.length).toBeLessThan(260);
    }
  });
});

describe('describeReply and finalReplyLine', () => {
  const reply = { code: 550, lines: ['5.7.1 first', 'second', 'third', 'fourth'] };

  it('shows a reply as the server wrote it, capped in lines', () => {
    expect(describeReply(reply)).toBe('550-5.7.1 first / 550-second / 550-third (+1 more lines)');
    expect(describeReply({ code: 235, lines: ['2.7.0 Accepted'] })).toBe('235 2.7.0 Accepted');
  });

  it('gives the last line with its code', () => {
    expect(finalReplyLine(reply)).toBe('550 fourth');
    expect(finalReplyLine({ code: 250, lines: [''] })).toBe('250');
  });
});
