import {
  type ApiCall,
  REFUSED_INSERT_MESSAGE,
  refuseInserts,
  type SeededOrganization,
} from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import {
  ACME_SMTP_USER,
  PLATFORM_SENDER,
  startTwoOrganizationsHarness,
  type TwoOrganizationsHarness,
} from '@mailroute/api/mail/testing';
import type {
  ApiErrorBody,
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DataSubjectRequestView,
  EmailLogPage,
  Page,
} from '@mailroute/shared/contracts';
import {
  describeWithPostgres,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import { dataSubjectRequestsSchema } from './data-subject-requests-schema';
import { DataSubjectRequestsModule } from './data-subject-requests.module';
import { DataSubjectRequestMessage } from './messages/data-subject-request-message.entity';

const ACME_SENDER = 'privacy@acme.test';
const ACME_REPLY_TO = 'dpo@acme.test';

/** The whole API suite, on the database `database()` names (SQLite when it names none). */
function dataSubjectRequestsApiSuite(database: () => Record<string, string>): void {
  let harness: TwoOrganizationsHarness;
  let acmeServer: TestSmtpServer;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  let acmeAdmin: string;
  let acmeMember: string;
  let globexAdmin: string;

  const call: ApiCall = (...request) => harness.api.call(...request);
  const create = async (token: string, body: Record<string, unknown>) => {
    const response = await call(token, 'POST', '/api/data-subject-requests', body);
    expect(response.status).toBe(201);
    return (await response.json()) as DataSubjectRequestView;
  };
  const detail = async (token: string, id: string) =>
    (await (await call(token, 'GET', `/api/data-subject-requests/${id}`)).json()) as DataSubjectRequestDetail;
  const emailsOf = (organization: SeededOrganization) =>
    harness.api.dataSource.getRepository(OutboundEmail).countBy({ organizationId: organization.id });
  const fieldsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    return ((await response.json()) as ApiErrorBody).errors?.map((error) => error.field);
  };

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL: 'https://app.mailroute.test', ...database() },
      imports: [DataSubjectRequestsModule],
      schema: [dataSubjectRequestsSchema],
      acmeRoute: { sender: ACME_SENDER, replyTo: ACME_REPLY_TO },
    });
    ({ acmeServer, acme, globex } = harness);
    ({ acmeAdmin, acmeMember, globexAdmin } = harness.tokens);
  });

  afterAll(() => harness?.close());

  beforeEach(() => {
    acmeServer.clear();
    harness.platform.clear();
  });

  it('records a request due one calendar month after receipt, and lists it', async () => {
    const request = await create(acmeMember, {
      type: 'erasure',
      subjectName: 'Jane Doe',
      subjectEmail: 'jane@example.test',
      receivedAt: '2025-01-31T10:00:00Z',
    });
    expect(request).toMatchObject({
      type: 'erasure',
      subjectName: 'Jane Doe',
      subjectEmail: 'jane@example.test',
      receivedAt: '2025-01-31T10:00:00.000Z',
      dueOn: '2025-02-28',
      reference: expect.stringMatching(/^DSR-[0-9A-F]{8}$/),
    });
    const list = (await (
      await call(acmeAdmin, 'GET', '/api/data-subject-requests?pageSize=100')
    ).json()) as Page<DataSubjectRequestView>;
    expect(list.items.map((item) => item.id)).toContain(request.id);
    expect(await detail(acmeAdmin, request.id)).toMatchObject({ id: request.id, messages: [] });
  });

  it('emails the data subject through the organization’s own server, with its reply address, and shows the delivery in the thread', async () => {
    const request = await create(acmeAdmin, {
      type: 'access',
      subjectName: 'Jane Doe',
      subjectEmail: 'jane@example.test',
    });
    const response = await call(acmeAdmin, 'POST', `/api/data-subject-requests/${request.id}/messages`, {
      body: 'We received your request.\nHere is <your> data.',
    });
    expect(response.status).toBe(201);
    const message = (await response.json()) as DataSubjectRequestMessageView;
    // Read from the email log once stored: the sender may already have taken it.
    expect(message.delivery).toMatchObject({ emailId: expect.any(String), lastError: null });
    expect(['queued', 'sending', 'sent']).toContain(message.delivery.status);

    const [email] = await acmeServer.waitForMessages(1);
    expect(email?.from?.address).toBe(ACME_SENDER);
    expect(email?.authenticatedUser).toBe(ACME_SMTP_USER.username);
    expect(email?.to).toEqual(['jane@example.test']);
    expect(email?.headers['reply-to']).toBe(ACME_REPLY_TO);
    expect(email?.subject).toBe(`Your request to Acme [${request.reference}]`);
    expect(email?.text).toContain('Hello Jane Doe,');
    expect(email?.text).toContain('Here is <your> data.');
    expect(email?.html).toContain('Here is &lt;your&gt; data.');
    expect(harness.platform.messages).toHaveLength(0);

    const thread = await waitUntil(
      async () => {
        const current = await detail(acmeAdmin, request.id);
        return current.messages[0]?.delivery.status === 'sent' ? current : null;
      },
      { description: 'the message to show as sent' },
    );
    expect(thread.messages).toMatchObject([
      {
        id: message.id,
        body: 'We received your request.\nHere is <your> data.',
        author: { id: acme.admin.id, email: acme.admin.email },
        delivery: {
          emailId: message.delivery.emailId,
          status: 'sent',
          // The route names the server as the organization configured it.
          route: { type: 'custom', host: 'localhost', port: acmeServer.port },
          lastError: null,
          sentAt: expect.any(String),
        },
      },
    ]);

    const log = (await (
      await call(acmeAdmin, 'GET', '/api/organizations/current/emails')
    ).json()) as EmailLogPage;
    expect(log.items.find((item) => item.id === message.delivery.emailId)).toMatchObject({
      kind: 'dsr_message',
      status: 'sent',
      to: ['jane@example.test'],
      route: { type: 'custom', sender: ACME_SENDER, port: acmeServer.port },
    });
  });

  it('writes in the organization’s language through the platform server, or in the data subject’s when given', async () => {
    const french = await create(globexAdmin, {
      type: 'portability',
      subjectName: 'Jean Dupont',
      subjectEmail: 'jean@example.test',
    });
    const english = await create(globexAdmin, {
      type: 'objection',
      subjectName: 'John Smith',
      subjectEmail: 'john@example.test',
      locale: 'en',
    });
    for (const request of [french, english]) {
      const response = await call(globexAdmin, 'POST', `/api/data-subject-requests/${request.id}/messages`, {
        body: 'Bonjour / Hello',
      });
      expect(response.status).toBe(201);
    }
    const messages = await harness.platform.waitForMessages(2);
    const to = (address: string) => messages.find((message) => message.to.includes(address));
    expect(to('jean@example.test')?.subject).toBe(`Votre demande auprès de Globex [${french.reference}]`);
    expect(to('jean@example.test')?.text).toContain('Bonjour Jean Dupont,');
    expect(to('jean@example.test')?.from?.address).toBe(PLATFORM_SENDER);
    expect(to('john@example.test')?.subject).toBe(`Your request to Globex [${english.reference}]`);
    expect(messages.every((message) => message.headers['reply-to'] === undefined)).toBe(true);
    expect(acmeServer.messages).toHaveLength(0);

    const log = (await (
      await call(globexAdmin, 'GET', '/api/organizations/current/emails?kind=dsr_message')
    ).json()) as EmailLogPage;
    expect(log.items).toHaveLength(2);
    expect(log.items.every((item) => item.kind === 'dsr_message')).toBe(true);

    // The platform's own server is named by its type only.
    const thread = await waitUntil(
      async () => {
        const current = await detail(globexAdmin, french.id);
        return current.messages[0]?.delivery.status === 'sent' ? current : null;
      },
      { description: 'the French message to show as sent' },
    );
    expect(thread.messages[0]?.delivery.route).toEqual({ type: 'platform' });
  });

  it('never shows or writes to another organization’s request, and queues no email then', async () => {
    const request = await create(acmeAdmin, {
      type: 'access',
      subjectName: 'Jane',
      subjectEmail: 'jane@example.test',
    });
    const before = await emailsOf(globex);
    expect((await call(globexAdmin, 'GET', `/api/data-subject-requests/${request.id}`)).status).toBe(404);
    const response = await call(globexAdmin, 'POST', `/api/data-subject-requests/${request.id}/messages`, {
      body: 'Hi',
    });
    expect(response.status).toBe(404);
    expect(await emailsOf(globex)).toBe(before);
    const list = (await (
      await call(globexAdmin, 'GET', '/api/data-subject-requests?pageSize=100')
    ).json()) as Page<DataSubjectRequestView>;
    expect(list.items.map((item) => item.id)).not.toContain(request.id);
  });

  it('refuses callers who are not signed in', async () => {
    expect((await call(null, 'GET', '/api/data-subject-requests')).status).toBe(401);
    expect(
      (
        await call(null, 'POST', '/api/data-subject-requests', {
          type: 'access',
          subjectName: 'A',
          subjectEmail: 'a@example.test',
        })
      ).status,
    ).toBe(401);
  });

  it('answers bad input with 400 naming the field', async () => {
    const valid = { type: 'access', subjectName: 'Jane', subjectEmail: 'jane@example.test' };
    const post = (body: unknown) => call(acmeAdmin, 'POST', '/api/data-subject-requests', body);
    expect(await fieldsOf(await post({ ...valid, type: 'complaint' }))).toEqual(['type']);
    expect(
      await fieldsOf(await post({ ...valid, subjectEmail: 'jane@example.test, eve@example.test' })),
    ).toEqual(['subjectEmail']);
    expect(await fieldsOf(await post({ ...valid, subjectName: '  ' }))).toEqual(['subjectName']);
    expect(await fieldsOf(await post({ ...valid, subjectName: 'Jane\r\nBcc: eve@example.test' }))).toEqual([
      'subjectName',
    ]);
    expect(await fieldsOf(await post({ ...valid, receivedAt: 'yesterday' }))).toEqual(['receivedAt']);
    expect(await fieldsOf(await post({ ...valid, receivedAt: '2999-01-01' }))).toEqual(['receivedAt']);
    expect(await fieldsOf(await post({ ...valid, locale: 'de' }))).toEqual(['locale']);
    expect(await fieldsOf(await post({ ...valid, status: 'closed' }))).toEqual(['status']);
    expect(await fieldsOf(await post({ type: 'access' }))).toEqual(['subjectName', 'subjectEmail']);

    const request = await create(acmeAdmin, valid);
    const write = (body: unknown) =>
      call(acmeAdmin, 'POST', `/api/data-subject-requests/${request.id}/messages`, body);
    expect(await fieldsOf(await write({ body: ' \n ' }))).toEqual(['body']);
    expect(await fieldsOf(await write({ body: 42 }))).toEqual(['body']);
    expect(await fieldsOf(await write({}))).toEqual(['body']);
    expect((await call(acmeAdmin, 'GET', '/api/data-subject-requests/not-an-id')).status).toBe(400);
    expect((await detail(acmeAdmin, request.id)).messages).toEqual([]);
  });

  it('keeps no message when its email cannot be stored in the outbox', async () => {
    const request = await create(acmeAdmin, {
      type: 'access',
      subjectName: 'Jane',
      subjectEmail: 'jane@example.test',
    });
    const before = await emailsOf(acme);
    // A real failure of the outbox write, inside the same transaction as the message.
    await refuseInserts(harness.api.dataSource, 'outbound_emails', async () => {
      const response = await call(acmeAdmin, 'POST', `/api/data-subject-requests/${request.id}/messages`, {
        body: 'Hi',
      });
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain(REFUSED_INSERT_MESSAGE);
    });
    expect(
      await harness.api.dataSource
        .getRepository(DataSubjectRequestMessage)
        .countBy({ requestId: request.id }),
    ).toBe(0);
    expect(await emailsOf(acme)).toBe(before);
    expect((await detail(acmeAdmin, request.id)).messages).toEqual([]);
  });

  it('lists requests a page at a time, most recently received first, with the total', async () => {
    const received = ['2024-03-01T09:00:00Z', '2024-03-03T09:00:00Z', '2024-03-02T09:00:00Z'];
    const created: DataSubjectRequestView[] = [];
    for (const receivedAt of received) {
      created.push(
        await create(globexAdmin, {
          type: 'access',
          subjectName: 'Paged',
          subjectEmail: 'p@example.test',
          receivedAt,
        }),
      );
    }
    const list = async (query: string) => {
      const response = await call(globexAdmin, 'GET', `/api/data-subject-requests?${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as Page<DataSubjectRequestView>;
    };
    const all = await list('pageSize=100');
    const ours = all.items.filter((item) => created.some((request) => request.id === item.id));
    expect(ours.map((item) => item.receivedAt)).toEqual([
      '2024-03-03T09:00:00.000Z',
      '2024-03-02T09:00:00.000Z',
      '2024-03-01T09:00:00.000Z',
    ]);
    expect((await list('pageSize=1')).items).toHaveLength(1);
    expect(await list(`page=${all.total + 1}&pageSize=1`)).toEqual({
      items: [],
      total: all.total,
      page: all.total + 1,
      pageSize: 1,
    });
    for (const [query, field] of [
      ['page=0', 'page'],
      ['pageSize=101', 'pageSize'],
    ]) {
      expect(await fieldsOf(await call(globexAdmin, 'GET', `/api/data-subject-requests?${query}`))).toEqual([
        field,
      ]);
    }
  });
}

describe('Data subject requests API on SQLite', () => {
  dataSubjectRequestsApiSuite(() => ({}));
});

describeWithPostgres('Data subject requests API on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_data_subject_requests' });
  });
  afterAll(() => postgres?.stop());
  dataSubjectRequestsApiSuite(() => ({ DATABASE_URL: postgres.url }));
});
