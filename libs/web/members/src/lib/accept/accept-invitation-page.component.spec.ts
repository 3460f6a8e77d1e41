import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, InvitationPreview } from '@mailroute/shared/contracts';
import { authInterceptor, SessionService } from '@mailroute/web/core';
import { I18nService, provideI18n, provideTexts } from '@mailroute/web/i18n';
import { membersTexts } from '../i18n/members.texts';
import { AcceptInvitationPageComponent } from './accept-invitation-page.component';

@Component({ template: 'home' })
class HomePage {}

const TOKEN = 'q2Lr0Zt3bI7cN_vXyA-9kWm4oPs8dEu1hFj6gTn5RaC';
const PREVIEW_URL = `/api/invitations/${TOKEN}`;
const ACCEPT_URL = `${PREVIEW_URL}/accept`;
const PASSWORD = 'correct horse battery';

const preview: InvitationPreview = {
  email: 'grace@example.com',
  role: 'admin',
  organizationName: 'Acme',
  locale: 'en',
  expiresAt: '2030-01-08T10:00:00.000Z',
  invitedBy: { name: 'Ada Lovelace' },
};

const grace: CurrentUserView = {
  id: 'u-2',
  email: 'grace@example.com',
  name: 'Grace',
  role: 'admin',
  locale: null,
  organization: { id: 'o-1', name: 'Acme', defaultLocale: 'en' },
};

async function eventually<T>(probe: () => T | null | undefined): Promise<T> {
  // Bounded in time, not in ticks: a dialog or a chained request takes longer on a busy machine.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const found = probe();
    if (found !== null && found !== undefined && found !== false) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('Condition not met in time');
}

describe('AcceptInvitationPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  const text = () => page.textContent?.replace(/\s+/g, ' ') ?? '';
  const heading = () => page.querySelector('h1')?.textContent?.trim();
  const input = (name: string) => page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
  const submit = () => page.querySelector<HTMLButtonElement>('button[type="submit"]');
  const errors = () =>
    Array.from(page.querySelectorAll('mat-error')).map((error) => error.textContent?.trim());

  async function type(name: string, value: string): Promise<void> {
    const field = input(name);
    if (!field) {
      throw new Error(`No ${name} field`);
    }
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await harness.fixture.whenStable();
  }

  async function open(answer: (request: TestRequest) => void): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/invitations/${TOKEN}`);
    page = harness.routeNativeElement as HTMLElement;
    answer(http.expectOne(PREVIEW_URL));
    await harness.fixture.whenStable();
  }

  const refuse = (status: number, code: string) => (request: TestRequest) =>
    request.flush({ statusCode: status, code, message: 'refused' }, { status, statusText: 'Refused' });

  async function fillAndSubmit(): Promise<TestRequest> {
    await type('name', ' Grace Hopper ');
    await type('password', PASSWORD);
    await type('repeatPassword', PASSWORD);
    submit()?.click();
    return eventually(() => http.match(ACCEPT_URL)[0]);
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'invitations/:token', component: AcceptInvitationPageComponent },
          { path: 'general-settings', component: HomePage },
          { path: 'login', component: HomePage },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18n(),
        provideTexts(membersTexts),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('shows the organization, who invited, the role and the invited email', async () => {
    await open((request) => request.flush(preview));

    expect(heading()).toBe('Join Acme');
    expect(text()).toContain('Ada Lovelace invites you to join Acme on Mailroute.');
    const facts = Array.from(page.querySelectorAll('[data-testid="invitation-facts"] div')).map((fact) => [
      fact.querySelector('dt')?.textContent?.trim(),
      fact.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(facts.slice(0, 4)).toEqual([
      ['Organization', 'Acme'],
      ['Invited by', 'Ada Lovelace'],
      ['Your role', 'Administrator'],
      ['Your sign-in email', 'grace@example.com'],
    ]);
    expect(page.querySelector('[data-testid="invitation-signed-in"]')).toBeNull();
  });

  it('opens in the invitation email’s language, unless the visitor chose one here', async () => {
    await open((request) => request.flush({ ...preview, locale: 'fr' }));

    expect(heading()).toBe('Rejoindre Acme');
  });

  it('keeps the language the visitor chose over the email’s', async () => {
    TestBed.inject(I18nService).setLocale('en');
    await open((request) => request.flush({ ...preview, locale: 'fr' }));

    expect(heading()).toBe('Join Acme');
  });

  it('leaves the inviter out when they are no longer known', async () => {
    await open((request) => request.flush({ ...preview, invitedBy: null }));

    expect(text()).toContain('You are invited to join Acme on Mailroute.');
    expect(text()).not.toContain('Invited by');
  });

  it('creates the account, signs in with the invited email and the new password, and opens the home page', async () => {
    await open((request) => request.flush(preview));

    const accept = await fillAndSubmit();
    expect(accept.request.body).toEqual({ name: 'Grace Hopper', password: PASSWORD });
    accept.flush(
      { user: { ...grace }, organization: grace.organization },
      { status: 201, statusText: 'Created' },
    );

    const login = await eventually(() => http.match('/api/auth/login')[0]);
    expect(login.request.body).toEqual({ email: 'grace@example.com', password: PASSWORD });
    login.flush({ accessToken: 'grace-token', expiresIn: 900 });
    const me = await eventually(() => http.match('/api/me')[0]);
    expect(me.request.headers.get('Authorization')).toBe('Bearer grace-token');
    me.flush(grace);

    await eventually(() => TestBed.inject(Router).url === '/general-settings');
    expect(TestBed.inject(SessionService).currentUser()?.email).toBe('grace@example.com');
  });

  it('checks the password’s length and repetition before sending anything', async () => {
    await open((request) => request.flush(preview));

    await type('name', 'Grace');
    await type('password', 'too short');
    await type('repeatPassword', 'something else');
    submit()?.click();
    await harness.fixture.whenStable();

    expect(errors()).toEqual(['Use at least 12 characters.', 'The two passwords differ.']);
    expect(document.activeElement).toBe(input('password'));
    http.expectNone(ACCEPT_URL);
  });

  it('shows the API’s field errors next to their fields', async () => {
    await open((request) => request.flush(preview));

    (await fillAndSubmit()).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        errors: [{ field: 'password', reason: 'must be at least 12 characters long' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await eventually(() => errors().length > 0);

    expect(errors()).toEqual(['must be at least 12 characters long']);
    const passwordField = input('password')?.closest('mat-form-field');
    expect(passwordField?.textContent).toContain('must be at least 12 characters long');
    http.expectNone('/api/auth/login');
  });

  it.each([
    [
      404,
      'invitation_not_found',
      'This invitation link does not work',
      'ask an administrator of the organization for a new invitation',
      false,
    ],
    [409, 'invitation_expired', 'This invitation has expired', 'send you the invitation again', false],
    [409, 'invitation_revoked', 'This invitation was withdrawn', 'ask them for a new invitation', false],
    [
      409,
      'invitation_already_accepted',
      'This invitation was already accepted',
      'sign in with its email address',
      true,
    ],
  ])('explains a %i %s link and what to do', async (status, code, title, advice, offersSignIn) => {
    await open(refuse(status, code));

    expect(heading()).toBe(title);
    const notice = page.querySelector('[data-testid="invitation-refused"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain(advice);
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('a[href="/login"]') !== null).toBe(offersSignIn);
  });

  it('treats a 404 without the API’s body as an unknown link', async () => {
    await open((request) => request.flush('Not Found', { status: 404, statusText: 'Not Found' }));

    expect(heading()).toBe('This invitation link does not work');
  });

  it('explains a refusal that arrives on accepting (revoked meanwhile, or the address registered)', async () => {
    await open((request) => request.flush(preview));

    (await fillAndSubmit()).flush(
      { statusCode: 409, code: 'email_already_registered', message: 'exists' },
      { status: 409, statusText: 'Conflict' },
    );
    await eventually(() => heading() === 'You already have an account');

    expect(page.querySelector('a[href="/login"]')).not.toBeNull();
    http.expectNone('/api/auth/login');
  });

  it('offers to try again when the invitation could not be loaded', async () => {
    await open((request) => request.error(new ProgressEvent('error'), { status: 0, statusText: '' }));

    expect(text()).toContain('The invitation could not be loaded.');
    page.querySelector<HTMLButtonElement>('mr-load-error button')?.click();
    await harness.fixture.whenStable();
    http.expectOne(PREVIEW_URL).flush(preview);
    await harness.fixture.whenStable();

    expect(heading()).toBe('Join Acme');
  });

  it('still shows the page to a signed-in visitor, with a note that accepting switches account', async () => {
    TestBed.inject(SessionService).start({ accessToken: 'someone-else', expiresIn: 900 });
    await open((request) => request.flush(preview));

    expect(heading()).toBe('Join Acme');
    expect(page.querySelector('[data-testid="invitation-signed-in"]')?.textContent).toContain(
      'signed in with another account',
    );
  });
});
