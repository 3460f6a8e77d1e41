import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import type {
  LoginResponse,
  NotificationInboxPage,
  NotificationPreferencesView,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import {
  expectAccessible,
  screenshot,
  sessionToken,
  signIn,
  skipWhenChromiumMissing,
} from './support/browser-steps';
import { E2E_ADMIN, E2E_MEMBER } from './support/e2e-users';
import { platformEmails, platformEmailCount, waitForPlatformEmail } from './support/mailbox';

/**
 * The admin's inbox, end to end: the member comments on an activity the admin follows; the shell's
 * badge says "1 unread", the inbox lists it, opening it goes to the activity and the badge drops;
 * "Mark all as read"; then comment emails switched off (an inbox entry, no email) and on again.
 * The admin ends with nothing unread and every kind emailed, as the files after this one expect.
 */
test.describe.configure({ mode: 'serial' });

const ACTIVITY = { name: `Retention review ${Date.now()}`, description: 'Who keeps what, and how long.' };
const COMMENT_SUBJECT = new RegExp(`commented on “${ACTIVITY.name}”`);
const SENTENCE = `${E2E_MEMBER.name} commented on the processing activity “${ACTIVITY.name}”`;
const ALL_EMAILED: NotificationPreferencesView = {
  commentAdded: true,
  taskAssigned: true,
  taskCompleted: true,
};

let activity: ProcessingActivityView;

skipWhenChromiumMissing();

/** An API client signed in as `user`, beside the browser (the member acts there). */
async function apiAs(
  baseURL: string | undefined,
  user: { email: string; password: string },
): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { email: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as LoginResponse;
  return { api, headers: { authorization: `Bearer ${accessToken}` } };
}

async function memberComments(baseURL: string | undefined, body: string): Promise<void> {
  const { api, headers } = await apiAs(baseURL, E2E_MEMBER);
  try {
    const response = await api.post(`/api/processing-activities/${activity.id}/comments`, {
      headers,
      data: { body },
    });
    expect(response.status()).toBe(201);
  } finally {
    await api.dispose();
  }
}

/** The admin's inbox as the API answers it (to read what the page does not show, e.g. emailId). */
async function adminInbox(page: Page): Promise<NotificationInboxPage> {
  const response = await page.request.get('/api/notifications?page=1&pageSize=5', {
    headers: { authorization: `Bearer ${await sessionToken(page)}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as NotificationInboxPage;
}

const notificationsLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });

/** Whatever happened above, the admin leaves with nothing unread and every kind emailed. */
test.afterAll(async ({ baseURL }) => {
  if (baseURL === undefined) {
    // Skipped: no API was started.
    return;
  }
  const { api, headers } = await apiAs(baseURL, E2E_ADMIN);
  try {
    await api.put('/api/me/notification-preferences', { headers, data: ALL_EMAILED });
    await api.post('/api/notifications/read-all', { headers });
  } finally {
    await api.dispose();
  }
});

test('a comment on an activity the admin follows shows in the badge and the inbox, and opens the activity', async ({
  page,
  baseURL,
}) => {
  await signIn(page, E2E_ADMIN);
  const headers = { authorization: `Bearer ${await sessionToken(page)}` };
  // Earlier files leave notifications behind (e.g. the activities file's comment): start from none unread.
  expect((await page.request.post('/api/notifications/read-all', { headers })).status()).toBe(200);
  const created = await page.request.post('/api/processing-activities', { headers, data: ACTIVITY });
  expect(created.status()).toBe(201);
  activity = (await created.json()) as ProcessingActivityView;
  await page.reload();
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');

  const since = platformEmailCount();
  await memberComments(baseURL, 'Should we shorten the retention to three years?');
  await waitForPlatformEmail({ to: E2E_ADMIN.email, subject: COMMENT_SUBJECT }, since);

  // A fresh page asks for the count at once (the badge also refreshes every minute).
  await page.reload();
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications, 1 unread');
  await expect(page.getByTestId('unread-badge')).toHaveText('1');

  await notificationsLink(page).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByTestId('unread-summary')).toHaveText('1 unread notification.');
  const item = page.getByTestId('inbox').getByRole('listitem').first();
  await expect(item).toContainText(`Unread: ${SENTENCE}`);
  await expect(item).toContainText('Should we shorten the retention to three years?');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('notifications-inbox-unread'), fullPage: true });

  await item.getByRole('link', { name: new RegExp(SENTENCE) }).click();
  await expect(page).toHaveURL(new RegExp(`/processing-activities/${activity.id}$`));
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);
  expect((await adminInbox(page)).unreadCount).toBe(0);
});

test('the admin marks every notification read at once', async ({ page, baseURL }) => {
  await signIn(page, E2E_ADMIN);
  await memberComments(baseURL, 'First follow-up.');
  await memberComments(baseURL, 'Second follow-up.');
  await page.goto('/notifications');
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications, 2 unread');
  await expect(page.getByTestId('unread-summary')).toHaveText('2 unread notifications.');
  const items = page.getByTestId('inbox').getByRole('listitem');
  // Newest first.
  await expect(items.nth(0)).toContainText('Second follow-up.');
  await expect(items.nth(1)).toContainText('First follow-up.');

  await page.getByRole('button', { name: 'Mark all as read' }).click();

  await expect(page.getByTestId('inbox-announcement')).toHaveText('All notifications are marked as read.');
  await expect(page.getByTestId('unread-summary')).toHaveText('Nothing unread.');
  await expect(page.getByTestId('unread-summary')).toBeFocused();
  await expect(items.filter({ hasText: 'Unread:' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('notifications-inbox-all-read'), fullPage: true });
});

test('with comment emails off, a comment reaches the inbox but not the mailbox; then on again', async ({
  page,
  baseURL,
}) => {
  await signIn(page, E2E_ADMIN);
  await page.goto('/notifications');
  // By keyboard: the link to the preferences is in the tab order.
  const preferencesLink = page.getByRole('link', { name: 'Choose which notifications are emailed' });
  await preferencesLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notifications\/preferences$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Email notifications' })).toBeVisible();

  const comments = page.getByRole('checkbox', { name: 'someone comments on a processing activity I follow' });
  await expect(comments).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'someone assigns me a task' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'someone completes a task I created' })).toBeChecked();
  await comments.uncheck();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByTestId('preferences-announcement')).toHaveText('Your email preferences are saved.');
  await expect(page.getByTestId('preferences-saved')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('notifications-preferences-saved'), fullPage: true });

  const since = platformEmailCount();
  await memberComments(baseURL, 'Silent comment: no email for this one.');
  await page.goto('/notifications');
  const silent = page.getByTestId('inbox').getByRole('listitem').first();
  await expect(silent).toContainText('Silent comment: no email for this one.');
  await expect(silent).toContainText('Not emailed');
  const [stored] = (await adminInbox(page)).items;
  expect(stored?.excerpt).toBe('Silent comment: no email for this one.');
  expect(stored?.emailId).toBeNull();

  // On again, through the page; the next comment is emailed. It arriving after the silent one
  // shows the mailbox has caught up, so no email for the silent one can still be on its way.
  await page.getByRole('link', { name: 'Choose which notifications are emailed' }).click();
  await comments.check();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByTestId('preferences-saved')).toBeVisible();
  await memberComments(baseURL, 'Loud comment: this one is emailed.');
  const loud = await waitForPlatformEmail({ to: E2E_ADMIN.email, subject: COMMENT_SUBJECT }, since);
  expect(loud.text).toContain('Loud comment: this one is emailed.');
  const commentEmails = (await platformEmails())
    .slice(since)
    .filter((email) => email.to.includes(E2E_ADMIN.email) && COMMENT_SUBJECT.test(email.subject));
  expect(commentEmails.map((email) => email.text.includes('Silent comment'))).toEqual([false]);

  const preferences = await page.request.get('/api/me/notification-preferences', {
    headers: { authorization: `Bearer ${await sessionToken(page)}` },
  });
  expect((await preferences.json()) as NotificationPreferencesView).toEqual(ALL_EMAILED);
});
