import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NotificationInboxPage, NotificationView } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { NotificationsApi } from './notifications.api';

describe('NotificationsApi', () => {
  let http: HttpTestingController;
  let api: NotificationsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(NotificationsApi);
  });

  afterEach(() => http.verify());

  it('asks for a page of the inbox, unread ones only when told', async () => {
    const answer: NotificationInboxPage = { items: [], total: 0, page: 2, pageSize: 10, unreadCount: 0 };
    const all = firstValueFrom(api.list({ page: 2, pageSize: 10 }));
    http.expectOne({ method: 'GET', url: '/api/notifications?page=2&pageSize=10' }).flush(answer);
    await expect(all).resolves.toEqual(answer);

    const unreadOnly = firstValueFrom(api.list({ page: 1, pageSize: 25, unreadOnly: true }));
    http.expectOne({ method: 'GET', url: '/api/notifications?page=1&pageSize=25&unread=true' }).flush(answer);
    await unreadOnly;
  });

  it('marks one read, or all of them', async () => {
    const one = firstValueFrom(api.markRead('n 1'));
    const request = http.expectOne({ method: 'POST', url: '/api/notifications/n%201/read' });
    request.flush({ id: 'n 1' } as NotificationView);
    await one;

    const all = firstValueFrom(api.markAllRead());
    http
      .expectOne({ method: 'POST', url: '/api/notifications/read-all' })
      .flush({ items: [], total: 0, page: 1, pageSize: 25, unreadCount: 0 });
    await expect(all).resolves.toMatchObject({ unreadCount: 0 });
  });
});
