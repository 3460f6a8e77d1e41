import { portForSecurity, securityForPort } from './port-security-pairing';

describe('port and security pairing', () => {
  it.each([
    [465, 'tls'],
    [587, 'starttls'],
    [25, null],
    [2525, null],
    [null, null],
  ] as const)('port %s suggests %s', (port, security) => {
    expect(securityForPort(port)).toBe(security);
  });

  it.each([
    ['tls', 25, 465],
    ['tls', 587, 465],
    ['tls', 465, null],
    ['starttls', 465, 587],
    ['starttls', 25, null],
    ['starttls', 587, null],
    ['tls', 2525, null],
    ['starttls', null, null],
  ] as const)('%s on port %s suggests port %s', (security, port, suggested) => {
    expect(portForSecurity(security, port)).toBe(suggested);
  });
});
