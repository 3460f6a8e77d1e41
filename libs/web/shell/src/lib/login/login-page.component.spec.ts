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
import type { CurrentUserView } from '@mailroute/shared/contracts';
import { authInterceptor } from '@mailroute/web/core';
import { provideI18n, provideTexts } from '@mailroute/web/i18n';
import { shellTexts } from '../i18n/shell.texts';
import { LoginPageComponent } from './login-page.component';

@Component({ template: 'signed in' })
class SignedInPage {}

const admin: CurrentUserView = {
  id: 'u1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'admin',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};

/** Polls for something that appears a few ticks later (a request, a render), bounded. */
async function eventually<T>(probe: () => T | null | undefined): Promise<T> {
  for (let tick = 0; tick < 50; tick++) {
    const found = probe();
    if (found !== null && found !== undefined) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error('Condition not met in time');
}

describe('LoginPageComponent', () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;
  let page: HTMLElement;

  const input = (name: 'email' | 'password') =>
    page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
  const submitButton = () => page.querySelector<HTMLButtonElement>('button[type="submit"]');
  const errorTexts = () =>
    Array.from(page.querySelectorAll('mat-error')).map((error) => error.textContent?.trim());
  const banner = () => page.querySelector<HTMLElement>('[role="alert"]');

  async function type(name: 'email' | 'password', value: string): Promise<void> {
    const field = input(name);
    if (!field) {
      throw new Error(`No ${name} field`);
    }
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await harness.fixture.whenStable();
  }

  async function submitCredentials(): Promise<TestRequest> {
    await type('email', 'ada@example.com');
    await type('password', 'correct horse');
    submitButton()?.click();
    return eventually(() => httpMock.match('/api/auth/login')[0]);
  }

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: LoginPageComponent },
          { path: 'general-settings', component: SignedInPage },
          { path: 'audits', component: SignedInPage },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18n(),
        provideTexts(shellTexts),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login?returnUrl=%2Faudits');
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => {
    httpMock.verify();
    jest.restoreAllMocks();
  });

  it('asks for the email and the password when submitted empty, and focuses the first field', async () => {
    submitButton()?.click();
    await harness.fixture.whenStable();

    expect(errorTexts()).toEqual(['Enter your email address.', 'Enter your password.']);
    expect(document.activeElement).toBe(input('email'));
    httpMock.expectNone('/api/auth/login');
  });

  it('asks for a well-formed email address', async () => {
    await type('email', 'not-an-address');
    await type('password', 'secret');

    submitButton()?.click();
    await harness.fixture.whenStable();

    expect(errorTexts()).toEqual(['Enter an email address like name@example.com.']);
    httpMock.expectNone('/api/auth/login');
  });

  it('says "Email or password is incorrect" in a focused alert when the API answers 401', async () => {
    const login = await submitCredentials();
    expect(login.request.body).toEqual({ email: 'ada@example.com', password: 'correct horse' });

    login.flush(
      { statusCode: 401, code: 'invalid_credentials', message: 'Invalid credentials' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await harness.fixture.whenStable();

    const alert = await eventually(banner);
    expect(alert.textContent).toContain('Email or password is incorrect.');
    expect(document.activeElement).toBe(alert);
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Faudits');
  });

  it('asks to wait when sign-in attempts are throttled', async () => {
    (await submitCredentials()).flush(
      { statusCode: 429, code: 'too_many_requests', message: 'Too many requests' },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await harness.fixture.whenStable();

    expect((await eventually(banner)).textContent).toContain('Too many sign-in attempts');
  });

  it('says the server could not be reached when no answer comes back', async () => {
    (await submitCredentials()).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await harness.fixture.whenStable();

    expect((await eventually(banner)).textContent).toContain('The server could not be reached');
  });

  it('disables the submit button while signing in, then opens the return URL', async () => {
    const login = await submitCredentials();
    harness.fixture.detectChanges();
    expect(submitButton()?.disabled).toBe(true);
    expect(submitButton()?.textContent?.trim()).toBe('Signing in…');

    login.flush({ accessToken: 'token-1', expiresIn: 900 });
    const me = await eventually(() => httpMock.match('/api/me')[0]);
    expect(me.request.headers.get('Authorization')).toBe('Bearer token-1');
    me.flush(admin);

    await eventually(() => (TestBed.inject(Router).url === '/audits' ? true : null));
  });

  it('re-renders in French after choosing FR in the language switch', async () => {
    const french = page.querySelector<HTMLElement>('mat-button-toggle[lang="fr"] button');
    french?.click();
    await harness.fixture.whenStable();

    expect(page.querySelector('h1')?.textContent).toBe('Connexion');
    expect(submitButton()?.textContent?.trim()).toBe('Se connecter');
    expect(page.querySelector('mat-label')?.textContent).toBe('E-mail');
  });
});
