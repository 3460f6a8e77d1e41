import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type ApiCall, refuseInserts, type SeededOrganization } from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import {
  ACME_SMTP_USER,
  PLATFORM_SENDER,
  startTwoOrganizationsHarness,
  type TwoOrganizationsHarness,
} from '@mailroute/api/mail/testing';
import type { EmailLogPage } from '@mailroute/shared/contracts';
import { type ReceivedMessage, type TestSmtpServer, waitUntil } from '@mailroute/testing';
import { AuditRespondent } from './audit-respondent.entity';
import type { AuditDetailView, AuditView, RespondentAccessView, RespondentView } from './audit-views';
import { Audit } from './audit.entity';
import { auditsSchema } from './audits-schema';
import { AuditsModule } from './audits.module';

const PUBLIC_URL = 'https://app.mailroute.test';
const ACME_SENDER = 'audits@acme.test';
const LINK = /https:\/\/app\.mailroute\.test\/audits\/respond\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;

describe('Audits API', () => {
  let harness: TwoOrganizationsHarness;
  let acmeServer: TestSmtpServer;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  let acmeAdmin: string;
  let acmeMember: string;
  let globexAdmin: string;
  let counter = 0;

  const dataSource = () => harness.api.app.get(DataSource);
  const call: ApiCall = (...request) => harness.api.call(...request);
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) });
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  const newAddress = (slug = 'respondent') => `${slug}${++counter}@example.test`;
  const createAudit = async (token: string, body: Record<string, unknown> = { title: 'Vendors 2025' }) =>
    json<AuditView>(await call(token, 'POST', '/api/audits', body), 201);
  const addRespondent = async (token: string, auditId: string, body: Record<string, unknown>) =>
    json<RespondentView>(await call(token, 'POST', `/api/audits/${auditId}/respondents`, body), 201);
  /** The latest message to `address` (others' emails may still be arriving from earlier tests). */
  const lastMessageTo = (server: TestSmtpServer, address: string, after = 0) =>
    waitUntil(
      () =>
        server.messages
          .filter((message) => message.to.includes(address))
          .slice(after)
          .at(-1),
      { description: `an email to ${address}` },
    );
  const linkIn = (message: ReceivedMessage | undefined): string => {
    const token = LINK.exec(message?.text ?? '')?.[1];
    expect(token).toBeDefined();
    return token as string;
  };
  const queuedEmails = (organizationId: string) =>
    dataSource().getRepository(OutboundEmail).countBy({ organizationId });
  const sentLogItem = (token: string, address: string) =>
    waitUntil(
      async () =>
        (
          await json<EmailLogPage>(await call(token, 'GET', '/api/organizations/current/emails'), 200)
        ).items.find((item) => item.to.includes(address) && item.status === 'sent'),
      { description: `the email to ${address} logged as sent` },
    );

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL },
      imports: [AuditsModule],
      schema: [auditsSchema],
      acmeRoute: { sender: ACME_SENDER },
    });
    ({ acmeServer, acme, globex } = harness);
    ({ acmeAdmin, acmeMember, globexAdmin } = harness.tokens);
  });

  afterAll(() => harness?.close());

  describe('inviting respondents', () => {
    it('emails a personal link through the organization’s own server, in its language, and logs it', async () => {
      const audit = await createAudit(acmeMember, { title: 'Vendors 2025', dueDate: NEXT_YEAR });
      const email = newAddress();
      const respondent = await addRespondent(acmeMember, audit.id, {
        email: email.toUpperCase(),
        name: 'Ada',
      });

      expect(respondent).toMatchObject({ email, name: 'Ada', reminderCount: 0 });
      expect(respondent.linkExpiresAt).toBe(`${NEXT_YEAR}T23:59:59.999Z`);

      const message = await lastMessageTo(acmeServer, email);
      expect(message.from?.address).toBe(ACME_SENDER);
      expect(message.authenticatedUser).toBe(ACME_SMTP_USER.username);
      expect(message.secure).toBe(true);
      expect(message.subject).toBe('Acme asks you to answer the audit “Vendors 2025”');
      expect(message.text).toContain(`Hello Ada,`);
      expect(message.text).toContain(`by ${NEXT_YEAR}`);
      const token = linkIn(message);
      expect(message.html).toContain(`href="${PUBLIC_URL}/audits/respond/${token}"`);
      expect(harness.platform.messages.filter((m) => m.to.includes(email))).toEqual([]);

      const row = await dataSource().getRepository(AuditRespondent).findOneByOrFail({ id: respondent.id });
      expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);

      expect(await sentLogItem(acmeAdmin, email)).toMatchObject({
        kind: 'audit_invitation',
        route: { type: 'custom', sender: ACME_SENDER },
      });
    });

    it('emails through the platform for an organization without its own server, in French by default', async () => {
      const audit = await createAudit(globexAdmin, { title: 'Registre' });
      const email = newAddress();
      const respondent = await addRespondent(globexAdmin, audit.id, { email });

      // No due date: the link works 30 days.
      expect(Date.parse(respondent.linkExpiresAt) - Date.parse(respondent.invitedAt)).toBe(30 * 86_400_000);
      const message = await lastMessageTo(harness.platform, email);
      expect(message.from?.address).toBe(PLATFORM_SENDER);
      expect(message.subject).toBe('Globex vous invite à répondre à l’audit « Registre »');
      expect(message.text).toMatch(/^Bonjour,/);
      linkIn(message);
      expect(await sentLogItem(globexAdmin, email)).toMatchObject({
        kind: 'audit_invitation',
        route: { type: 'platform', sender: PLATFORM_SENDER },
      });
    });

    it('writes in the respondent’s language when given', async () => {
      const audit = await createAudit(globexAdmin);
      const email = newAddress();
      await addRespondent(globexAdmin, audit.id, { email, locale: 'en' });

      expect((await lastMessageTo(harness.platform, email)).subject).toBe(
        'Globex asks you to answer the audit “Vendors 2025”',
      );
    });

    it('opens the audit through the link, and only that audit', async () => {
      const audit = await createAudit(acmeMember, { title: 'Security', dueDate: NEXT_YEAR });
      const email = newAddress();
      await addRespondent(acmeMember, audit.id, { email, name: 'Ada' });
      const token = linkIn(await lastMessageTo(acmeServer, email));

      const access = await json<RespondentAccessView>(
        await call(null, 'GET', `/api/audit-responses/${token}`),
        200,
      );
      expect(access).toEqual({
        auditTitle: 'Security',
        dueDate: NEXT_YEAR,
        organizationName: 'Acme',
        respondent: { email, name: 'Ada' },
        linkExpiresAt: `${NEXT_YEAR}T23:59:59.999Z`,
      });
      for (const unknown of ['A'.repeat(43), 'short']) {
        const response = await call(null, 'GET', `/api/audit-responses/${unknown}`);
        expect((await json<{ code: string }>(response, 404)).code).toBe('respondent_link_not_found');
      }
    });

    it('refuses an expired link', async () => {
      const audit = await createAudit(acmeMember);
      const email = newAddress();
      const respondent = await addRespondent(acmeMember, audit.id, { email });
      const token = linkIn(await lastMessageTo(acmeServer, email));
      await dataSource()
        .getRepository(AuditRespondent)
        .update({ id: respondent.id }, { tokenExpiresAt: new Date(Date.now() - 1000) });

      const response = await call(null, 'GET', `/api/audit-responses/${token}`);
      expect((await json<{ code: string }>(response, 409)).code).toBe('respondent_link_expired');
    });

    it('refuses the same respondent twice, and any respondent once the due date is over', async () => {
      const audit = await createAudit(acmeMember, { title: 'Twice', dueDate: NEXT_YEAR });
      const email = newAddress();
      await addRespondent(acmeMember, audit.id, { email });
      const before = await queuedEmails(acme.id);

      const twice = await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents`, { email });
      expect((await json<{ code: string }>(twice, 409)).code).toBe('respondent_already_invited');

      await dataSource().getRepository(Audit).update({ id: audit.id }, { dueDate: '2020-01-01' });
      const late = await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents`, {
        email: newAddress(),
      });
      expect((await json<{ code: string }>(late, 409)).code).toBe('audit_past_due');
      expect(await queuedEmails(acme.id)).toBe(before);
    });
  });

  describe('reminding', () => {
    it('emails a new link, which replaces the previous one', async () => {
      const audit = await createAudit(acmeMember, { title: 'Reminded', dueDate: NEXT_YEAR });
      const email = newAddress();
      const respondent = await addRespondent(acmeMember, audit.id, { email, name: 'Ada' });
      const oldToken = linkIn(await lastMessageTo(acmeServer, email));

      const reminded = await json<RespondentView>(
        await call(acmeAdmin, 'POST', `/api/audits/${audit.id}/respondents/${respondent.id}/remind`),
        200,
      );
      expect(reminded).toMatchObject({ reminderCount: 1, lastRemindedAt: expect.any(String) });

      const reminder = await lastMessageTo(acmeServer, email, 1);
      expect(reminder.subject).toBe('Reminder: the audit “Reminded” of Acme awaits your answers');
      expect(reminder.from?.address).toBe(ACME_SENDER);
      const newToken = linkIn(reminder);
      expect(newToken).not.toBe(oldToken);
      await json(await call(null, 'GET', `/api/audit-responses/${newToken}`), 200);
      const old = await call(null, 'GET', `/api/audit-responses/${oldToken}`);
      expect((await json<{ code: string }>(old, 404)).code).toBe('respondent_link_not_found');

      const detail = await json<AuditDetailView>(
        await call(acmeMember, 'GET', `/api/audits/${audit.id}`),
        200,
      );
      expect(detail.respondents).toEqual([expect.objectContaining({ id: respondent.id, reminderCount: 1 })]);
    });

    it('reminds in French through the platform', async () => {
      const audit = await createAudit(globexAdmin, { title: 'Registre' });
      const email = newAddress();
      const respondent = await addRespondent(globexAdmin, audit.id, { email });
      await lastMessageTo(harness.platform, email);

      await json(
        await call(globexAdmin, 'POST', `/api/audits/${audit.id}/respondents/${respondent.id}/remind`),
        200,
      );
      const reminder = await lastMessageTo(harness.platform, email, 1);
      expect(reminder.subject).toBe('Rappel : l’audit « Registre » de Globex attend vos réponses');
      linkIn(reminder);
    });
  });

  describe('the transactional outbox', () => {
    it('queues no email when the respondent cannot be stored', async () => {
      const audit = await createAudit(acmeMember);
      const before = await queuedEmails(acme.id);
      await refuseInserts(dataSource(), 'audit_respondents', async () => {
        const response = await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents`, {
          email: newAddress(),
        });
        expect(response.status).toBe(500);
      });
      expect(await queuedEmails(acme.id)).toBe(before);
    });

    it('stores no respondent when the invitation email cannot be written', async () => {
      const audit = await createAudit(acmeMember);
      await refuseInserts(dataSource(), 'outbound_emails', async () => {
        const response = await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents`, {
          email: newAddress(),
        });
        expect(response.status).toBe(500);
      });
      const detail = await json<AuditDetailView>(
        await call(acmeMember, 'GET', `/api/audits/${audit.id}`),
        200,
      );
      expect(detail.respondents).toEqual([]);
    });

    it('keeps the previous link when the reminder cannot be written', async () => {
      const audit = await createAudit(acmeMember);
      const email = newAddress();
      const respondent = await addRespondent(acmeMember, audit.id, { email });
      const token = linkIn(await lastMessageTo(acmeServer, email));
      await refuseInserts(dataSource(), 'outbound_emails', async () => {
        const response = await call(
          acmeMember,
          'POST',
          `/api/audits/${audit.id}/respondents/${respondent.id}/remind`,
        );
        expect(response.status).toBe(500);
      });
      await json(await call(null, 'GET', `/api/audit-responses/${token}`), 200);
      const detail = await json<AuditDetailView>(
        await call(acmeMember, 'GET', `/api/audits/${audit.id}`),
        200,
      );
      expect(detail.respondents[0]?.reminderCount).toBe(0);
    });
  });

  describe('authorization and scoping', () => {
    it('lets members and admins manage their organization’s audits', async () => {
      const audit = await createAudit(acmeMember, { title: 'Shared' });
      const list = await json<AuditView[]>(await call(acmeAdmin, 'GET', '/api/audits'), 200);
      expect(list.find((item) => item.id === audit.id)).toMatchObject({
        title: 'Shared',
        respondentCount: 0,
      });
    });

    it('refuses every route without a signed-in user', async () => {
      const audit = await createAudit(acmeMember);
      const respondent = await addRespondent(acmeMember, audit.id, { email: newAddress() });
      for (const [method, path] of [
        ['POST', '/api/audits'],
        ['GET', '/api/audits'],
        ['GET', `/api/audits/${audit.id}`],
        ['POST', `/api/audits/${audit.id}/respondents`],
        ['POST', `/api/audits/${audit.id}/respondents/${respondent.id}/remind`],
      ] as const) {
        expect({
          method,
          path,
          status: (await call(null, method, path, method === 'GET' ? undefined : {})).status,
        }).toEqual({
          method,
          path,
          status: 401,
        });
      }
    });

    it('answers 404 for another organization’s audit and respondent, and lists only its own', async () => {
      const audit = await createAudit(acmeMember, { title: 'Private to Acme' });
      const respondent = await addRespondent(acmeMember, audit.id, { email: newAddress() });
      const otherAudit = await createAudit(globexAdmin);
      const before = await queuedEmails(globex.id);

      for (const [method, path, body, code] of [
        ['GET', `/api/audits/${audit.id}`, undefined, 'audit_not_found'],
        ['POST', `/api/audits/${audit.id}/respondents`, { email: newAddress() }, 'audit_not_found'],
        ['POST', `/api/audits/${audit.id}/respondents/${respondent.id}/remind`, undefined, 'audit_not_found'],
        // Globex's own audit, Acme's respondent.
        [
          'POST',
          `/api/audits/${otherAudit.id}/respondents/${respondent.id}/remind`,
          undefined,
          'respondent_not_found',
        ],
      ] as const) {
        const response = await call(globexAdmin, method, path, body);
        expect((await json<{ code: string }>(response, 404)).code).toBe(code);
      }
      const list = await json<AuditView[]>(await call(globexAdmin, 'GET', '/api/audits'), 200);
      expect(list.map((item) => item.id)).not.toContain(audit.id);
      expect(await queuedEmails(globex.id)).toBe(before);
    });
  });

  describe('bad input', () => {
    it.each([
      [{}, 'title', 'is required'],
      [{ title: '  ' }, 'title', 'must not be empty'],
      [{ title: 'x'.repeat(201) }, 'title', 'must be at most 200 characters'],
      [{ title: 42 }, 'title', 'must be a string'],
      [{ title: 'A', dueDate: '30/06/2030' }, 'dueDate', 'must be a calendar day, YYYY-MM-DD'],
      [{ title: 'A', dueDate: '2030-02-30' }, 'dueDate', 'must be a real calendar day, YYYY-MM-DD'],
      [{ title: 'A', dueDate: '2020-01-01' }, 'dueDate', 'must be today or later'],
      [{ title: 'A', owner: 'x' }, 'owner', 'is not a known field'],
    ])('refuses audit %j with a 400 naming %s', async (body, field, reason) => {
      const error = await json<{ code: string; errors: unknown[] }>(
        await call(acmeMember, 'POST', '/api/audits', body),
        400,
      );
      expect(error).toMatchObject({ code: 'validation_failed', errors: [{ field, reason }] });
    });

    it.each([
      [{}, 'email', 'is required'],
      [{ email: 'nope' }, 'email', 'must be an email address'],
      [{ email: 'a@example.test', name: '' }, 'name', 'must not be empty'],
      [{ email: 'a@example.test', name: 'x'.repeat(121) }, 'name', 'must be at most 120 characters'],
      [{ email: 'a@example.test', locale: 'de' }, 'locale', 'must be one of: en, fr'],
    ])('refuses respondent %j with a 400 naming %s', async (body, field, reason) => {
      const audit = await createAudit(acmeMember);
      const error = await json<{ errors: unknown[] }>(
        await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents`, body),
        400,
      );
      expect(error.errors).toEqual([{ field, reason }]);
    });

    it('refuses malformed ids with a 400 naming them', async () => {
      const audit = await createAudit(acmeMember);
      const byId = await call(acmeMember, 'GET', '/api/audits/not-a-uuid');
      expect((await json<{ errors: unknown[] }>(byId, 400)).errors).toEqual([
        { field: 'id', reason: 'must be a UUID' },
      ]);
      const byRid = await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents/42/remind`);
      expect((await json<{ errors: unknown[] }>(byRid, 400)).errors).toEqual([
        { field: 'rid', reason: 'must be a UUID' },
      ]);
    });
  });
});
