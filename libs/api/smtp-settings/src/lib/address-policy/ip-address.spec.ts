import { endsInNumber, formatIpAddress, parseIpAddress, parseLegacyIpv4 } from './ip-address';

function canonical(text: string): string | null {
  const parsed = parseIpAddress(text);
  return parsed === null ? null : formatIpAddress(parsed);
}

describe('parseLegacyIpv4', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0X7F.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['127.000.000.001', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['010.0.0.1', '8.0.0.1'],
    ['1.1.1.1.', '1.1.1.1'],
    ['4294967295', '255.255.255.255'],
  ])('reads %s as %s, as inet_aton does', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    '',
    '.',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.256.1.1',
    '1.2.65536',
    '4294967296',
    '08.1',
    '0x',
    '0xg',
    '1..1',
  ])('does not read %j as an address', (text) => {
    expect(parseLegacyIpv4(text)).toBeNull();
  });
});

describe('parseIpAddress for IPv6', () => {
  it.each([
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['::FFFF:7F00:0001', '::ffff:7f00:1'],
    ['2606:4700:4700:0:0:0:0:1111', '2606:4700:4700::1111'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1::', '1::'],
    ['1:0:0:0:0:0:0:8', '1::8'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['[fe80::1%25eth0]', 'fe80::1%25eth0'],
  ])('reads %s as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    'fe80::1%',
    '1.2.3.4%eth0',
    '[1.2.3.4]',
    '[::1',
    '1:2:3:4:5:6:7:8:9',
    '::1::',
    'mail.example.com',
    'g::1',
  ])('does not read %j as an address', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe('endsInNumber', () => {
  it.each([
    ['mail.123', true],
    ['1.2.3.4.5', true],
    ['a.0x1f', true],
    ['a.0x', true],
    ['mail.example.com', false],
    ['mail.example.com.', false],
    ['123.example', false],
    ['a.1x', false],
  ])('%s → %s', (host, expected) => {
    expect(endsInNumber(host)).toBe(expected);
  });
});
