import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { navEntries } from '@mailroute/web/core';
import { I18nService, provideI18n } from '@mailroute/web/i18n';
import { notificationsRoutes } from './notifications.routes';

describe('notificationsRoutes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(notificationsRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    TestBed.inject(I18nService).setLocale('en');
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('is one main-nav area labelled Notifications', () => {
    expect(navEntries(notificationsRoutes)).toEqual([{ path: 'notifications', label: 'nav.notifications' }]);
  });

  it.each([
    ['/notifications', 'Notifications', '/api/notifications?page=1&pageSize=25'],
    ['/notifications/preferences', 'Email notifications', '/api/me/notification-preferences'],
  ])('opens %s as the page "%s"', async (url, heading, request) => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);

    expect((harness.fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe(
      heading,
    );
    expect(document.title).toContain(heading);
    TestBed.inject(HttpTestingController).expectOne(request);
  });
});
