import { type OrganizationId, trustedOrganizationId, User, type UsersRepository } from '@mailroute/api/core';
import { testConfig } from '@mailroute/api/core/testing';
import { localCustomRoute } from '../../testing/in-memory-route-source';
import type { MailerService, SendEmailRequest } from '../mailer.service';
import type { PlatformSmtpRoute } from '../routing/smtp-route';
import type { SystemAlertEmailData } from '../templates/builtin/system-alert.template';
import { RouteAlerts } from './route-alerts';
import type { RouteHealthService, RouteHealthView } from './route-health.service';

const acme = trustedOrganizationId('org-acme');
const at = new Date('2030-03-04T05:06:00Z');
const lastSuccessAt = new Date('2030-03-01T09:30:00Z');
const customRoute = localCustomRoute(acme, { port: 2525 }, { host: 'smtp.acme.test' });
const platformRoute: PlatformSmtpRoute = {
  type: 'platform',
  host: 'smtp.platform.test',
  connectAddress: '203.0.113.9',
  port: 465,
  security: 'tls',
  username: null,
  password: null,
  caCertificate: null,
  sender: { address: 'notifications@mailroute.test' },
};

function member(email: string, role: User['role'], locale: User['locale']): User {
  return Object.assign(new User(), {
    id: email,
    organizationId: acme,
    email,
    name: email,
    passwordHash: 'not-used',
    role,
    locale,
    createdAt: at,
  });
}

describe('RouteAlerts', () => {
  let sent: SendEmailRequest<SystemAlertEmailData>[];
  let claims: { organizationId: OrganizationId; minimumFailures?: number }[];
  let alertIsDue: boolean;

  function alerts(): RouteAlerts {
    const health = {
      claimAlert: (
        organizationId: OrganizationId,
        _at: Date,
        threshold: { minimumFailures?: number } = {},
      ) => {
        claims.push({ organizationId, ...threshold });
        return Promise.resolve(alertIsDue);
      },
      view: (): Promise<RouteHealthView> =>
        Promise.resolve({
          state: 'degraded',
          held: false,
          heldReason: null,
          consecutiveFailures: 6,
          lastSuccessAt,
          lastFailure: null,
        }),
    } as unknown as RouteHealthService;
    const users = {
      listByOrganization: () =>
        Promise.resolve([
          member('ada@acme.test', 'admin', 'en'),
          member('bob@acme.test', 'member', 'en'),
          member('chloe@acme.test', 'admin', 'fr'),
        ]),
    } as unknown as UsersRepository;
    const mailer = {
      send: (request: SendEmailRequest<SystemAlertEmailData>) => {
        sent.push(request);
        return Promise.resolve(`email-${sent.length}`);
      },
    } as unknown as MailerService;
    return new RouteAlerts(health, users, mailer, testConfig({ PUBLIC_URL: 'https://app.example.com' }));
  }

  beforeEach(() => {
    sent = [];
    claims = [];
    alertIsDue = true;
  });

  it('sends one system alert to each admin, in their language, about the failing server', async () => {
    await alerts().alertAdminsIfDue(acme, customRoute, '451 Try again later', at);

    expect(sent.map((email) => [email.to, email.locale, email.kind])).toEqual([
      ['ada@acme.test', 'en', 'system_alert'],
      ['chloe@acme.test', 'fr', 'system_alert'],
    ]);
    expect(sent[0]?.organizationId).toBe(acme);
    expect(sent[0]?.data).toEqual({
      host: 'smtp.acme.test',
      port: 2525,
      failures: 6,
      lastError: '451 Try again later',
      since: '1 March 2030 at 09:30 UTC',
      settingsUrl: 'https://app.example.com/general-settings/smtp',
    });
    expect(sent[1]?.data.since).toMatch(/^1 mars 2030 .*09:30 UTC$/);
  });

  it('sends nothing when another instance already alerted this period', async () => {
    alertIsDue = false;

    await alerts().alertAdminsIfDue(acme, customRoute, '451 Try again later', at);

    expect(sent).toEqual([]);
  });

  it('passes the threshold on, so refused credentials alert at the first failure', async () => {
    await alerts().alertAdminsIfDue(acme, customRoute, '535 Authentication failed', at, {
      minimumFailures: 1,
    });

    expect(claims).toEqual([{ organizationId: acme, minimumFailures: 1 }]);
  });

  it('never alerts the admins about the platform’s own server, nor claims the period’s alert', async () => {
    await alerts().alertAdminsIfDue(acme, platformRoute, '421 Service not available', at);

    expect(sent).toEqual([]);
    expect(claims).toEqual([]);
  });
});
