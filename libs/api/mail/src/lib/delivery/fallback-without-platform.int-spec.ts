import { DataSource } from 'typeorm';
import { seedOrganization, type SeededOrganization } from '@mailroute/api/core/testing';
import { startTestSmtpServer, type TestSmtpServer, waitUntil } from '@mailroute/testing';
import { customRouteTo, type MailTestHarness, numberedNotice, startMailTestHarness } from '../../testing';
import { MailerService } from '../mailer.service';
import { OutboundEmail } from '../outbox/outbound-email.entity';
import { SmtpRouteUnavailableError } from '../routing/smtp-route-source';

const HOOLI_USER = { username: 'hooli', password: 'hooli-smtp-password' };

/**
 * The `fallback` policy in a deployment with no platform SMTP (PLATFORM_SMTP_URL unset, allowed
 * outside production): there is nothing to fall back to, so each email must still end its attempt
 * in a state the email log shows, with the reason, instead of staying claimed and being taken over
 * again and again.
 */
describe('the fallback policy without a platform SMTP', () => {
  let harness: MailTestHarness;
  let server: TestSmtpServer;
  let mailer: MailerService;

  beforeAll(async () => {
    server = await startTestSmtpServer({ security: 'tls', users: [HOOLI_USER] });
    // Without an outcome, the row would stay claimed until its lease expires, then be claimed again.
    harness = await startMailTestHarness({ env: { PLATFORM_SMTP_URL: '' } });
    mailer = harness.api.app.get(MailerService);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  const send = (organization: SeededOrganization, to: string, n: number) =>
    mailer.send({
      organizationId: organization.id,
      kind: 'notification',
      to,
      template: numberedNotice,
      data: { n },
    });
  const emails = () => harness.api.app.get(DataSource).getRepository(OutboundEmail);
  const settled = (id: string) =>
    waitUntil(
      async () => {
        const email = await emails().findOneBy({ id });
        return email && email.status !== 'queued' && email.status !== 'sending' ? email : null;
      },
      { description: `email ${id} to end its attempt`, timeoutMs: 10_000, intervalMs: 50 },
    );

  it('holds the email, saying why, when the settings cannot be used and there is no platform to fall back to', async () => {
    const pied = await seedOrganization(harness.api.app, 'pied-piper', { name: 'Pied Piper' });
    harness.routes.failWith(
      pied.id,
      new SmtpRouteUnavailableError('undecryptable', 'cannot decrypt the SMTP password', 'fallback'),
    );
    const id = await send(pied, 'closed@example.test', 1);
    const email = await settled(id);
    expect(email).toMatchObject({
      status: 'held',
      attempts: 1,
      leaseOwner: null,
      lastErrorCode: 'route_unavailable',
    });
    expect(email.lastErrorMessage).toContain('cannot decrypt the SMTP password');
    expect(email.lastErrorMessage).toContain('No platform SMTP server is configured');
  });

  it('retries the email, saying why, when the organization’s server fails and there is no platform to fall back to', async () => {
    const hooli = await seedOrganization(harness.api.app, 'hooli', { name: 'Hooli' });
    harness.routes.set(
      customRouteTo(server, {
        organizationId: hooli.id,
        ...HOOLI_USER,
        sender: 'notify@hooli.test',
        failurePolicy: 'fallback',
      }),
    );
    server.failNext({
      stage: 'data',
      action: 'reply',
      code: 451,
      message: '4.3.0 Try again later',
      times: 50,
    });
    const id = await send(hooli, 'fallback@example.test', 2);
    const email = await settled(id);
    expect(email).toMatchObject({
      status: 'retrying',
      attempts: 1,
      leaseOwner: null,
      lastErrorCode: 'smtp_temporary',
      lastErrorSmtpCode: 451,
    });
    expect(email.lastErrorMessage).toContain('4.3.0 Try again later');
    expect(email.lastErrorMessage).toContain('No platform SMTP server is configured');
    expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1_000);
  });
});
