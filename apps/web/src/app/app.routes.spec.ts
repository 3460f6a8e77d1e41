import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type CurrentUserView, WEB_PAGES, type WebPage, webPagePath } from '@mailroute/shared/contracts';
import { authInterceptor, SessionService } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { appRoutes } from './app.routes';

const admin: CurrentUserView = {
  id: 'u1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'admin',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};

describe('app routes', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
  });

  it('asks a signed-out visitor of an unknown page to sign in, keeping that exact page to come back to', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/no-such-page?x=1');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fno-such-page%3Fx%3D1');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Sign in');
  });

  it('keeps the requested page as the return URL of a signed-out visitor', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/general-settings/organization');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fgeneral-settings%2Forganization');
  });

  it('shows a signed-in user that an address has no page, without leaving it', async () => {
    const session = TestBed.inject(SessionService);
    session.start({ accessToken: 't', expiresIn: 900 });
    session.setCurrentUser(admin);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/no-such-page');

    expect(TestBed.inject(Router).url).toBe('/no-such-page');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('This page does not exist');
  });

  it.each(Object.keys(WEB_PAGES) as WebPage[])('has a page for the %s link of emails', async (page) => {
    const session = TestBed.inject(SessionService);
    session.start({ accessToken: 't', expiresIn: 900 });
    session.setCurrentUser(admin);
    const params = Object.fromEntries(
      [...WEB_PAGES[page].matchAll(/:(\w+)/g)].map((match) => [match[1], 'sample-1']),
    ) as never;
    const path = webPagePath(page, params);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(path);

    const router = TestBed.inject(Router);
    let leaf: ActivatedRouteSnapshot = router.routerState.snapshot.root;
    while (leaf.firstChild !== null) {
      leaf = leaf.firstChild;
    }
    expect({ url: router.url, route: leaf.routeConfig?.path }).toEqual({
      url: path,
      route: expect.not.stringMatching(/^\*\*$/) as unknown,
    });
  });

  it.each([
    '/notifications',
    '/processing-activities/act-1',
    '/tasks/task-1?tab=comments',
    '/data-subject-requests/dsr-1',
    '/audits/aud-1',
    '/general-settings/members',
    '/general-settings/smtp',
    '/general-settings/email-log',
  ])('asks a signed-out visitor of %s to sign in and keeps that exact page to come back to', async (path) => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(path);

    const router = TestBed.inject(Router);
    expect(router.url.startsWith('/login?')).toBe(true);
    expect(router.parseUrl(router.url).queryParamMap.get('returnUrl')).toBe(path);
  });
});
