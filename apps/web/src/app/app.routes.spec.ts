import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authInterceptor } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { appRoutes } from './app.routes';

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

  it('sends a signed-out visitor of an unknown page to the login page', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/no-such-page');

    // Unknown pages fall back to the signed-in home, which asks to sign in first.
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fgeneral-settings%2Forganization');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Sign in');
  });

  it('keeps the requested page as the return URL of a signed-out visitor', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/general-settings/organization');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fgeneral-settings%2Forganization');
  });
});
