import { issueLinkToken } from '../auth/link-token';
import { redactUrlForLog } from './url-redaction';

describe('redactUrlForLog', () => {
  const { token } = issueLinkToken();

  it.each([
    [`/api/invitations/${token}`, '/api/invitations/[redacted]'],
    [`/api/invitations/${token}/accept`, '/api/invitations/[redacted]/accept'],
    [`/api/audit-responses/${token}`, '/api/audit-responses/[redacted]'],
    [`/invitations/${token}`, '/invitations/[redacted]'],
    [`/audits/respond/${token}`, '/audits/respond/[redacted]'],
    [`/login?returnUrl=%2Finvitations%2F${token}`, '/login?returnUrl=%2Finvitations%2F[redacted]'],
    [`/login?returnUrl=/audits/respond/${token}&x=1`, '/login?returnUrl=/audits/respond/[redacted]&x=1'],
  ])('redacts the link token in %s', (url, logged) => {
    expect(redactUrlForLog(url)).toBe(logged);
  });

  it('redacts a malformed or truncated token after a link route, which may be most of a real one', () => {
    expect(redactUrlForLog(`/api/invitations/${token.slice(0, 40)}`)).toBe('/api/invitations/[redacted]');
    expect(redactUrlForLog(`/api/audit-responses/${token}x`)).toBe('/api/audit-responses/[redacted]');
  });

  it('keeps ids, route names and paging, which say what was done to what', () => {
    const id = '0b9c3f5e-8a1d-4c2b-9e7f-6d5a4b3c2d1e';
    for (const url of [
      `/api/invitations/${id}/resend`,
      `/api/invitations/${id}`,
      '/api/invitations?page=2&pageSize=20',
      `/api/audits/${id}/respondents`,
      '/api/auth/login',
      '/invitations',
    ]) {
      expect(redactUrlForLog(url)).toBe(url);
    }
  });
});
