import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, ProcessingActivityDetail } from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { activitiesRoutes } from '../activities.routes';
import { ActivityPageComponent } from './activity-page.component';

const ID = '0b9a4a8e-7a52-4d1e-9d2a-3f7f4c1f2a10';
const URL = `/api/processing-activities/${ID}`;

const member: CurrentUserView = {
  id: 'u2',
  email: 'max@example.com',
  name: 'Max',
  role: 'member',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};

const detail: ProcessingActivityDetail = {
  id: ID,
  name: 'Payroll',
  description: 'Monthly salaries.',
  createdBy: { id: 'u1', name: 'Ada' },
  createdAt: '2030-01-02T03:04:05.000Z',
  comments: [
    { id: 'c1', body: 'First', author: { id: 'u1', name: 'Ada' }, createdAt: '2030-01-02T04:00:00.000Z' },
    { id: 'c2', body: 'Second', author: null, createdAt: '2030-01-03T04:00:00.000Z' },
  ],
  watchers: [{ id: 'u1', name: 'Ada' }],
};

describe('ActivityPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(activitiesRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    TestBed.inject(SessionService).setCurrentUser(member);
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/processing-activities/${ID}`, ActivityPageComponent);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const texts = (selector: string) =>
    Array.from(page.querySelectorAll(selector)).map((element) =>
      element.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const settle = () => harness.fixture.whenStable();
  const typeComment = (value: string) => {
    const field = page.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="body"]');
    if (field === null) {
      throw new Error('no comment field');
    }
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
  };

  it('shows the activity, its thread oldest first with authors and times, and who follows it', async () => {
    http.expectOne(URL).flush(detail);
    await settle();

    expect(text('h1')).toBe('Payroll');
    expect(text('[data-testid="activity-description"]')).toBe('Monthly salaries.');
    expect(texts('[data-testid="comment"] .body')).toEqual(['First', 'Second']);
    expect(texts('[data-testid="comment"] .author')).toEqual(['Ada', 'A former user']);
    // Medium date and time in the interface language (the hour depends on the browser's time zone).
    expect(text('[data-testid="comment"] time')).toMatch(/^Jan [23], 2030, \d{1,2}:00:00\s[AP]M$/);
    expect(page.querySelector('[data-testid="comment"] time')?.getAttribute('datetime')).toBe(
      '2030-01-02T04:00:00.000Z',
    );
    expect(texts('[data-testid="watchers"] li')).toEqual(['Ada']);
    expect(text('[data-testid="watching"]')).toContain('You do not follow this activity yet');
  });

  it('adds a comment, shows it last, announces it, and refreshes who follows', async () => {
    http.expectOne(URL).flush(detail);
    await settle();

    typeComment('Retention is 5 years.');
    await submit();
    const post = http.expectOne({ method: 'POST', url: `${URL}/comments` });
    expect(post.request.body).toEqual({ body: 'Retention is 5 years.' });
    const comment = {
      id: 'c3',
      body: 'Retention is 5 years.',
      author: { id: 'u2', name: 'Max' },
      createdAt: '2030-01-04T04:00:00.000Z',
    };
    post.flush(comment);
    await settle();

    expect(texts('[data-testid="comment"] .body')).toEqual(['First', 'Second', 'Retention is 5 years.']);
    expect(texts('[data-testid="comment"] .author').at(-1)).toBe('Max (you)');
    expect(text('mr-live-region')).toBe('Your comment was added.');
    expect(page.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('');

    http.expectOne(URL).flush({
      ...detail,
      comments: [...detail.comments, comment],
      watchers: [...detail.watchers, { id: 'u2', name: 'Max' }],
    });
    await settle();
    expect(texts('[data-testid="watchers"] li')).toEqual(['Ada', 'Max (you)']);
    expect(text('[data-testid="watching"]')).toBe('You follow this activity.');
  });

  it('refuses an empty comment without sending it', async () => {
    http.expectOne(URL).flush(detail);
    await settle();

    await submit();

    expect(text('mat-error')).toBe('This field is required.');
    http.expectNone(`${URL}/comments`);
  });

  it('shows the API’s reason under the comment field', async () => {
    http.expectOne(URL).flush(detail);
    await settle();

    typeComment('   ');
    await submit();
    http.expectOne(`${URL}/comments`).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        errors: [{ field: 'body', reason: 'is required' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(text('mat-error')).toBe('The server says: is required.');
    expect(text('[data-testid="comment-problem"]')).toBe('Check the highlighted fields.');
    expect(texts('[data-testid="comment"]')).toHaveLength(2);
  });

  it('says so when the activity is not in the organization', async () => {
    http
      .expectOne(URL)
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();

    expect(text('[data-testid="activity-not-found"]')).toContain('no such processing activity');
  });

  it('offers to try again when the activity could not be loaded', async () => {
    http.expectOne(URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(text('mr-load-error')).toContain('could not be loaded');

    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    http.expectOne(URL).flush(detail);
    await settle();
    expect(text('h1')).toBe('Payroll');
  });
});
