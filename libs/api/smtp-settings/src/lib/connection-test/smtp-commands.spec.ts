import {
  loginAuthValue,
  mailFromCommand,
  needsSmtpUtf8,
  plainAuthToken,
  rcptToCommand,
  UnsafeAddressError,
} from './smtp-commands';

const plainMessage = { bytes: 1234, eightBit: false, smtpUtf8: false };

describe('mailFromCommand', () => {
  it('declares the size only when the server announced SIZE', () => {
    expect(mailFromCommand('a@example.com', plainMessage, { size: true, eightBitMime: true })).toBe(
      'MAIL FROM:<a@example.com> SIZE=1234',
    );
    expect(mailFromCommand('a@example.com', plainMessage, { size: false, eightBitMime: true })).toBe(
      'MAIL FROM:<a@example.com>',
    );
  });

  it('declares 8-bit content and SMTPUTF8 only when they apply', () => {
    expect(
      mailFromCommand(
        'é@exemple.fr',
        { bytes: 10, eightBit: true, smtpUtf8: true },
        { size: false, eightBitMime: true },
      ),
    ).toBe('MAIL FROM:<é@exemple.fr> BODY=8BITMIME SMTPUTF8');
    expect(
      mailFromCommand(
        'a@example.com',
        { bytes: 10, eightBit: true, smtpUtf8: false },
        { size: false, eightBitMime: false },
      ),
    ).toBe('MAIL FROM:<a@example.com>');
  });

  it.each([
    'a@example.com> SIZE=1',
    'a@example.com\r\nRCPT TO:<victim@example.org>',
    'a b@example.com',
    'no-at-sign',
    '@example.com',
    'a@',
  ])('refuses an address that could change the command: %j', (address) => {
    expect(() => mailFromCommand(address, plainMessage, { size: false, eightBitMime: false })).toThrow(
      UnsafeAddressError,
    );
  });
});

describe('rcptToCommand', () => {
  it('builds RCPT TO and refuses an unsafe address', () => {
    expect(rcptToCommand('admin@example.org')).toBe('RCPT TO:<admin@example.org>');
    expect(() => rcptToCommand('admin@example.org>\r\nDATA')).toThrow(UnsafeAddressError);
  });
});

describe('needsSmtpUtf8', () => {
  it('is true for non-ASCII addresses only', () => {
    expect(needsSmtpUtf8('a@example.com')).toBe(false);
    expect(needsSmtpUtf8('jörg@example.com')).toBe(true);
    expect(needsSmtpUtf8('a@exämple.com')).toBe(true);
  });
});

describe('AUTH encodings', () => {
  it('encodes PLAIN as NUL user NUL password (RFC 4616)', () => {
    expect(Buffer.from(plainAuthToken('user', 'pässword'), 'base64').toString('utf8')).toBe(
      '\u0000user\u0000pässword',
    );
  });

  it('encodes each LOGIN value in base64', () => {
    expect(loginAuthValue('user')).toBe('dXNlcg==');
  });
});
