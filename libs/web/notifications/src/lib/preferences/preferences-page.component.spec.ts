import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { NotificationPreferencesView } from '@mailroute/shared/contracts';
import { I18nService, provideI18n } from '@mailroute/web/i18n';
import { notificationsRoutes } from '../notifications.routes';

const PREFERENCES_URL = '/api/me/notification-preferences';
const allOn: NotificationPreferencesView = { commentAdded: true, taskAssigned: true, taskCompleted: true };

describe('the email preferences page', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(notificationsRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    TestBed.inject(I18nService).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/notifications/preferences');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  /** The checkbox input whose label contains `label`. */
  const checkbox = (label: string) =>
    Array.from(page.querySelectorAll('mat-checkbox'))
      .find((box) => text(box)?.includes(label))
      ?.querySelector('input') as HTMLInputElement;
  const saveButton = () =>
    Array.from(page.querySelectorAll('button')).find((button) => text(button) === 'Save preferences');

  async function loaded(preferences: NotificationPreferencesView = allOn): Promise<void> {
    http.expectOne({ method: 'GET', url: PREFERENCES_URL }).flush(preferences);
    await harness.fixture.whenStable();
  }

  it('shows which kinds are emailed, as stored', async () => {
    await loaded({ commentAdded: false, taskAssigned: true, taskCompleted: true });

    expect(text(page.querySelector('h1'))).toBe('Email notifications');
    expect(text(page.querySelector('legend'))).toBe('Email me when');
    expect(checkbox('comments on a processing activity').checked).toBe(false);
    expect(checkbox('assigns me a task').checked).toBe(true);
    expect(checkbox('completes a task I created').checked).toBe(true);
  });

  it('saves every choice and announces that it did', async () => {
    await loaded();

    checkbox('comments on a processing activity').click();
    await harness.fixture.whenStable();
    saveButton()?.click();

    const request = http.expectOne({ method: 'PUT', url: PREFERENCES_URL });
    expect(request.request.body).toEqual({ commentAdded: false, taskAssigned: true, taskCompleted: true });
    request.flush({ commentAdded: false, taskAssigned: true, taskCompleted: true });
    await harness.fixture.whenStable();

    expect(text(page.querySelector('[data-testid="preferences-announcement"]'))).toBe(
      'Your email preferences are saved.',
    );
    expect(text(page.querySelector('[data-testid="preferences-saved"]'))).toContain(
      'Your email preferences are saved.',
    );
    expect(checkbox('comments on a processing activity').checked).toBe(false);

    // Changing a choice again: no longer "saved".
    checkbox('assigns me a task').click();
    await harness.fixture.whenStable();
    expect(page.querySelector('[data-testid="preferences-saved"]')).toBeNull();
  });

  it('shows the API reason under the refused field, tied to its checkbox', async () => {
    await loaded();

    saveButton()?.click();
    http.expectOne(PREFERENCES_URL).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid input',
        errors: [{ field: 'taskAssigned', reason: 'must be true or false' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();

    const error = page.querySelector('#preference-error-taskAssigned');
    expect(text(error)).toBe('! Refused by the server: must be true or false');
    expect(checkbox('assigns me a task').getAttribute('aria-describedby')).toContain(
      'preference-error-taskAssigned',
    );
    expect(page.querySelector('[data-testid="preferences-problem"]')?.getAttribute('role')).toBe('alert');
    expect(text(page.querySelector('[data-testid="preferences-problem"]'))).toContain(
      'Some preferences were refused',
    );
    expect(page.querySelector('[data-testid="preferences-saved"]')).toBeNull();
  });

  it('says when the server cannot be reached while saving', async () => {
    await loaded();

    saveButton()?.click();
    http.expectOne(PREFERENCES_URL).error(new ProgressEvent('error'), { status: 0 });
    await harness.fixture.whenStable();

    expect(text(page.querySelector('[data-testid="preferences-problem"]'))).toContain(
      'The server could not be reached',
    );
    expect(saveButton()?.disabled).toBe(false);
  });

  it('says when the preferences could not be loaded, and tries again', async () => {
    http.expectOne(PREFERENCES_URL).flush({ code: 'internal' }, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toContain('could not be loaded');
    expect(page.querySelector('form')).toBeNull();

    Array.from(page.querySelectorAll('button'))
      .find((button) => text(button) === 'Try again')
      ?.click();
    await loaded();

    expect(page.querySelector('form')).not.toBeNull();
  });
});
