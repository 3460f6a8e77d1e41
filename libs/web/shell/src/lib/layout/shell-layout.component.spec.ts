import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView, NotificationInboxPage } from '@mailroute/shared/contracts';
import { authInterceptor, navLabel, SessionService, UnreadNotificationsService } from '@mailroute/web/core';
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

const UNREAD_COUNT_URL = '/api/notifications?page=1&pageSize=1&unread=true';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>Inbox</h1>' })
class InboxStub {}

/** The unread count is asked on a timer (0 ms) after the first render: let it fire. */
const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function inboxPage(unreadCount: number): NotificationInboxPage {
  return { items: [], total: unreadCount, page: 1, pageSize: 1, unreadCount };
}

describe('signed-in shell', () => {
  let harness: RouterTestingHarness;
  let page: HTMLElement;
  let http: HttpTestingController;

  /** Answers the pending unread-count request and renders the answer. */
  async function answerUnreadCount(answer: NotificationInboxPage | 'unreachable'): Promise<void> {
    await nextMacrotask();
    const request = http.expectOne(UNREAD_COUNT_URL);
    if (answer === 'unreachable') {
      request.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    } else {
      request.flush(answer);
    }
    await harness.fixture.whenStable();
  }

  const notificationsLink = () =>
    Array.from(page.querySelectorAll<HTMLAnchorElement>('nav a')).find((link) =>
      link.textContent?.includes('Notifications'),
    );
  /** What a screen reader says for the link: its aria-label, else its text. */
  const accessibleName = (link: HTMLElement | undefined) =>
    link?.getAttribute('aria-label') ?? link?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          shellRoutes({
            areas: [{ path: 'notifications', data: navLabel('nav.notifications'), component: InboxStub }],
          }),
        ),
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
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  it('opens General settings on its organization overview by default', async () => {
    await answerUnreadCount(inboxPage(0));
    expect(TestBed.inject(Router).url).toBe('/general-settings/organization');
    expect(text('h1')).toBe('General settings');
    expect(text('[aria-current="page"]')).toBe('General settings');
    // RouterLinkActive settles a tick after the navigation.
    await harness.fixture.whenStable();
    expect(text('a[mat-tab-link][aria-selected="true"]')).toBe('Organization');
  });

  it('shows the organization, the signed-in account and its role', async () => {
    await answerUnreadCount(inboxPage(0));
    expect(text('mat-toolbar')).toContain('Acme Legal');
    expect(text('mat-toolbar')).toContain('Signed in as max@example.com, Member');
    expect(Array.from(page.querySelectorAll('dd')).map((dd) => dd.textContent?.trim())).toEqual([
      'Acme Legal',
      'Français',
      'Member',
    ]);
  });

  it('follows a language switch everywhere, including the page title', async () => {
    await answerUnreadCount(inboxPage(2));
    TestBed.inject(I18nService).setLocale('fr');
    await harness.fixture.whenStable();

    expect(text('h1')).toBe('Paramètres généraux');
    expect(text('mat-toolbar')).toContain('Connecté en tant que max@example.com, Membre');
    expect(document.title).toBe('Organisation · Mailroute');
    expect(accessibleName(notificationsLink())).toBe('Notifications, 2 non lues');
  });

  it('signs out to the login page and forgets the token', async () => {
    await answerUnreadCount(inboxPage(1));
    const signOut = Array.from(page.querySelectorAll<HTMLButtonElement>('mat-toolbar button')).find(
      (button) => button.textContent?.trim() === 'Sign out',
    );
    signOut?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(SessionService).token()).toBeNull();
    expect(localStorage.getItem('mailroute.session')).toBeNull();
    // The badge's polling ended with the layout, and the next user does not see this count.
    expect(TestBed.inject(UnreadNotificationsService).unreadCount()).toBeNull();
    await nextMacrotask();
    http.expectNone(UNREAD_COUNT_URL);
  });

  it('renders the frame before the unread count has come', () => {
    expect(text('mat-toolbar')).toContain('Acme Legal');
    expect(accessibleName(notificationsLink())).toBe('Notifications');
    expect(page.querySelector('[data-testid="unread-badge"]')).toBeNull();
    // Answered, so that nothing is left pending.
    return answerUnreadCount(inboxPage(0));
  });

  it('puts the unread count beside Notifications, and says it to screen readers', async () => {
    await answerUnreadCount(inboxPage(3));

    const link = notificationsLink();
    expect(link?.querySelector('[data-testid="unread-badge"]')?.textContent?.trim()).toBe('3');
    expect(link?.querySelector('[data-testid="unread-badge"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(accessibleName(link)).toBe('Notifications, 3 unread');
  });

  it('says "1 unread" for one, and caps what it shows, not what it says', async () => {
    await answerUnreadCount(inboxPage(1));
    expect(accessibleName(notificationsLink())).toBe('Notifications, 1 unread');

    TestBed.inject(UnreadNotificationsService).report(120);
    await harness.fixture.whenStable();
    expect(text('[data-testid="unread-badge"]')).toBe('99+');
    expect(accessibleName(notificationsLink())).toBe('Notifications, 120 unread');
  });

  it('shows no badge when nothing is unread', async () => {
    await answerUnreadCount(inboxPage(0));

    expect(page.querySelector('[data-testid="unread-badge"]')).toBeNull();
    expect(accessibleName(notificationsLink())).toBe('Notifications');
  });

  it('follows the inbox: a refresh after a notification was read drops the badge', async () => {
    await answerUnreadCount(inboxPage(1));

    TestBed.inject(UnreadNotificationsService).refresh();
    http.expectOne(UNREAD_COUNT_URL).flush(inboxPage(0));
    await harness.fixture.whenStable();

    expect(page.querySelector('[data-testid="unread-badge"]')).toBeNull();
  });

  it('keeps working without a badge when the API cannot be reached', async () => {
    await answerUnreadCount('unreachable');

    expect(page.querySelector('[data-testid="unread-badge"]')).toBeNull();
    expect(text('h1')).toBe('General settings');
    expect(text('[role="alert"]')).toBeUndefined();
  });
});
