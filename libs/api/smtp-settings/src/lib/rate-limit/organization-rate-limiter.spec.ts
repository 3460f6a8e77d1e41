import { testConfig } from '@mailroute/api/core/testing';
import { trustedOrganizationId } from '@mailroute/api/core';
import { OrganizationRateLimiter, TooManySmtpTestsError } from './organization-rate-limiter';

describe('OrganizationRateLimiter', () => {
  const acme = trustedOrganizationId('acme');
  const globex = trustedOrganizationId('globex');

  it('allows the configured number of tests per minute per organization, then says when to come back', () => {
    const limiter = new OrganizationRateLimiter(testConfig({ SMTP_SETTINGS_RATE_LIMIT: '3' }));
    const start = 1_000_000;
    limiter.consume(acme, start);
    limiter.consume(acme, start + 10_000);
    limiter.consume(acme, start + 20_000);
    expect(() => limiter.consume(acme, start + 30_000)).toThrow(TooManySmtpTestsError);
    expect(() => limiter.consume(acme, start + 30_000)).toThrow('try again in 30 s');
    limiter.consume(globex, start + 30_000);
    limiter.consume(acme, start + 60_001);
  });
});
