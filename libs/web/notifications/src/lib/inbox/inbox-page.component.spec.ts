import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { NotificationInboxPage, NotificationView } from '@mailroute/shared/contracts';
import { UnreadNotificationsService } from '@mailroute/web/core';
import { I18nService, provideI18n } from '@mailroute/web/i18n';
import { notificationsRoutes } from '../notifications.routes';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>About</h1>' })
class AboutPageStub {}

const comment: NotificationView = {
  id: 'n2',
  kind: 'comment_added',
  actor: { id: 'u2', name: 'Max' },
  about: { type: 'processing_activity', id: 'a1', name: 'Payroll', path: '/processing-activities/a1' },
  excerpt: 'Please check the retention period.',
  readAt: null,
  createdAt: '2025-03-02T10:00:00.000Z',
  emailId: 'e1',
};
const assigned: NotificationView = {
  id: 'n1',
  kind: 'task_assigned',
  actor: null,
  about: { type: 'task', id: 't1', name: 'Review DPA', path: '/tasks/t1' },
  excerpt: null,
  readAt: '2025-03-01T12:00:00.000Z',
  createdAt: '2025-03-01T09:00:00.000Z',
  emailId: null,
};

function inbox(items: NotificationView[], extra: Partial<NotificationInboxPage> = {}): NotificationInboxPage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 25,
    unreadCount: items.filter((item) => item.readAt === null).length,
    ...extra,
  };
}

describe('the notification inbox', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          ...notificationsRoutes,
          { path: 'processing-activities/:id', component: AboutPageStub },
          { path: 'tasks/:id', component: AboutPageStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    TestBed.inject(I18nService).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/notifications');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const items = () => Array.from(page.querySelectorAll('[data-testid="inbox"] li'));
  const button = (name: string) =>
    Array.from(page.querySelectorAll('button')).find((candidate) => text(candidate) === name);

  async function answer(body: NotificationInboxPage, url = '/api/notifications?page=1&pageSize=25') {
    http.expectOne({ method: 'GET', url }).flush(body);
    await harness.fixture.whenStable();
  }

  it('says what happened in each item, newest first, and marks unread ones in words', async () => {
    await answer(inbox([comment, assigned]));

    expect(text(page.querySelector('h1'))).toBe('Notifications');
    expect(items().map((item) => text(item.querySelector('a')))).toEqual([
      'Unread: Max commented on the processing activity “Payroll”',
      'Someone assigned you the task “Review DPA”',
    ]);
    expect(items().map((item) => item.getAttribute('data-read'))).toEqual(['false', 'true']);
    expect(text(items()[0]?.querySelector('blockquote'))).toBe('Please check the retention period.');
    expect(text(items()[1]?.querySelector('.meta'))).toContain('Not emailed');
    expect(text(items()[0]?.querySelector('.meta'))).not.toContain('Not emailed');
    expect(text(page.querySelector('[data-testid="unread-summary"]'))).toBe('1 unread notification.');
  });

  it('links each item to the app page it is about', async () => {
    await answer(inbox([comment, assigned]));

    expect(items().map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([
      '/processing-activities/a1',
      '/tasks/t1',
    ]);
    expect(page.querySelector('[data-testid="preferences-link"]')?.getAttribute('href')).toBe(
      '/notifications/preferences',
    );
  });

  it('gives the shell the unread count of each answer', async () => {
    await answer(inbox([comment, assigned], { unreadCount: 7 }));

    expect(TestBed.inject(UnreadNotificationsService).unreadCount()).toBe(7);
  });

  it('marks an item read when it is opened, and goes to its page', async () => {
    await answer(inbox([comment, assigned]));

    items()[0]?.querySelector('a')?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/processing-activities/a1');

    http
      .expectOne({ method: 'POST', url: '/api/notifications/n2/read' })
      .flush({ ...comment, readAt: '2025-03-02T11:00:00.000Z' });
    expect(TestBed.inject(UnreadNotificationsService).unreadCount()).toBe(0);
  });

  it('asks nothing when an item already read is opened', async () => {
    await answer(inbox([assigned]));

    items()[0]?.querySelector('a')?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/tasks/t1');
    http.expectNone('/api/notifications/n1/read');
  });

  it('marks all as read, shows them read and announces it', async () => {
    await answer(inbox([comment, assigned]));

    button('Mark all as read')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/notifications/read-all' })
      .flush(inbox([{ ...comment, readAt: '2025-03-02T11:00:00.000Z' }, assigned]));
    await harness.fixture.whenStable();

    expect(items().map((item) => item.getAttribute('data-read'))).toEqual(['true', 'true']);
    expect(text(page.querySelector('[data-testid="unread-summary"]'))).toBe('Nothing unread.');
    expect(text(page.querySelector('[data-testid="inbox-announcement"]'))).toBe(
      'All notifications are marked as read.',
    );
    expect(button('Mark all as read')?.disabled).toBe(true);
    expect(document.activeElement).toBe(page.querySelector('[data-testid="unread-summary"]'));
    expect(TestBed.inject(UnreadNotificationsService).unreadCount()).toBe(0);
  });

  it('says so when marking all as read fails, and keeps them unread', async () => {
    await answer(inbox([comment]));

    button('Mark all as read')?.click();
    http
      .expectOne('/api/notifications/read-all')
      .flush({ code: 'internal' }, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();

    expect(page.querySelector('[data-testid="inbox-problem"]')?.getAttribute('role')).toBe('alert');
    expect(text(page.querySelector('[data-testid="inbox-problem"]'))).toContain(
      'could not be marked as read',
    );
    expect(items()[0]?.getAttribute('data-read')).toBe('false');
    expect(button('Mark all as read')?.disabled).toBe(false);
  });

  it('says when there is nothing yet, with nothing to mark', async () => {
    await answer(inbox([]));

    expect(text(page.querySelector('[data-testid="inbox-empty"]'))).toContain('No notifications yet');
    expect(button('Mark all as read')?.disabled).toBe(true);
  });

  it('says when the inbox could not be loaded, and tries again', async () => {
    http.expectOne('/api/notifications?page=1&pageSize=25').error(new ProgressEvent('error'), { status: 0 });
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toContain('Your notifications could not be loaded.');

    button('Try again')?.click();
    await answer(inbox([comment]));

    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(items()).toHaveLength(1);
  });

  it('pages through a long inbox', async () => {
    await answer(inbox([comment], { total: 30 }));

    (page.querySelector('button[aria-label="Next page"]') as HTMLButtonElement | null)?.click();
    await answer(inbox([assigned], { total: 30, page: 2 }), '/api/notifications?page=2&pageSize=25');

    expect(items().map((item) => text(item.querySelector('a')))).toEqual([
      'Someone assigned you the task “Review DPA”',
    ]);
  });
});
