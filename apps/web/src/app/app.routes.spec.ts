import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView } from '@mailroute/shared/contracts';
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
});
