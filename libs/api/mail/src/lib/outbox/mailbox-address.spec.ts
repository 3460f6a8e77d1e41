import { isSingleAddress } from './mailbox-address';

describe('isSingleAddress', () => {
  it.each(['jane@example.com', 'j.doe+tag@sub.example.co.uk', 'x@localhost'])('accepts %s', (address) => {
    expect(isSingleAddress(address)).toBe(true);
  });

  it.each([
    ['a list', 'a@example.com, b@example.com'],
    ['a display name', 'Jane <jane@example.com>'],
    ['a header injection', 'jane@example.com\r\nBcc: spy@evil.test'],
    ['a bare line feed', 'jane@example.com\nX: y'],
    ['no domain', 'jane@'],
    ['nothing', ''],
    ['an overlong address', `${'a'.repeat(320)}@example.com`],
    ['a space', 'jane doe@example.com'],
    ['a control character', 'jane\u0000@example.com'],
    ['an IP address as the domain', 'jane@[203.0.113.5]'],
    ['not a string', 42],
  ])('refuses %s', (_label, address: unknown) => {
    expect(isSingleAddress(address)).toBe(false);
  });
});
