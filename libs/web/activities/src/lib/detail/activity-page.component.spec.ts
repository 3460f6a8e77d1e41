import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, Page, ProcessingActivityDetail, UserView } from '@mailroute/shared/contracts';
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

const admin: CurrentUserView = { ...member, id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'admin' };
const people: Page<UserView> = {
  items: [
    { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: '2030-01-01T00:00:00Z' },
    { id: 'u2', email: 'max@example.com', name: 'Max', role: 'member', createdAt: '2030-01-01T00:00:00Z' },
    { id: 'u3', email: 'eve@example.com', name: 'Eve', role: 'member', createdAt: '2030-01-01T00:00:00Z' },
  ],
  total: 3,
  page: 1,
  pageSize: 100,
};
const USERS = '/api/users?page=1&pageSize=100';

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

  const open = async (user: CurrentUserView) => {
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
    TestBed.inject(SessionService).setCurrentUser(user);
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/processing-activities/${ID}`, ActivityPageComponent);
    page = harness.routeNativeElement as HTMLElement;
  };

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

  describe('for a member', () => {
    beforeEach(() => open(member));

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

    const watchToggle = () => page.querySelector<HTMLButtonElement>('[data-testid="watch-toggle"]');

    it('lets a member watch the activity and stop, announcing each, with the watchers the API answers', async () => {
      http.expectOne(URL).flush(detail);
      await settle();
      expect(watchToggle()?.textContent?.trim()).toBe('Watch');
      // Only admins add or remove someone else: no picker, no remove button, no GET /api/users.
      expect(page.querySelector('mat-select')).toBeNull();
      expect(page.querySelectorAll('[data-testid="watchers"] button')).toHaveLength(0);

      watchToggle()?.click();
      await settle();
      expect(watchToggle()?.disabled).toBe(true);
      const put = http.expectOne({ method: 'PUT', url: `${URL}/watchers/me` });
      put.flush({ watchers: [...detail.watchers, { id: 'u2', name: 'Max' }] });
      await settle();
      expect(texts('[data-testid="watchers"] .watcher-name')).toEqual(['Ada', 'Max (you)']);
      expect(text('[data-testid="watching"]')).toBe('You follow this activity.');
      expect(text('mr-live-region')).toBe('You now follow this activity.');
      expect(watchToggle()?.textContent?.trim()).toBe('Stop watching');

      watchToggle()?.click();
      await settle();
      http.expectOne({ method: 'DELETE', url: `${URL}/watchers/me` }).flush({ watchers: detail.watchers });
      await settle();
      expect(texts('[data-testid="watchers"] .watcher-name')).toEqual(['Ada']);
      expect(text('mr-live-region')).toBe('You no longer follow this activity.');
      expect(watchToggle()?.textContent?.trim()).toBe('Watch');
    });

    it('says so when watching fails, and reloads when the activity is gone', async () => {
      http.expectOne(URL).flush(detail);
      await settle();

      watchToggle()?.click();
      await settle();
      http.expectOne(`${URL}/watchers/me`).flush(null, { status: 500, statusText: 'Server Error' });
      await settle();
      expect(text('[data-testid="watchers-problem"]')).toBe(
        'Who follows this activity could not be changed. Try again.',
      );
      expect(watchToggle()?.disabled).toBe(false);

      watchToggle()?.click();
      await settle();
      http
        .expectOne(`${URL}/watchers/me`)
        .flush(
          { statusCode: 404, code: 'not_found', message: 'x' },
          { status: 404, statusText: 'Not Found' },
        );
      await settle();
      expect(text('[data-testid="watchers-problem"]')).toBe(
        'This activity, or this member, is no longer in your organization.',
      );
      http.expectOne(URL).flush(detail);
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

  describe('for an admin', () => {
    beforeEach(() => open(admin));

    it('lets an admin add a member who does not follow yet, and remove another watcher', async () => {
      http.expectOne(USERS).flush(people);
      http.expectOne(URL).flush(detail);
      await settle();
      // Ada (the admin) follows: she stops with "Stop watching", not with a remove button.
      expect(page.querySelectorAll('[data-testid="watchers"] button')).toHaveLength(0);

      const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatSelectHarness);
      await select.open();
      const options = await select.getOptions();
      expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Max', 'Eve']);
      await select.clickOptions({ text: 'Eve' });
      page.querySelector('form.add-watcher')?.dispatchEvent(new Event('submit'));
      await settle();
      http
        .expectOne({ method: 'PUT', url: `${URL}/watchers/u3` })
        .flush({ watchers: [...detail.watchers, { id: 'u3', name: 'Eve' }] });
      await settle();
      expect(texts('[data-testid="watchers"] .watcher-name')).toEqual(['Ada (you)', 'Eve']);
      expect(text('mr-live-region')).toBe('Eve now follows this activity.');
      expect(await select.getValueText()).toBe('');
      // The emptied picker is not in error: its submission is forgotten.
      expect(page.querySelector('.add-watcher .mat-form-field-invalid')).toBeNull();
      await select.open();
      expect(await Promise.all((await select.getOptions()).map((option) => option.getText()))).toEqual([
        'Max',
      ]);
      await select.close();

      const remove = page.querySelector<HTMLButtonElement>('[data-testid="watchers"] button');
      expect(remove?.getAttribute('aria-label')).toBe('Remove Eve');
      remove?.click();
      await settle();
      http.expectOne({ method: 'DELETE', url: `${URL}/watchers/u3` }).flush({ watchers: detail.watchers });
      await settle();
      expect(texts('[data-testid="watchers"] .watcher-name')).toEqual(['Ada (you)']);
      expect(text('mr-live-region')).toBe('Eve no longer follows this activity.');
    });

    it('asks an admin to choose someone before adding, sending nothing', async () => {
      http.expectOne(USERS).flush(people);
      http.expectOne(URL).flush(detail);
      await settle();

      page.querySelector('form.add-watcher')?.dispatchEvent(new Event('submit'));
      await settle();

      expect(text('.add-watcher mat-error')).toBe('This field is required.');
      expect(text('[data-testid="watchers-problem"]')).toBe('Choose the member to add.');
      http.expectNone(`${URL}/watchers/`);
    });

    it('offers an admin to load the members again when they could not be loaded', async () => {
      http.expectOne(USERS).flush(null, { status: 503, statusText: 'Unavailable' });
      http.expectOne(URL).flush(detail);
      await settle();
      expect(text('.add-watcher mr-load-error')).toContain('The members could not be loaded.');

      page.querySelector<HTMLButtonElement>('.add-watcher mr-load-error button')?.click();
      http.expectOne(USERS).flush(people);
      await settle();
      expect(page.querySelector('.add-watcher mr-load-error')).toBeNull();
    });
  });
});
