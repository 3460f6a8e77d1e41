import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NotificationInboxPage } from '@mailroute/shared/contracts';
import type { Subscription } from 'rxjs';
import { SessionService } from '../session/session.service';
import { NOTIFICATIONS_PATH } from './notifications.api';
import { UNREAD_REFRESH_INTERVAL_MS, UnreadNotificationsService } from './unread-notifications.service';

const INTERVAL = 60_000;
const COUNT_URL = `${NOTIFICATIONS_PATH}?page=1&pageSize=1&unread=true`;

function inboxPage(unreadCount: number): NotificationInboxPage {
  return { items: [], total: unreadCount, page: 1, pageSize: 1, unreadCount };
}

describe('UnreadNotificationsService', () => {
  let http: HttpTestingController;
  let unread: UnreadNotificationsService;
  let session: SessionService;
  let watching: Subscription | undefined;

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: UNREAD_REFRESH_INTERVAL_MS, useValue: INTERVAL },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    unread = TestBed.inject(UnreadNotificationsService);
    session = TestBed.inject(SessionService);
    session.start({ accessToken: 'token-1', expiresIn: 3600 });
  });

  afterEach(() => {
    watching?.unsubscribe();
    http.verify();
    jest.useRealTimers();
  });

  const watch = () => {
    watching = unread.watch().subscribe();
    jest.advanceTimersByTime(0);
  };

  it('asks for the unread count at once, then once per interval', () => {
    watch();
    http.expectOne(COUNT_URL).flush(inboxPage(3));
    expect(unread.unreadCount()).toBe(3);

    jest.advanceTimersByTime(INTERVAL - 1);
    http.expectNone(COUNT_URL);
    jest.advanceTimersByTime(1);
    http.expectOne(COUNT_URL).flush(inboxPage(1));

    expect(unread.unreadCount()).toBe(1);
  });

  it('asks again on refresh, and takes a count the inbox reports', () => {
    watch();
    http.expectOne(COUNT_URL).flush(inboxPage(2));

    unread.refresh();
    http.expectOne(COUNT_URL).flush(inboxPage(1));
    expect(unread.unreadCount()).toBe(1);

    unread.report(0);
    expect(unread.unreadCount()).toBe(0);
  });

  it('keeps the last count when the API cannot be reached, and keeps polling', () => {
    watch();
    http.expectOne(COUNT_URL).flush(inboxPage(4));

    jest.advanceTimersByTime(INTERVAL);
    http.expectOne(COUNT_URL).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    expect(unread.unreadCount()).toBe(4);

    jest.advanceTimersByTime(INTERVAL);
    http.expectOne(COUNT_URL).flush(inboxPage(5));
    expect(unread.unreadCount()).toBe(5);
  });

  it('stays unknown when the first answer fails', () => {
    watch();
    http.expectOne(COUNT_URL).flush({ code: 'internal' }, { status: 500, statusText: 'Server Error' });

    expect(unread.unreadCount()).toBeNull();
  });

  it('asks nothing once signed out and forgets the count', () => {
    watch();
    http.expectOne(COUNT_URL).flush(inboxPage(2));

    session.clear();
    jest.advanceTimersByTime(INTERVAL * 3);
    unread.refresh();

    http.expectNone(COUNT_URL);
    expect(unread.unreadCount()).toBeNull();
  });

  it('stops polling and forgets the count when no longer watched', () => {
    watch();
    http.expectOne(COUNT_URL).flush(inboxPage(2));

    watching?.unsubscribe();
    jest.advanceTimersByTime(INTERVAL * 3);

    http.expectNone(COUNT_URL);
    expect(unread.unreadCount()).toBeNull();
  });
});
