import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView } from '@mailroute/shared/contracts';
import { authInterceptor, SessionService } from '@mailroute/web/core';
import { provideI18n, provideTexts } from '@mailroute/web/i18n';
import { shellTexts } from '../i18n/shell.texts';
import { I18nService } from '@mailroute/web/i18n';
import { shellRoutes } from '../shell.routes';

const member: CurrentUserView = {
  id: 'u2',
  email: 'max@example.com',
  name: 'Max',
  role: 'member',
  locale: null,
  organization: { id: 'o1', name: 'Acme Legal', defaultLocale: 'fr' },
};

describe('signed-in shell', () => {
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(shellRoutes()),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18n(),
        provideTexts(shellTexts),
      ],
    });
    const session = TestBed.inject(SessionService);
    session.start({ accessToken: 'token-1', expiresIn: 900 });
    session.setCurrentUser(member);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    jest.restoreAllMocks();
  });

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  it('opens General settings on its organization overview by default', async () => {
    expect(TestBed.inject(Router).url).toBe('/general-settings/organization');
    expect(text('h1')).toBe('General settings');
    expect(text('[aria-current="page"]')).toBe('General settings');
    // RouterLinkActive settles a tick after the navigation.
    await harness.fixture.whenStable();
    expect(text('a[mat-tab-link][aria-selected="true"]')).toBe('Organization');
  });

  it('shows the organization, the signed-in account and its role', () => {
    expect(text('mat-toolbar')).toContain('Acme Legal');
    expect(text('mat-toolbar')).toContain('Signed in as max@example.com, Member');
    expect(Array.from(page.querySelectorAll('dd')).map((dd) => dd.textContent?.trim())).toEqual([
      'Acme Legal',
      'Français',
      'Member',
    ]);
  });

  it('follows a language switch everywhere, including the page title', async () => {
    TestBed.inject(I18nService).setLocale('fr');
    await harness.fixture.whenStable();

    expect(text('h1')).toBe('Paramètres généraux');
    expect(text('mat-toolbar')).toContain('Connecté en tant que max@example.com, Membre');
    expect(document.title).toBe('Organisation · Mailroute');
  });

  it('signs out to the login page and forgets the token', async () => {
    const signOut = Array.from(page.querySelectorAll<HTMLButtonElement>('mat-toolbar button')).find(
      (button) => button.textContent?.trim() === 'Sign out',
    );
    signOut?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(SessionService).token()).toBeNull();
    expect(localStorage.getItem('mailroute.session')).toBeNull();
  });
});
