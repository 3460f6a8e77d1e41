import { createTestCertificate, TestCertificate } from '@mailroute/testing';
import { certificateNames, isReusable } from './dev-certificate';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('certificateNames', () => {
  it('covers localhost and 127.0.0.1 for the default host', () => {
    expect(certificateNames('127.0.0.1')).toEqual(['localhost', '127.0.0.1']);
  });

  it('adds a specific listen address', () => {
    expect(certificateNames('192.168.1.20')).toEqual(['localhost', '127.0.0.1', '192.168.1.20']);
  });

  it('does not put a wildcard address in the certificate', () => {
    expect(certificateNames('0.0.0.0')).toEqual(['localhost', '127.0.0.1']);
  });
});

describe('isReusable', () => {
  const now = new Date();
  let current: TestCertificate;
  let other: TestCertificate;

  beforeAll(async () => {
    [current, other] = await Promise.all([createTestCertificate(), createTestCertificate()]);
  });

  it('reuses a valid certificate for the same names', () => {
    expect(isReusable(current, ['localhost', '127.0.0.1'], now)).toBe(true);
  });

  it('replaces a certificate that expires within a week', () => {
    expect(isReusable(current, ['localhost'], new Date(now.getTime() + 360 * DAY_MS))).toBe(false);
  });

  it('replaces a certificate that does not cover a new listen address', () => {
    expect(isReusable(current, ['localhost', '127.0.0.1', '192.168.1.20'], now)).toBe(false);
  });

  it('replaces a certificate whose key was swapped', () => {
    expect(isReusable({ cert: current.cert, key: other.key }, ['localhost'], now)).toBe(false);
  });

  it('replaces unreadable files', () => {
    expect(isReusable({ cert: 'garbage', key: current.key }, ['localhost'], now)).toBe(false);
  });
});
