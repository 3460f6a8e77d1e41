import { composeTestMessage, dotStuff } from './test-message';

describe('dotStuff', () => {
  const stuffed = (text: string): string => dotStuff(Buffer.from(text, 'latin1')).toString('latin1');

  it('doubles a leading dot on every line and ends with the terminator', () => {
    expect(stuffed('a\r\n.\r\n..b\r\nc.\r\n')).toBe('a\r\n..\r\n...b\r\nc.\r\n.\r\n');
    expect(stuffed('.first line')).toBe('..first line\r\n.\r\n');
  });

  it('turns bare LF and CR into CRLF', () => {
    expect(stuffed('a\nb\rc\r\n')).toBe('a\r\nb\r\nc\r\n.\r\n');
  });

  it('ends an unterminated last line before the terminator', () => {
    expect(stuffed('no newline')).toBe('no newline\r\n.\r\n');
    expect(stuffed('')).toBe('.\r\n');
  });

  it('keeps 8-bit bytes as they are', () => {
    const input = Buffer.from([0x61, 0xe9, 0xff, 0x0a]);
    expect([...dotStuff(input)]).toEqual([0x61, 0xe9, 0xff, 0x0d, 0x0a, 0x2e, 0x0d, 0x0a]);
  });
});

describe('composeTestMessage', () => {
  it('builds the MIME message with the given headers and Message-ID', async () => {
    const composed = await composeTestMessage({
      from: { address: 'notifications@example.com', name: 'Acme' },
      to: 'admin@example.org',
      replyTo: 'support@example.com',
      subject: 'Test',
      text: 'Hello\n.\nAfter a lone dot',
      html: '<p>Hello</p>',
      messageId: '<abc@mailroute.test>',
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    const text = composed.data.toString('latin1');
    expect(text).toMatch(/^From: Acme <notifications@example\.com>\r$/m);
    expect(text).toMatch(/^To: admin@example\.org\r$/m);
    expect(text).toMatch(/^Reply-To: support@example\.com\r$/m);
    expect(text).toMatch(/^Message-ID: <abc@mailroute\.test>\r$/m);
    expect(text).toMatch(/^Auto-Submitted: auto-generated\r$/m);
    expect(text).toMatch(/^\.\.\r$/m);
    expect(text.endsWith('\r\n.\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(composed.eightBit).toBe(false);
    expect(composed.bytes).toBeLessThan(composed.data.length);
  });

  it('leaves Reply-To out when there is none', async () => {
    const composed = await composeTestMessage({
      from: { address: 'a@example.com' },
      to: 'b@example.org',
      replyTo: null,
      subject: 'Test',
      text: 'x',
      html: '<p>x</p>',
      messageId: '<m@x>',
    });
    expect(composed.data.toString('latin1')).not.toMatch(/^Reply-To:/im);
  });
});
