import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  CurrentUserView,
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DeliveryView,
} from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { I18nService, NOW, provideI18n } from '@mailroute/web/i18n';
import { dataSubjectRequestsRoutes } from '../data-subject-requests.routes';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const URL = `/api/data-subject-requests/${ID}`;
const TODAY = new Date('2025-05-20T12:00:00').getTime();

const admin: CurrentUserView = {
  id: 'u1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'admin',
  locale: null,
  organization: { id: 'o1', name: 'Acme Legal', defaultLocale: 'en' },
};

function delivery(overrides: Partial<DeliveryView>): DeliveryView {
  return { emailId: 'e1', status: 'queued', route: null, lastError: null, sentAt: null, ...overrides };
}

function message(id: string, body: string, overrides: Partial<DataSubjectRequestMessageView> = {}) {
  return {
    id,
    body,
    author: { id: 'u1', email: 'ada@example.com' },
    createdAt: '2025-05-02T10:00:00.000Z',
    delivery: delivery({ emailId: `email-${id}` }),
    ...overrides,
  } satisfies DataSubjectRequestMessageView;
}

function detail(messages: DataSubjectRequestMessageView[]): DataSubjectRequestDetail {
  return {
    id: ID,
    reference: 'DSR-0F8FAD5B',
    type: 'erasure',
    subjectName: 'Jane Doe',
    subjectEmail: 'jane@example.com',
    locale: 'fr',
    receivedAt: '2025-04-10T09:30:00.000Z',
    dueOn: '2025-05-10',
    createdAt: '2025-04-10T09:31:00.000Z',
    messages,
  };
}

// The first test also loads the lazy page chunk and Material: slow on a shared machine.
jest.setTimeout(20_000);

describe('DataSubjectRequestPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const squash = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim();
  const text = (selector: string) => squash(page().querySelector(selector)?.textContent);
  const button = (name: string) =>
    Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === name,
    );
  const textarea = () => page().querySelector<HTMLTextAreaElement>('textarea[formcontrolname="body"]');
  const messages = () => Array.from(page().querySelectorAll<HTMLElement>('li[data-message]'));
  const stable = () => harness.fixture.whenStable();

  async function open(answer: DataSubjectRequestDetail): Promise<void> {
    await harness.navigateByUrl(`/data-subject-requests/${ID}`);
    http.expectOne(URL).flush(answer);
    await stable();
  }

  async function write(body: string): Promise<void> {
    const field = textarea();
    if (field === null) {
      throw new Error('No message field');
    }
    field.value = body;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await stable();
  }

  async function send(body: string): Promise<TestRequest> {
    await write(body);
    button('Send the message')?.click();
    await stable();
    return http.expectOne({ method: 'POST', url: `${URL}/messages` });
  }

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(dataSubjectRequestsRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        { provide: NOW, useValue: () => TODAY },
      ],
    });
    TestBed.inject(SessionService).setCurrentUser(admin);
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('shows the request, its due date in words, and its thread oldest first with each delivery', async () => {
    await open(
      detail([
        message('m1', 'We received your request.', {
          delivery: delivery({
            status: 'sent',
            route: { type: 'platform' },
            sentAt: '2025-05-02T10:00:05.000Z',
          }),
        }),
        message('m2', 'Your data is erased.\nRegards', {
          createdAt: '2025-05-03T11:00:00.000Z',
          author: { id: null, email: 'former@example.com' },
          delivery: delivery({
            status: 'failed',
            route: { type: 'custom', host: 'smtp.acme.test', port: 587 },
            lastError: '550 5.1.1 Mailbox unavailable',
          }),
        }),
        message('m3', 'One more thing.', { createdAt: '2025-05-04T11:00:00.000Z' }),
      ]),
    );

    expect(text('h1')).toBe('Erasure (art. 17) — DSR-0F8FAD5B');
    expect(text('[data-testid="dsr-details"]')).toContain('Jane Doe <jane@example.com>');
    expect(text('[data-testid="dsr-details"]')).toContain('Français');
    expect(text('[data-testid="dsr-due"]')).toBe('May 10, 2025 ! Overdue by 10 days');

    const [first, second, third] = messages();
    expect(squash(first?.querySelector('h3')?.textContent)).toBe('Outgoing From ada@example.com to Jane Doe');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2025-05-02T10:00:00.000Z');
    expect(squash(first?.querySelector('.body')?.textContent)).toBe('We received your request.');
    expect(squash(first?.querySelector('[data-testid="delivery-status"]')?.textContent)).toBe('Sent');
    expect(squash(first?.querySelector('[data-testid="delivery-route"]')?.textContent)).toBe(
      'Platform SMTP server',
    );
    expect(first?.querySelector('[data-testid="delivery-error"]')).toBeNull();

    expect(squash(second?.querySelector('h3')?.textContent)).toContain('From former@example.com');
    expect(squash(second?.querySelector('[data-testid="delivery-status"]')?.textContent)).toBe('Failed');
    expect(squash(second?.querySelector('[data-testid="delivery-route"]')?.textContent)).toBe(
      'Your server smtp.acme.test:587',
    );
    expect(squash(second?.querySelector('[data-testid="delivery-error"]')?.textContent)).toBe(
      '550 5.1.1 Mailbox unavailable',
    );

    expect(squash(third?.querySelector('[data-testid="delivery-status"]')?.textContent)).toBe('Queued');
    expect(squash(third?.querySelector('[data-testid="delivery-route"]')?.textContent)).toBe(
      'Not attempted yet',
    );
  });

  it('translates the delivery and the dates into French', async () => {
    TestBed.inject(I18nService).setLocale('fr');
    await open(
      detail([
        message('m1', 'Bonjour', { delivery: delivery({ status: 'retrying', route: { type: 'platform' } }) }),
      ]),
    );
    expect(text('[data-testid="delivery-status"]')).toBe('Nouvelle tentative prévue');
    expect(text('[data-testid="delivery-route"]')).toBe('Serveur SMTP de la plateforme');
    expect(text('[data-testid="dsr-due"]')).toBe('10 mai 2025 ! En retard de 10 jours');
  });

  it('says when no message was written yet', async () => {
    await open(detail([]));
    expect(text('[data-testid="dsr-thread-empty"]')).toContain('No message yet');
  });

  it('refreshes the thread to show where each email stands now', async () => {
    await open(detail([message('m1', 'Hello')]));
    expect(text('[data-testid="delivery-status"]')).toBe('Queued');

    button('Refresh')?.click();
    await stable();
    http
      .expectOne(URL)
      .flush(
        detail([
          message('m1', 'Hello', { delivery: delivery({ status: 'sent', route: { type: 'platform' } }) }),
        ]),
      );
    await stable();

    expect(text('[data-testid="delivery-status"]')).toBe('Sent');
    expect(text('[data-testid="dsr-announcement"]')).toBe('Messages and delivery refreshed.');
  });

  it('keeps the thread shown when a refresh fails, and says so', async () => {
    await open(detail([message('m1', 'Hello')]));
    button('Refresh')?.click();
    await stable();
    http.expectOne(URL).flush(null, { status: 0, statusText: 'Unknown Error' });
    await stable();
    expect(messages()).toHaveLength(1);
    expect(text('mr-load-error')).toContain('The messages could not be refreshed.');
  });

  it('asks for a message and sends nothing when the body is blank', async () => {
    await open(detail([]));
    await write('   ');
    button('Send the message')?.click();
    await stable();
    expect(text('mat-error')).toBe('This field is required.');
    expect(text('[data-testid="dsr-send-problem"]')).toBe(
      'The message was not sent: check the highlighted field.',
    );
    http.expectNone({ method: 'POST', url: `${URL}/messages` });
  });

  it('sends the message, shows it queued at the end of the thread and clears the field', async () => {
    await open(detail([message('m1', 'First')]));
    // A refused empty submission first: once sent, the emptied field must not show that error again.
    button('Send the message')?.click();
    await stable();
    expect(text('mat-error')).toBe('This field is required.');
    const call = await send('Your data is erased.\nRegards');
    expect(call.request.body).toEqual({ body: 'Your data is erased.\nRegards' });
    call.flush(message('m2', 'Your data is erased.\nRegards', { createdAt: '2025-05-20T10:00:00.000Z' }), {
      status: 201,
      statusText: 'Created',
    });
    await stable();

    const thread = messages();
    expect(thread).toHaveLength(2);
    expect(thread[1]?.querySelector('.body')?.textContent).toBe('Your data is erased.\nRegards');
    expect(squash(thread[1]?.querySelector('[data-testid="delivery-status"]')?.textContent)).toBe('Queued');
    expect(textarea()?.value).toBe('');
    expect(page().querySelector('mat-error')).toBeNull();
    expect(page().querySelector('.mat-form-field-invalid')).toBeNull();
    expect(text('[data-testid="dsr-announcement"]')).toBe(
      'Message queued for jane@example.com. Refresh to follow its delivery.',
    );
  });

  it("shows the API's reason for the body next to the field", async () => {
    await open(detail([]));
    const call = await send('x');
    call.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'body: must be at most 20000 characters',
        errors: [{ field: 'body', reason: 'must be at most 20000 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(text('mat-error')).toBe('The server says: must be at most 20000 characters.');
    expect(messages()).toHaveLength(0);
  });

  it('says how long to wait after too many messages, and keeps what was written', async () => {
    await open(detail([]));
    const call = await send('Hello');
    call.flush(
      { statusCode: 429, code: 'rate_limited', message: 'Slow down.' },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '12' } },
    );
    await stable();
    expect(text('[data-testid="dsr-send-problem"]')).toBe('Too many attempts. Try again in 12 seconds.');
    expect(textarea()?.value).toBe('Hello');
  });

  it('says the request is gone when sending answers 404', async () => {
    await open(detail([]));
    const call = await send('Hello');
    call.flush(
      { statusCode: 404, code: 'not_found', message: 'The data subject request was not found.' },
      { status: 404, statusText: 'Not Found' },
    );
    await stable();
    expect(text('[data-testid="dsr-send-problem"]')).toBe(
      'This request no longer exists in your organization.',
    );
  });

  it('shows "not found" for a request of no organization of yours', async () => {
    await harness.navigateByUrl(`/data-subject-requests/${ID}`);
    http
      .expectOne(URL)
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await stable();
    expect(text('h1')).toBe('Request not found');
    expect(page().querySelector('a[href="/data-subject-requests"]')).not.toBeNull();
  });

  it('shows a failed load with a way to try again', async () => {
    await harness.navigateByUrl(`/data-subject-requests/${ID}`);
    http.expectOne(URL).flush(null, { status: 500, statusText: 'Server Error' });
    await stable();
    expect(text('mr-load-error')).toContain('The request could not be loaded.');
    button('Try again')?.click();
    await stable();
    http.expectOne(URL).flush(detail([]));
    await stable();
    expect(text('h1')).toBe('Erasure (art. 17) — DSR-0F8FAD5B');
  });
});
