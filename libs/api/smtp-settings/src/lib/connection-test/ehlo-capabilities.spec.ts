import { parseEhloReply } from './ehlo-capabilities';

describe('parseEhloReply', () => {
  it('reads the server name, extensions and what the test needs from them', () => {
    const capabilities = parseEhloReply({
      code: 250,
      lines: [
        'smtp.example.com Hello [203.0.113.7]',
        'SIZE 35882577',
        '8BITMIME',
        'STARTTLS',
        'auth login plain XOAUTH2',
        'SMTPUTF8',
      ],
    });
    expect(capabilities).toEqual({
      serverName: 'smtp.example.com',
      extensions: ['SIZE 35882577', '8BITMIME', 'STARTTLS', 'AUTH login plain XOAUTH2', 'SMTPUTF8'],
      authMechanisms: ['LOGIN', 'PLAIN', 'XOAUTH2'],
      startTls: true,
      smtpUtf8: true,
      eightBitMime: true,
      size: true,
      maxMessageBytes: 35882577,
    });
  });

  it('reads the obsolete AUTH= form and merges duplicate mechanisms', () => {
    const capabilities = parseEhloReply({
      code: 250,
      lines: ['mail.example.com', 'AUTH=LOGIN PLAIN', 'AUTH PLAIN LOGIN'],
    });
    expect(capabilities.authMechanisms).toEqual(['LOGIN', 'PLAIN']);
  });

  it('treats SIZE without a number, or 0, as no fixed limit', () => {
    expect(parseEhloReply({ code: 250, lines: ['m', 'SIZE'] })).toMatchObject({
      size: true,
      maxMessageBytes: null,
    });
    expect(parseEhloReply({ code: 250, lines: ['m', 'SIZE 0'] })).toMatchObject({
      size: true,
      maxMessageBytes: null,
    });
    expect(parseEhloReply({ code: 250, lines: ['m'] })).toMatchObject({ size: false, startTls: false });
  });

  it('ignores lines that are not extension keywords and bounds a hostile list', () => {
    const lines = ['m', '<script>', ...Array.from({ length: 200 }, (_, index) => `X-EXT${index}`)];
    const capabilities = parseEhloReply({ code: 250, lines });
    expect(capabilities.extensions).not.toContain('<script>');
    expect(capabilities.extensions.length).toBeLessThanOrEqual(50);
  });

  it('keeps only plausible mechanism names', () => {
    const capabilities = parseEhloReply({ code: 250, lines: ['m', `AUTH PLAIN ${'A'.repeat(50)} <x>`] });
    expect(capabilities.authMechanisms).toEqual(['PLAIN']);
  });
});
