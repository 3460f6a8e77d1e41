import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type ApiCall,
  refuseInserts,
  type SeededOrganization,
  seedOrganization,
  signIn,
} from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import {
  ACME_SMTP_USER,
  PLATFORM_SENDER,
  startTwoOrganizationsHarness,
  type TwoOrganizationsHarness,
} from '@mailroute/api/mail/testing';
import type {
  AuditDetailView,
  AuditView,
  EmailLogPage,
  Page,
  QuestionInput,
  QuestionView,
  RespondentAccessView,
  RespondentView,
} from '@mailroute/shared/contracts';
import {
  describeWithPostgres,
  type ReceivedMessage,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import { AuditAnswer } from './audit-answer.entity';
import { AuditRespondent } from './audit-respondent.entity';
import { Audit } from './audit.entity';
import { auditsSchema } from './audits-schema';
import { AuditsModule } from './audits.module';

const PUBLIC_URL = 'https://app.mailroute.test';
const ACME_SENDER = 'audits@acme.test';
const LINK = /https:\/\/app\.mailroute\.test\/audits\/respond\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;
const QUESTIONS: QuestionInput[] = [
  { text: '  Which vendors process personal data?  ', kind: 'text', required: true },
  { text: 'Do they all have a signed DPA?', kind: 'yes_no', required: false },
];
const question = (overrides: Record<string, unknown>) => ({
  text: 'Is there a DPO?',
  kind: 'yes_no',
  required: true,
  ...overrides,
});

/** The whole API suite, on the database `database()` names (SQLite when it names none). */
function auditsApiSuite(options: { database: () => Record<string, string> }): void {
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

  /** Invites a new respondent to the audit and returns the token of the link they received. */
  const inviteRespondent = async (token: string, auditId: string, server: TestSmtpServer, name?: string) => {
    const email = newAddress();
    const respondent = await addRespondent(token, auditId, { email, ...(name ? { name } : {}) });
    return { respondent, email, link: linkIn(await lastMessageTo(server, email)) };
  };
  const accessOf = async (link: string) =>
    json<RespondentAccessView>(await call(null, 'GET', `/api/audit-responses/${link}`), 200);
  const submit = (link: string, body: unknown) => call(null, 'POST', `/api/audit-responses/${link}`, body);
  const detailOf = async (token: string, auditId: string) =>
    json<AuditDetailView>(await call(token, 'GET', `/api/audits/${auditId}`), 200);
  const answerRows = (respondentId: string) =>
    dataSource().getRepository(AuditAnswer).countBy({ respondentId });
  /** An audit with a required text question and an optional yes/no one. */
  const auditWithQuestions = async (token: string, title = 'Vendors 2025') => {
    const audit = await createAudit(token, { title, dueDate: NEXT_YEAR, questions: QUESTIONS });
    const { questions } = await detailOf(token, audit.id);
    const [text, yesNo] = questions as [QuestionView, QuestionView];
    return { audit, text, yesNo };
  };

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL, ...options.database() },
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
        // No language of their own: the organization's (Acme's is English), as in their email.
        locale: 'en',
        linkExpiresAt: `${NEXT_YEAR}T23:59:59.999Z`,
        questions: [],
        answeredAt: null,
        answers: null,
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

    it('stores no answer when the creator’s email cannot be written, so the respondent can answer again', async () => {
      const { audit, text } = await auditWithQuestions(acmeMember, 'Atomic');
      const { respondent, link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      const body = { answers: [{ questionId: text.id, value: 'A' }] };

      await refuseInserts(dataSource(), 'outbound_emails', async () => {
        expect((await submit(link, body)).status).toBe(500);
      });
      expect(await accessOf(link)).toMatchObject({ answeredAt: null, answers: null });
      expect(await answerRows(respondent.id)).toBe(0);

      await refuseInserts(dataSource(), 'audit_answers', async () => {
        expect((await submit(link, body)).status).toBe(500);
      });
      expect(await accessOf(link)).toMatchObject({ answeredAt: null, answers: null });

      await json(await submit(link, body), 201);
      expect(await answerRows(respondent.id)).toBe(1);
    });
  });

  describe('authorization and scoping', () => {
    it('lets members and admins manage their organization’s audits', async () => {
      const audit = await createAudit(acmeMember, { title: 'Shared' });
      const list = await json<Page<AuditView>>(await call(acmeAdmin, 'GET', '/api/audits'), 200);
      expect(list.items.find((item) => item.id === audit.id)).toMatchObject({
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
        ['PUT', `/api/audits/${audit.id}/questions`],
        ['POST', `/api/audits/${audit.id}/questions`],
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
      const list = await json<Page<AuditView>>(
        await call(globexAdmin, 'GET', '/api/audits?pageSize=100'),
        200,
      );
      expect(list.items.map((item) => item.id)).not.toContain(audit.id);
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

  describe('questions', () => {
    it('creates an audit with its questions in order, trimmed, and shows them to the link’s holder', async () => {
      const created = await createAudit(acmeMember, { title: 'Asked', questions: QUESTIONS });
      expect(created).toMatchObject({ questionCount: 2, respondentCount: 0, answeredCount: 0 });

      const detail = await detailOf(acmeMember, created.id);
      expect(detail.questions).toEqual([
        {
          id: expect.any(String),
          text: 'Which vendors process personal data?',
          kind: 'text',
          required: true,
          position: 0,
        },
        {
          id: expect.any(String),
          text: 'Do they all have a signed DPA?',
          kind: 'yes_no',
          required: false,
          position: 1,
        },
      ]);

      const { link } = await inviteRespondent(acmeMember, created.id, acmeServer);
      const access = await accessOf(link);
      expect(access).toMatchObject({ questions: detail.questions, answeredAt: null, answers: null });
    });

    it('replaces and adds questions until a respondent answers, then keeps them', async () => {
      const { audit } = await auditWithQuestions(acmeMember);

      const replaced = await json<QuestionView[]>(
        await call(acmeMember, 'PUT', `/api/audits/${audit.id}/questions`, {
          questions: [question({ text: 'Is there a DPO?' }), question({ text: 'Name them', kind: 'text' })],
        }),
        200,
      );
      expect(replaced.map(({ text, position }) => [text, position])).toEqual([
        ['Is there a DPO?', 0],
        ['Name them', 1],
      ]);
      const added = await json<QuestionView>(
        await call(acmeMember, 'POST', `/api/audits/${audit.id}/questions`, question({ required: false })),
        201,
      );
      expect(added).toMatchObject({ position: 2, required: false });
      expect((await detailOf(acmeMember, audit.id)).questions).toEqual([...replaced, added]);

      const { link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      await json(
        await submit(link, {
          answers: [
            { questionId: replaced[0]?.id, value: true },
            { questionId: replaced[1]?.id, value: 'Ada' },
          ],
        }),
        201,
      );
      for (const [method, body] of [
        ['PUT', { questions: [question({})] }],
        ['POST', question({})],
      ] as const) {
        const response = await call(acmeMember, method, `/api/audits/${audit.id}/questions`, body);
        expect((await json<{ code: string }>(response, 409)).code).toBe('audit_questions_locked');
      }
      expect((await detailOf(acmeMember, audit.id)).questions).toEqual([...replaced, added]);
    });

    it('holds at most 50 questions', async () => {
      const fifty = Array.from({ length: 50 }, (_, index) => question({ text: `Question ${index + 1}` }));
      const tooMany = await call(acmeMember, 'POST', '/api/audits', {
        title: 'Long',
        questions: [...fifty, question({})],
      });
      expect((await json<{ errors: unknown[] }>(tooMany, 400)).errors).toEqual([
        { field: 'questions', reason: 'must hold at most 50 questions' },
      ]);

      const audit = await createAudit(acmeMember, { title: 'Long', questions: fifty });
      expect(audit.questionCount).toBe(50);
      const fiftyFirst = await call(acmeMember, 'POST', `/api/audits/${audit.id}/questions`, question({}));
      expect((await json<{ code: string }>(fiftyFirst, 409)).code).toBe('audit_question_limit_reached');
    });

    it.each([
      [{ questions: 'all of them' }, 'questions', 'must be a list'],
      [{ questions: [42] }, 'questions[0]', 'must hold question objects'],
      [{ questions: [[]] }, 'questions', 'must hold question objects'],
      [{ questions: [[question({})]] }, 'questions', 'must hold question objects'],
      [{ questions: [question({ text: undefined })] }, 'questions[0].text', 'is required'],
      [{ questions: [question({ text: '   ' })] }, 'questions[0].text', 'must not be empty'],
      [
        { questions: [question({ text: 'x'.repeat(501) })] },
        'questions[0].text',
        'must be at most 500 characters',
      ],
      [
        { questions: [question({}), question({ text: 'Two\nlines' })] },
        'questions[1].text',
        'must be on one line, without control characters',
      ],
      [
        { questions: [question({ text: 'Carriage\rreturn' })] },
        'questions[0].text',
        'must be on one line, without control characters',
      ],
      [
        { questions: [question({ text: 'Reads \u202Ebackwards' })] },
        'questions[0].text',
        'must not contain bidirectional control characters',
      ],
      [{ questions: [question({ kind: 'number' })] }, 'questions[0].kind', 'must be one of: text, yes_no'],
      [{ questions: [question({ required: 'yes' })] }, 'questions[0].required', 'must be true or false'],
      [{ questions: [question({ position: 3 })] }, 'questions[0].position', 'is not a known field'],
    ])('refuses questions %j with a 400 naming %s', async (body, field, reason) => {
      const response = await call(acmeMember, 'POST', '/api/audits', { title: 'Asked', ...body });
      expect(await json<{ code: string; errors: unknown[] }>(response, 400)).toMatchObject({
        code: 'validation_failed',
        errors: [{ field, reason }],
      });
    });

    it('refuses bad questions on replace and add as on create', async () => {
      const audit = await createAudit(acmeMember);
      const replace = await call(acmeMember, 'PUT', `/api/audits/${audit.id}/questions`, {
        questions: [question({ text: 'a\u2066b' })],
      });
      expect((await json<{ errors: unknown[] }>(replace, 400)).errors).toEqual([
        { field: 'questions[0].text', reason: 'must not contain bidirectional control characters' },
      ]);
      const missing = await call(acmeMember, 'PUT', `/api/audits/${audit.id}/questions`, {});
      expect((await json<{ errors: unknown[] }>(missing, 400)).errors).toEqual([
        { field: 'questions', reason: 'is required' },
      ]);
      const add = await call(
        acmeMember,
        'POST',
        `/api/audits/${audit.id}/questions`,
        question({ kind: 'scale' }),
      );
      expect((await json<{ errors: unknown[] }>(add, 400)).errors).toEqual([
        { field: 'kind', reason: 'must be one of: text, yes_no' },
      ]);
      expect((await detailOf(acmeMember, audit.id)).questions).toEqual([]);
    });
  });

  describe('answering', () => {
    it('stores the answers once and emails the audit’s creator a link to the audit through the organization’s server', async () => {
      const { audit, text, yesNo } = await auditWithQuestions(acmeMember, 'Answered');
      const { respondent, link } = await inviteRespondent(acmeMember, audit.id, acmeServer, 'Ada');
      const creatorEmails = acmeServer.messages.filter((m) => m.to.includes(acme.member.email)).length;

      const answered = await json<RespondentAccessView>(
        await submit(link, {
          answers: [
            { questionId: yesNo.id, value: false },
            { questionId: text.id, value: '  Acme Cloud, Initech  ' },
          ],
        }),
        201,
      );
      const answers = [
        { questionId: text.id, value: 'Acme Cloud, Initech' },
        { questionId: yesNo.id, value: false },
      ];
      expect(answered).toMatchObject({ answeredAt: expect.any(String), answers });
      expect(await accessOf(link)).toEqual(answered);

      const email = await lastMessageTo(acmeServer, acme.member.email, creatorEmails);
      expect(email.subject).toBe('Ada answered the audit “Answered”');
      expect(email.from?.address).toBe(ACME_SENDER);
      expect(email.text).toContain(`${PUBLIC_URL}/audits/${audit.id}\n`);
      expect(email.text).toContain('1 of 1 respondents have answered');
      expect(email.html).toContain(`href="${PUBLIC_URL}/audits/${audit.id}"`);
      expect(`${email.text}${email.html}`).not.toContain(link);
      expect(`${email.text}${email.html}`).not.toContain('Acme Cloud');

      const again = await submit(link, { answers: [{ questionId: text.id, value: 'Something else' }] });
      expect((await json<{ code: string }>(again, 409)).code).toBe('answers_already_submitted');
      expect(await accessOf(link)).toEqual(answered);
      expect(await answerRows(respondent.id)).toBe(2);

      const remind = await call(
        acmeMember,
        'POST',
        `/api/audits/${audit.id}/respondents/${respondent.id}/remind`,
      );
      expect((await json<{ code: string }>(remind, 409)).code).toBe('respondent_already_answered');
      await json(await call(null, 'GET', `/api/audit-responses/${link}`), 200);
    });

    it('stores one of several answers sent at once, and emails the creator once', async () => {
      const { audit, text } = await auditWithQuestions(acmeMember, 'Raced');
      const { respondent, link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      const emailsBefore = await queuedEmails(acme.id);

      const responses = await Promise.all(
        ['first', 'second', 'third'].map((value) =>
          submit(link, { answers: [{ questionId: text.id, value }] }),
        ),
      );
      const outcomes = await Promise.all(
        responses.map(async (response) => [
          response.status,
          ((await response.json()) as { code?: string }).code,
        ]),
      );
      expect(outcomes.filter(([status]) => status === 201)).toHaveLength(1);
      expect(outcomes.filter(([status]) => status !== 201)).toEqual([
        [409, 'answers_already_submitted'],
        [409, 'answers_already_submitted'],
      ]);
      expect(await answerRows(respondent.id)).toBe(1);
      expect(await queuedEmails(acme.id)).toBe(emailsBefore + 1);
    });

    it('emails the creator in their organization’s language through the platform', async () => {
      const audit = await createAudit(globexAdmin, {
        title: 'Registre',
        questions: [{ text: 'Avez-vous un DPO ?', kind: 'yes_no', required: true }],
      });
      const { questions } = await detailOf(globexAdmin, audit.id);
      const { link, email: address } = await inviteRespondent(globexAdmin, audit.id, harness.platform);
      const before = harness.platform.messages.filter((m) => m.to.includes(globex.admin.email)).length;

      await json(await submit(link, { answers: [{ questionId: questions[0]?.id, value: true }] }), 201);

      const email = await lastMessageTo(harness.platform, globex.admin.email, before);
      expect(email.subject).toBe(`${address} a répondu à l’audit « Registre »`);
      expect(email.from?.address).toBe(PLATFORM_SENDER);
      expect(email.text).toContain(`${PUBLIC_URL}/audits/${audit.id}`);
    });

    it('shows each respondent’s status, and the answers to admins and the audit’s creator only', async () => {
      const { audit, text } = await auditWithQuestions(acmeMember, 'Statuses');
      const invited = await inviteRespondent(acmeMember, audit.id, acmeServer);
      const reminded = await inviteRespondent(acmeMember, audit.id, acmeServer);
      const answering = await inviteRespondent(acmeMember, audit.id, acmeServer);
      await json(
        await call(
          acmeMember,
          'POST',
          `/api/audits/${audit.id}/respondents/${reminded.respondent.id}/remind`,
        ),
        200,
      );
      await json(await submit(answering.link, { answers: [{ questionId: text.id, value: 'None' }] }), 201);

      const asCreator = await detailOf(acmeMember, audit.id);
      expect(asCreator).toMatchObject({ respondentCount: 3, answeredCount: 1, canReadAnswers: true });
      expect(
        asCreator.respondents.map(({ id, status, answeredAt, answers }) => ({
          id,
          status,
          answeredAt,
          answers,
        })),
      ).toEqual([
        { id: invited.respondent.id, status: 'invited', answeredAt: null, answers: null },
        { id: reminded.respondent.id, status: 'reminded', answeredAt: null, answers: null },
        {
          id: answering.respondent.id,
          status: 'answered',
          answeredAt: expect.any(String),
          answers: [{ questionId: text.id, value: 'None' }],
        },
      ]);
      expect(await detailOf(acmeAdmin, audit.id)).toEqual(asCreator);

      // An audit the member did not create: they see who answered, not what.
      const adminsAudit = await createAudit(acmeAdmin, { title: 'Admin’s', questions: QUESTIONS });
      const [adminsText] = (await detailOf(acmeAdmin, adminsAudit.id)).questions as [QuestionView];
      const { link } = await inviteRespondent(acmeAdmin, adminsAudit.id, acmeServer);
      await json(await submit(link, { answers: [{ questionId: adminsText.id, value: 'Secret' }] }), 201);
      const asMember = await detailOf(acmeMember, adminsAudit.id);
      expect(asMember.canReadAnswers).toBe(false);
      expect(asMember.respondents).toEqual([expect.objectContaining({ status: 'answered', answers: null })]);
      expect(JSON.stringify(asMember)).not.toContain('Secret');
    });

    it.each([
      ['no answers at all', () => ({ answers: [] }), 'answers', 'must answer the required question TEXT'],
      [
        'only the optional one',
        () => ({ answers: [{ questionId: 'YESNO', value: true }] }),
        'answers',
        'must answer the required question TEXT',
      ],
      [
        'an unknown question',
        () => ({
          answers: [
            { questionId: 'TEXT', value: 'A' },
            { questionId: '3f0b8c1e-2a4d-4c6b-9e8f-1a2b3c4d5e6f', value: 'B' },
          ],
        }),
        'answers[1].questionId',
        'is not a question of this audit',
      ],
      [
        'a question twice',
        () => ({
          answers: [
            { questionId: 'TEXT', value: 'A' },
            { questionId: 'TEXT', value: 'B' },
          ],
        }),
        'answers[1].questionId',
        'is answered more than once',
      ],
      [
        'yes/no as text',
        () => ({
          answers: [
            { questionId: 'TEXT', value: 'A' },
            { questionId: 'YESNO', value: 'yes' },
          ],
        }),
        'answers[1].value',
        'must be true or false',
      ],
      [
        'text as a boolean',
        () => ({ answers: [{ questionId: 'TEXT', value: true }] }),
        'answers[0].value',
        'must be a text',
      ],
      [
        'an empty text',
        () => ({ answers: [{ questionId: 'TEXT', value: '  ' }] }),
        'answers[0].value',
        'must not be empty',
      ],
      [
        'a text too long',
        () => ({ answers: [{ questionId: 'TEXT', value: 'x'.repeat(5001) }] }),
        'answers[0].value',
        'must be at most 5000 characters',
      ],
      [
        'a number',
        () => ({ answers: [{ questionId: 'TEXT', value: 42 }] }),
        'answers[0].value',
        'must be true or false, or a text',
      ],
      ['no value', () => ({ answers: [{ questionId: 'TEXT' }] }), 'answers[0].value', 'is required'],
      [
        'a malformed id',
        () => ({ answers: [{ questionId: 'q1', value: 'A' }] }),
        'answers[0].questionId',
        'must be a UUID',
      ],
      ['no list', () => ({}), 'answers', 'is required'],
      ['not a list', () => ({ answers: { TEXT: 'A' } }), 'answers', 'must be a list'],
      [
        'an unknown field',
        () => ({ answers: [{ questionId: 'TEXT', value: 'A', note: 'x' }] }),
        'answers[0].note',
        'is not a known field',
      ],
    ])('refuses %s with a 400 naming the field, and stores nothing', async (_case, body, field, reason) => {
      const { audit, text, yesNo } = await auditWithQuestions(acmeMember, 'Strict');
      const { respondent, link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      const named = (value: string) => value.replace(/TEXT/g, text.id).replace(/YESNO/g, yesNo.id);
      const emailsBefore = await queuedEmails(acme.id);

      const response = await submit(link, JSON.parse(named(JSON.stringify(body()))));
      expect(await json<{ code: string; errors: unknown[] }>(response, 400)).toEqual({
        statusCode: 400,
        code: 'validation_failed',
        message: expect.any(String),
        errors: [{ field, reason: named(reason) }],
      });
      expect(await accessOf(link)).toMatchObject({ answeredAt: null, answers: null });
      expect(await answerRows(respondent.id)).toBe(0);
      expect(await queuedEmails(acme.id)).toBe(emailsBefore);
    });

    it('refuses a question of another audit of the organization', async () => {
      const { audit, text } = await auditWithQuestions(acmeMember, 'One');
      const other = await auditWithQuestions(acmeMember, 'Other');
      const { link } = await inviteRespondent(acmeMember, audit.id, acmeServer);

      const response = await submit(link, {
        answers: [
          { questionId: text.id, value: 'A' },
          { questionId: other.text.id, value: 'B' },
        ],
      });
      expect((await json<{ errors: unknown[] }>(response, 400)).errors).toEqual([
        { field: 'answers[1].questionId', reason: 'is not a question of this audit' },
      ]);
    });

    it('refuses answers through an unknown, replaced or expired link as opening it does', async () => {
      const { audit, text } = await auditWithQuestions(acmeMember, 'Links');
      const body = { answers: [{ questionId: text.id, value: 'A' }] };
      for (const unknown of ['A'.repeat(43), 'short']) {
        expect((await json<{ code: string }>(await submit(unknown, body), 404)).code).toBe(
          'respondent_link_not_found',
        );
      }

      const { respondent, email, link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      await json(
        await call(acmeMember, 'POST', `/api/audits/${audit.id}/respondents/${respondent.id}/remind`),
        200,
      );
      const newLink = linkIn(await lastMessageTo(acmeServer, email, 1));
      expect((await json<{ code: string }>(await submit(link, body), 404)).code).toBe(
        'respondent_link_not_found',
      );

      await dataSource()
        .getRepository(AuditRespondent)
        .update({ id: respondent.id }, { tokenExpiresAt: new Date(Date.now() - 1000) });
      expect((await json<{ code: string }>(await submit(newLink, body), 409)).code).toBe(
        'respondent_link_expired',
      );
      expect(await answerRows(respondent.id)).toBe(0);
    });

    it('refuses answers to an audit without questions', async () => {
      const audit = await createAudit(acmeMember);
      const { link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      const response = await submit(link, { answers: [] });
      expect((await json<{ code: string }>(response, 409)).code).toBe('audit_has_no_questions');
    });

    it('keeps another organization away from the audit’s answers', async () => {
      const { audit, text } = await auditWithQuestions(acmeMember, 'Acme only');
      const { link } = await inviteRespondent(acmeMember, audit.id, acmeServer);
      await json(await submit(link, { answers: [{ questionId: text.id, value: 'Acme’s secret' }] }), 201);

      for (const token of [globexAdmin, harness.tokens.globexMember]) {
        const response = await call(token, 'GET', `/api/audits/${audit.id}`);
        expect((await json<{ code: string }>(response, 404)).code).toBe('audit_not_found');
        const questions = await call(token, 'PUT', `/api/audits/${audit.id}/questions`, { questions: [] });
        expect((await json<{ code: string }>(questions, 404)).code).toBe('audit_not_found');
      }
      const list = await json<Page<AuditView>>(
        await call(globexAdmin, 'GET', '/api/audits?pageSize=100'),
        200,
      );
      expect(JSON.stringify(list)).not.toContain(audit.id);
    });
  });

  describe('the list', () => {
    it('answers pages of the organization’s audits, newest first, with their counts', async () => {
      const initech = await seedOrganization(harness.api.app, 'initech', { name: 'Initech' });
      const token = await signIn(harness.api.baseUrl, initech.admin);
      const created: AuditView[] = [];
      for (const title of ['First', 'Second', 'Third']) {
        created.push(await createAudit(token, { title, questions: QUESTIONS }));
      }
      const third = created[2] as AuditView;
      await addRespondent(token, third.id, { email: newAddress() });

      const first = await json<Page<AuditView>>(
        await call(token, 'GET', '/api/audits?page=1&pageSize=2'),
        200,
      );
      const second = await json<Page<AuditView>>(
        await call(token, 'GET', '/api/audits?page=2&pageSize=2'),
        200,
      );
      expect({ ...first, items: first.items.length }).toEqual({ items: 2, total: 3, page: 1, pageSize: 2 });
      expect({ ...second, items: second.items.length }).toEqual({ items: 1, total: 3, page: 2, pageSize: 2 });
      const listed = [...first.items, ...second.items];
      expect(new Set(listed.map((item) => item.id))).toEqual(new Set(created.map((item) => item.id)));
      const times = listed.map((item) => Date.parse(item.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(listed.find((item) => item.id === third.id)).toEqual({
        ...third,
        respondentCount: 1,
      });

      const beyond = await json<Page<AuditView>>(
        await call(token, 'GET', '/api/audits?page=3&pageSize=2'),
        200,
      );
      expect(beyond).toEqual({ items: [], total: 3, page: 3, pageSize: 2 });
      const byDefault = await json<Page<AuditView>>(await call(token, 'GET', '/api/audits'), 200);
      expect(byDefault).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    });

    it.each([
      ['pageSize=101', 'pageSize', 'must be 100 or less'],
      ['page=0', 'page', 'must be 1 or more'],
      ['page=two', 'page', 'must be a whole number'],
    ])('refuses ?%s with a 400 naming %s', async (query, field, reason) => {
      const response = await call(acmeMember, 'GET', `/api/audits?${query}`);
      expect((await json<{ errors: unknown[] }>(response, 400)).errors).toEqual([{ field, reason }]);
    });
  });
}

describe('Audits API on SQLite', () => {
  auditsApiSuite({ database: () => ({}) });
});

describeWithPostgres('Audits API on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_audits' });
  });
  afterAll(() => postgres?.stop());
  auditsApiSuite({ database: () => ({ DATABASE_URL: postgres.url }) });
});
