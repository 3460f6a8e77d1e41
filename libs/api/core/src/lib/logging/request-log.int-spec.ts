import { waitUntil } from '@mailroute/testing';
import { startLoggedApi, type LoggedApi } from '../../testing/logged-api';
import { issueLinkToken } from '../auth/link-token';

describe('the request log (a real API process, its log read whole)', () => {
  let api: LoggedApi;

  beforeAll(async () => {
    api = await startLoggedApi();
  });

  afterAll(() => api?.stop());

  /** The request lines logged for `path` (with its tokens redacted), once there are `count`. */
  const loggedRequests = (pathStart: string, count: number) =>
    waitUntil(
      () => {
        const lines = api
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { req?: { url?: string } })
          .filter((entry) => entry.req?.url?.startsWith(pathStart));
        return lines.length >= count ? lines : null;
      },
      { description: `${count} logged requests on ${pathStart}`, timeoutMs: 10_000, intervalMs: 50 },
    );

  it('never holds an invitation’s or an audit respondent’s link token, and says which route was asked', async () => {
    const { token } = issueLinkToken();
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/invitations/${token}`],
      ['POST', `/api/invitations/${token}/accept`, { name: 'Ada', password: 'a-long-enough-password' }],
      ['GET', `/api/audit-responses/${token}`],
      ['POST', `/api/audit-responses/${token}`, { answers: [] }],
    ];
    for (const [method, path, body] of requests) {
      await fetch(`${api.baseUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    }
    const invitations = await loggedRequests('/api/invitations/', 2);
    const auditResponses = await loggedRequests('/api/audit-responses/', 2);
    expect(api.output()).not.toContain(token);
    expect(invitations.map((entry) => entry.req?.url)).toEqual([
      '/api/invitations/[redacted]',
      '/api/invitations/[redacted]/accept',
    ]);
    expect(auditResponses.map((entry) => entry.req?.url)).toEqual([
      '/api/audit-responses/[redacted]',
      '/api/audit-responses/[redacted]',
    ]);
  });
});
