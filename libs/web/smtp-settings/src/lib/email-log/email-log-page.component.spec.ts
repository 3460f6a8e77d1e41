import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, EmailLogItem, EmailLogPage } from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { smtpSettingsSections } from '../smtp-settings.routes';
import { EmailLogPageComponent } from './email-log-page.component';

const EMAILS = '/api/organizations/current/emails';

const admin: CurrentUserView = {
  id: 'u1',
  email: 'ada@acme.test',
  name: 'Ada',
  role: 'admin',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};

const sent: EmailLogItem = {
  id: 'e1',
  createdAt: '2030-03-01T10:00:00.000Z',
  kind: 'smtp_test',
  to: ['ada@acme.test'],
  subject: 'SMTP test',
  status: 'sent',
  attempts: 1,
  nextAttemptAt: null,
  route: { type: 'custom', host: 'smtp.acme.test', port: 587, sender: 'notify@acme.test' },
  serverResponse: '250 2.0.0 Ok: queued as 4Bq3',
  messageId: '<e1@acme.test>',
  lastError: null,
  recipients: [],
  sentAt: '2030-03-01T10:00:01.000Z',
};
const failed: EmailLogItem = {
  ...sent,
  id: 'e/2',
  kind: 'notification',
  subject: 'Task due',
  status: 'failed',
  attempts: 5,
  route: null,
  serverResponse: null,
  sentAt: null,
};

const pageOf = (items: EmailLogItem[], page = 1, total = items.length): EmailLogPage => ({
  items,
  total,
  page,
  pageSize: 25,
});

describe('EmailLogPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'general-settings', children: smtpSettingsSections }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const settle = () => harness.fixture.whenStable();
  const text = (selector: string) =>
    page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const rows = () =>
    Array.from(page.querySelectorAll('[data-testid="email-log"] tbody tr')).map((row) =>
      row.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const loader = () => TestbedHarnessEnvironment.loader(harness.fixture);
  /** The filter whose label is `label`: a mat-select inside a labelled form field. */
  async function choose(label: string, option: string): Promise<void> {
    const formField = await loader().getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const select = await formField.getControl(MatSelectHarness);
    if (select === null) {
      throw new Error(`No ${label} filter`);
    }
    await select.clickOptions({ text: option });
  }

  async function open(user: CurrentUserView = admin): Promise<void> {
    TestBed.inject(SessionService).setCurrentUser(user);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/general-settings/email-log', EmailLogPageComponent);
    page = harness.routeNativeElement as HTMLElement;
  }

  async function answer(query: string, body: EmailLogPage): Promise<void> {
    http.expectOne({ method: 'GET', url: `${EMAILS}?${query}` }).flush(body);
    await settle();
  }

  it('lists the first page, newest first, with the route and the server’s answer', async () => {
    await open();
    await answer('page=1&pageSize=25', pageOf([sent, failed]));

    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toContain('SMTP test');
    expect(text('[data-route="custom"]')).toBe('Custom smtp.acme.test:587');
    expect(rows()[0]).toContain('250 2.0.0 Ok: queued as 4Bq3');
    expect(text('[data-status="failed"]')).toBe('Failed');
    expect(rows()[1]).toContain('Not sent yet');
  });

  it('sends the chosen filters and starts again from the first page', async () => {
    await open();
    await answer('page=1&pageSize=25', pageOf([sent], 1, 60));

    await choose('Status', 'Failed');
    await answer('page=1&pageSize=25&status=failed', pageOf([failed]));

    await choose('Kind', 'Notification');
    await answer('page=1&pageSize=25&status=failed&kind=notification', pageOf([failed]));

    await choose('Status', 'All');
    await answer('page=1&pageSize=25&kind=notification', pageOf([failed]));
    expect(rows()).toHaveLength(1);
  });

  it('pages through the log with the paginator', async () => {
    await open();
    await answer('page=1&pageSize=25', pageOf([sent], 1, 60));
    const paginator = await loader().getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1–25 of 60');

    await paginator.goToNextPage();
    await answer('page=2&pageSize=25', pageOf([failed], 2, 60));
    expect(await paginator.getRangeLabel()).toBe('26–50 of 60');

    await paginator.setPageSize(50);
    await answer('page=1&pageSize=50', { ...pageOf([sent], 1, 60), pageSize: 50 });
  });

  it('says when no email matches', async () => {
    await open();
    await answer('page=1&pageSize=25', pageOf([]));

    expect(text('[data-testid="email-log-empty"]')).toBe('No email matches these filters.');
    expect(page.querySelector('[data-testid="email-log"]')).toBeNull();
  });

  it('says the log could not be loaded and loads it again on "Try again"', async () => {
    await open();
    http.expectOne(`${EMAILS}?page=1&pageSize=25`).flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(text('[role="alert"]')).toContain('The email log could not be loaded.');

    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    await answer('page=1&pageSize=25', pageOf([sent]));

    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('queues a failed email again and says so', async () => {
    await open();
    await answer('page=1&pageSize=25', pageOf([sent, failed]));
    const retryButtons = () =>
      Array.from(page.querySelectorAll<HTMLButtonElement>('[data-testid="email-log"] button'));
    expect(retryButtons().map((button) => button.getAttribute('aria-label'))).toEqual([
      'Retry the email “Task due”',
    ]);

    retryButtons()[0]?.click();
    await settle();
    const retry = http.expectOne({ method: 'POST', url: `${EMAILS}/e%2F2/retry` });
    expect(retry.request.body).toEqual({});
    expect(retryButtons()[0]?.disabled).toBe(true);
    retry.flush({ ...failed, status: 'queued' });
    await settle();

    expect(text('[data-status="queued"]')).toBe('Queued');
    expect(retryButtons()).toHaveLength(0);
    expect(text('mr-live-region')).toBe('The email is queued again.');
  });

  it('says when a retry was refused, and keeps the button', async () => {
    await open();
    await answer('page=1&pageSize=25', pageOf([failed]));

    page.querySelector<HTMLButtonElement>('[data-testid="email-log"] button')?.click();
    http
      .expectOne(`${EMAILS}/e%2F2/retry`)
      .flush(
        { statusCode: 409, code: 'conflict', message: 'Not retryable' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(text('mr-live-region')).toBe('The email could not be queued again.');
    expect(page.querySelector<HTMLButtonElement>('[data-testid="email-log"] button')?.disabled).toBe(false);
  });

  it('shows a member the read-only notice and asks the API nothing', async () => {
    await open({ ...admin, role: 'member' });

    expect(text('[data-testid="email-log-read-only"]')).toBe(
      'Only your organization’s administrators can see the email log.',
    );
    http.expectNone(() => true);
  });
});
