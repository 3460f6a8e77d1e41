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
  ConnectionTestReport,
  CurrentUserView,
  SmtpSettingsHistoryEntry,
  SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { smtpSettingsSections } from '../smtp-settings.routes';
import { SmtpSettingsPageComponent } from './smtp-settings-page.component';

const SMTP = '/api/organizations/current/smtp-settings';

const admin: CurrentUserView = {
  id: 'u1',
  email: 'ada@acme.test',
  name: 'Ada',
  role: 'admin',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};
const member: CurrentUserView = { ...admin, id: 'u2', email: 'bob@acme.test', role: 'member' };

const platform: SmtpSettingsView = {
  mode: 'platform',
  host: null,
  port: null,
  security: null,
  username: null,
  hasPassword: false,
  senderAddress: null,
  senderName: null,
  replyTo: null,
  caCertificate: null,
  failurePolicy: 'hold',
  health: { state: 'unknown', lastSuccessAt: null, lastFailure: null, held: false },
  activeSince: null,
  updatedAt: null,
  updatedBy: null,
};
const custom: SmtpSettingsView = {
  ...platform,
  mode: 'custom',
  host: 'smtp.acme.test',
  port: 587,
  security: 'starttls',
  username: 'app@acme.test',
  hasPassword: true,
  senderAddress: 'notify@acme.test',
  senderName: 'Acme',
  failurePolicy: 'fallback',
  health: { state: 'ok', lastSuccessAt: null, lastFailure: null, held: false },
  activeSince: '2030-03-01T10:00:00.000Z',
  updatedAt: '2030-03-01T10:00:00.000Z',
  updatedBy: { id: 'u1', email: 'ada@acme.test' },
};
const activated: SmtpSettingsHistoryEntry = {
  id: 'h1',
  at: '2030-03-01T10:00:00.000Z',
  action: 'activated',
  by: { id: 'u1', email: 'ada@acme.test' },
  changes: [{ field: 'host', from: null, to: 'smtp.acme.test' }],
};
const reverted: SmtpSettingsHistoryEntry = { ...activated, id: 'h2', action: 'deleted', changes: [] };

const stage = (name: 'resolve' | 'connect' | 'auth', ok: boolean) => ({
  stage: name,
  ok,
  durationMs: 12,
  detail: ok ? `${name} fine` : '535 5.7.8 Authentication failed',
  hint: ok
    ? null
    : { en: 'Check the username and password.', fr: 'Vérifiez l’identifiant et le mot de passe.' },
});
const report = (ok: boolean): ConnectionTestReport => ({
  ok,
  stages: ok
    ? [stage('resolve', true), stage('connect', true), stage('auth', true)]
    : [stage('resolve', true), stage('connect', true), stage('auth', false)],
  startedAt: '2030-03-01T10:00:00.000Z',
  durationMs: 36,
  testRecipient: 'ada@acme.test',
  messageId: ok ? '<test@acme.test>' : null,
});

describe('SmtpSettingsPageComponent', () => {
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
    document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const field = (name: string) => {
    const found = page.querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`);
    if (found === null) {
      throw new Error(`No ${name} field`);
    }
    return found;
  };
  const button = (label: string) => {
    const found = Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label,
    );
    if (found === undefined) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  };
  const errorOf = (name: string) =>
    field(name).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
  const type = async (name: string, value: string) => {
    const input = field(name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle();
  };
  /** Polls for what happens a little later (a focus moved in a timeout, a dialog closed), up to 2 s. */
  const eventually = async (probe: () => boolean) => {
    let met = probe();
    for (let tick = 0; tick < 200 && !met; tick++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      met = probe();
    }
    expect(met).toBe(true);
  };

  /** The dialog hands its answer over once it has closed, a few ticks after the click. */
  async function request(criteria: { method: string; url: string }): Promise<TestRequest> {
    let found: TestRequest[] = [];
    await eventually(() => (found = http.match(criteria)).length === 1);
    return found[0] as TestRequest;
  }

  async function open(user: CurrentUserView): Promise<void> {
    TestBed.inject(SessionService).setCurrentUser(user);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/general-settings/smtp', SmtpSettingsPageComponent);
    page = harness.routeNativeElement as HTMLElement;
  }

  async function openLoaded(view: SmtpSettingsView, history: SmtpSettingsHistoryEntry[] = []) {
    await open(admin);
    http.expectOne({ method: 'GET', url: SMTP }).flush(view);
    http.expectOne({ method: 'GET', url: `${SMTP}/history` }).flush(history);
    await settle();
  }

  async function fillNewServer(): Promise<void> {
    await type('host', '127.0.0.1');
    await type('port', '2525');
    await type('username', 'app@acme.test');
    await type('password', 'Typed-Password-1');
    await type('senderAddress', 'notify@acme.test');
  }

  const newServerBody = {
    host: '127.0.0.1',
    port: 2525,
    security: 'starttls',
    username: 'app@acme.test',
    password: 'Typed-Password-1',
    senderAddress: 'notify@acme.test',
    senderName: null,
    replyTo: null,
    failurePolicy: 'hold',
    testRecipient: 'ada@acme.test',
  };

  it('loads the stored settings into the status, the form and the history', async () => {
    await open(admin);
    expect(page.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Loading the SMTP settings…',
    );

    http.expectOne({ method: 'GET', url: SMTP }).flush(custom);
    http.expectOne({ method: 'GET', url: `${SMTP}/history` }).flush([activated]);
    await settle();

    expect(text('[data-testid="smtp-route"]')).toContain('smtp.acme.test:587');
    expect(field('host').value).toBe('smtp.acme.test');
    expect(field('port').value).toBe('587');
    expect(field('testRecipient').value).toBe('ada@acme.test');
    expect(text('[data-testid="smtp-password-stored"]')).toContain('A password is stored');
    expect(text('[data-testid="smtp-history"] tbody')).toContain('Activated');
    expect(button('Stop using my SMTP').disabled).toBe(false);
  });

  it('shows a member the read-only notice and asks the API nothing', async () => {
    await open(member);

    expect(text('[data-testid="smtp-read-only"]')).toContain('Only your organization’s administrators');
    expect(page.querySelector('form')).toBeNull();
    http.expectNone(SMTP);
  });

  it('shows the read-only notice when the API refuses with 403', async () => {
    await open(admin);
    http
      .expectOne(SMTP)
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'Forbidden' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();

    expect(text('[data-testid="smtp-read-only"]')).toContain('Only your organization’s administrators');
    expect(page.querySelector('form')).toBeNull();
  });

  it('offers to load again after a failed load', async () => {
    await open(admin);
    http.expectOne(SMTP).flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(text('[role="alert"]')).toContain('The SMTP settings could not be loaded.');

    button('Try again').click();
    http.expectOne(SMTP).flush(platform);
    http.expectOne(`${SMTP}/history`).flush([]);
    await settle();

    expect(text('[data-testid="smtp-route"]')).toContain('platform SMTP server');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('refuses an incomplete form without a request, and focuses the first invalid field', async () => {
    await openLoaded(platform);

    button('Save and test').click();
    await settle();

    expect(text('[data-testid="smtp-problem"]')).toBe('Check the highlighted fields.');
    expect(text('[data-testid="smtp-announcement"]')).toBe('Check the highlighted fields.');
    expect(errorOf('host')).toBe('This field is required.');
    await eventually(() => document.activeElement === field('host'));
  });

  it('saves and tests: the report says where emails leave now and the form shows the stored password', async () => {
    await openLoaded(platform);
    await fillNewServer();

    button('Save and test').click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: SMTP });
    expect(put.request.body).toEqual(newServerBody);
    expect(button('Testing…').disabled).toBe(true);
    expect(button('Test without saving').disabled).toBe(true);
    expect(text('[data-testid="smtp-announcement"]')).toBe('Testing the connection to 127.0.0.1…');

    put.flush({ settings: { ...custom, host: '127.0.0.1', port: 2525 }, report: report(true) });
    http.expectOne({ method: 'GET', url: `${SMTP}/history` }).flush([activated]);
    await settle();

    expect(text('[data-testid="report-summary"]')).toContain(
      'Saved: your emails now leave through 127.0.0.1.',
    );
    expect(text('[data-testid="smtp-route"]')).toContain('127.0.0.1:2525');
    expect(text('[data-testid="smtp-password-stored"]')).toContain('A password is stored');
    expect(button('Save and test').disabled).toBe(false);
  });

  it('shows the report of a save whose test failed at a stage, and keeps the form as typed', async () => {
    await openLoaded(platform);
    await fillNewServer();

    button('Save and test').click();
    http
      .expectOne({ method: 'PUT', url: SMTP })
      .flush(
        { statusCode: 422, code: 'smtp_test_failed', message: 'The test failed', report: report(false) },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle();

    const auth = page.querySelector<HTMLElement>('[data-stage="auth"]');
    expect(auth?.textContent).toContain('Failed');
    expect(auth?.textContent).toContain('Check the username and password.');
    expect(text('[data-testid="report-summary"]')).toContain(
      'The test failed at the “Authentication” stage. Nothing was changed',
    );
    expect(text('[data-testid="smtp-announcement"]')).toContain('Authentication');
    expect(field('host').value).toBe('127.0.0.1');
    expect(field('password').value).toBe('Typed-Password-1');
    expect(text('[data-testid="smtp-route"]')).toContain('platform SMTP server');
    expect(page.querySelector('[data-testid="smtp-problem"]')).toBeNull();
    await eventually(() => document.activeElement === auth);
  });

  it('puts the API’s 400 field errors on their fields and lists the others in the problem', async () => {
    await openLoaded(platform);
    await fillNewServer();

    button('Save and test').click();
    http.expectOne({ method: 'PUT', url: SMTP }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid input',
        errors: [
          { field: 'host', reason: 'is a private address' },
          { field: 'headers', reason: 'are not allowed' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(errorOf('host')).toBe('Refused by the server: is a private address');
    expect(page.querySelectorAll('mat-error')).toHaveLength(1);
    expect(text('[data-testid="smtp-problem"]')).toBe(
      'Check the highlighted fields. Refused by the server: headers are not allowed',
    );
    await eventually(() => document.activeElement === field('host'));
  });

  it('says how long to wait when the API answers 429', async () => {
    await openLoaded(platform);
    await fillNewServer();

    button('Test without saving').click();
    const test = http.expectOne({ method: 'POST', url: `${SMTP}/test` });
    expect(test.request.body).toEqual(newServerBody);
    test.flush(
      { statusCode: 429, code: 'smtp_test_rate_limited', message: 'Too many', retryAfterSeconds: 42 },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle();

    const wait = 'Too many tests this minute. Wait 42 s, then try again.';
    expect(text('[data-testid="smtp-problem"]')).toBe(wait);
    expect(text('[data-testid="smtp-announcement"]')).toBe(wait);
    expect(button('Test without saving').disabled).toBe(false);
    expect(page.querySelector('mr-connection-test-report')).toBeNull();
  });

  it('says a save was not stored when someone changed the settings while it was tested', async () => {
    await openLoaded(platform);
    await fillNewServer();

    button('Save and test').click();
    await settle();
    http
      .expectOne({ method: 'PUT', url: SMTP })
      .flush(
        { statusCode: 409, code: 'smtp_settings_changed', message: 'Changed meanwhile' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    const said =
      'Someone changed these settings while yours were being tested, so yours were not saved. Reload the page to see the current settings, then save again if your change is still needed.';
    expect(text('[data-testid="smtp-problem"]')).toBe(said);
    expect(text('[data-testid="smtp-announcement"]')).toBe(said);
    expect(button('Save and test').disabled).toBe(false);
  });

  it('goes back to the platform SMTP only after the admin confirmed', async () => {
    await openLoaded(custom, [activated]);

    button('Stop using my SMTP').click();
    await settle();
    expect(text('mat-dialog-container h2')).toBe('Stop using your SMTP server?');
    button('Cancel').click();
    await eventually(() => document.querySelector('mat-dialog-container') === null);
    http.expectNone({ method: 'DELETE', url: SMTP });

    button('Stop using my SMTP').click();
    await settle();
    button('Stop using it').click();
    const remove = await request({ method: 'DELETE', url: SMTP });
    await settle();
    expect(button('Stop using my SMTP').disabled).toBe(true);
    remove.flush(platform);
    http.expectOne({ method: 'GET', url: `${SMTP}/history` }).flush([reverted, activated]);
    await settle();

    expect(text('[data-testid="smtp-notice"]')).toBe(
      'Your emails leave through the platform SMTP server again.',
    );
    expect(text('[data-testid="smtp-announcement"]')).toBe(
      'Your emails leave through the platform SMTP server again.',
    );
    expect(text('[data-testid="smtp-route"]')).toContain('platform SMTP server');
    expect(text('[data-testid="smtp-history"] tbody')).toContain('Back to platform');
    expect(page.querySelector('#smtp-revert-heading')).toBeNull();
  });
});
