import { ehloNameOf } from './ehlo-name';

describe('ehloNameOf', () => {
  it('is the host of the public URL', () => {
    expect(ehloNameOf('https://mailroute.example.com/app')).toBe('mailroute.example.com');
    expect(ehloNameOf('http://localhost:3000')).toBe('localhost');
  });

  it('is an address literal for an IP address (RFC 5321 §4.1.3)', () => {
    expect(ehloNameOf('http://203.0.113.9:8080')).toBe('[203.0.113.9]');
    expect(ehloNameOf('http://[2001:db8::1]:8080')).toBe('[IPv6:2001:db8::1]');
  });
});
