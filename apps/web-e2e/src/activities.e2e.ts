import { expect, request, test } from '@playwright/test';
import type { LoginResponse, SmtpSettingsView } from '@mailroute/shared/contracts';
import { type ReceivedMessage, startTestSmtpServer, type TestSmtpServer } from '@mailroute/testing';
import {
  chooseOption,
  expectAccessible,
  screenshot,
  signIn,
  skipWhenChromiumMissing,
} from './support/browser-steps';
import { E2E_ADMIN, E2E_MEMBER } from './support/e2e-users';
import { platformEmailCount, platformEmails, waitForPlatformEmail } from './support/mailbox';
import {
  openSmtpPage,
  revertToPlatformRoute,
  saveCustomSmtpRoute,
  storedSettings,
} from './support/smtp-steps';

/**
 * The seed's verification, end to end: the organization's emails leave through its own SMTP
 * server; a member's comment on a processing activity reaches the admin who follows it through
 * that server; the email's link opens the activity (after sign-in when signed out); the email log
 * shows the custom route. The organization goes back to the platform route. Then who follows the
 * activity: the member stops watching it and watches it again; the admin adds the member, who is
 * emailed the admin's next comment, and removes them.
 */
test.describe.configure({ mode: 'serial' });

const SMTP_ACCOUNT = {
  username: 'mailer@org-smtp.test',
  password: 'Org-SMTP-Password-7',
  sender: 'dpo@org-smtp.test',
};
const ACTIVITY = {
  // Each run has its own database, so the name is unique; short, as it shows in the email log's table.
  name: 'Payroll',
  description: 'Monthly salaries of employees.\nKept 5 years.',
};
const COMMENT = 'Is the retention period still five years?';
const ADMIN_COMMENT = 'Yes: five years after the employee leaves.';

let smtp: TestSmtpServer;
let activityPath = '';
let notification: ReceivedMessage | undefined;

test.beforeAll(async () => {
  if (process.env['MAILROUTE_E2E_SKIP'] === undefined) {
    smtp = await startTestSmtpServer({ security: 'tls', host: '127.0.0.1', users: [SMTP_ACCOUNT] });
  }
});

/** Whatever happened above, the files after this one find the platform route. */
test.afterAll(async ({ baseURL }) => {
  if (smtp === undefined) {
    return;
  }
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post('/api/auth/login', { data: E2E_ADMIN });
    const { accessToken } = (await login.json()) as LoginResponse;
    const headers = { authorization: `Bearer ${accessToken}` };
    const settings = (await (
      await api.get('/api/organizations/current/smtp-settings', { headers })
    ).json()) as SmtpSettingsView;
    if (settings.mode === 'custom') {
      await api.delete('/api/organizations/current/smtp-settings', { headers });
    }
  } finally {
    await api.dispose();
    await smtp.close();
  }
});

skipWhenChromiumMissing();

/** The links of an email's HTML part, as a mail client offers them. */
function htmlLinks(message: ReceivedMessage): string[] {
  return [...(message.html ?? '').matchAll(/href="(https?:\/\/[^"]+)"/g)].map((match) =>
    match[1].replace(/&amp;/g, '&'),
  );
}

test('the admin routes the organization’s emails through its own SMTP server', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await openSmtpPage(page);
  expect((await storedSettings(page)).mode).toBe('platform');

  await saveCustomSmtpRoute(page, smtp, SMTP_ACCOUNT);

  const [testEmail] = await smtp.waitForMessages(1, { timeoutMs: 10_000 });
  expect(testEmail?.envelope).toEqual({ mailFrom: SMTP_ACCOUNT.sender, rcptTo: [E2E_ADMIN.email] });
  smtp.clear();
});

test('the admin creates a processing activity, and follows it', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Processing activities' })
    .click();
  await expect(page).toHaveURL(/\/processing-activities$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Processing activities' })).toBeVisible();
  await expect(page.getByTestId('activities').or(page.getByTestId('activities-empty'))).toBeVisible();

  const name = page.getByLabel('Name', { exact: true });
  await page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByTestId('activity-create-problem')).toContainText('Check the highlighted fields.');
  // Blank passes the browser's "required"; the API's reason shows next to the field.
  await name.fill('   ');
  await page.getByRole('button', { name: 'Create the activity' }).click();
  await expect(page.getByText('The server says: is required, on one line.')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activities-list-field-error'), fullPage: true });

  await name.fill(ACTIVITY.name);
  await page.getByLabel('Description', { exact: true }).fill(ACTIVITY.description);
  await page.getByRole('button', { name: 'Create the activity' }).click();

  await expect(page).toHaveURL(/\/processing-activities\/[0-9a-f-]{36}$/);
  activityPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: ACTIVITY.name })).toBeVisible();
  await expect(page.getByTestId('activity-description')).toHaveText(ACTIVITY.description);
  await expect(page.getByTestId('comments-empty')).toBeVisible();
  await expect(page.getByTestId('watchers')).toContainText('(you)');
  await expect(page.getByTestId('watching')).toHaveText('You follow this activity.');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activity-created'), fullPage: true });

  // It is in the register, newest first.
  await page.getByRole('link', { name: 'All processing activities' }).click();
  await expect(page.getByTestId('activities').locator('tbody tr').first()).toContainText(ACTIVITY.name);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activities-list'), fullPage: true });
});

test('a member comments on it: the comment shows, is announced, and the member follows', async ({ page }) => {
  const platformBefore = (await platformEmails()).length;
  await signIn(page, E2E_MEMBER);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Processing activities' })
    .click();
  await page.getByRole('link', { name: ACTIVITY.name }).click();
  await expect(page).toHaveURL(new RegExp(`${activityPath}$`));
  await expect(page.getByTestId('watching')).toContainText('You do not follow this activity yet');

  await page.getByLabel('Your comment').fill(COMMENT);
  await page.getByRole('button', { name: 'Add the comment' }).click();

  const comment = page.getByTestId('comment').last();
  await expect(comment).toContainText(COMMENT);
  await expect(comment.locator('.author')).toHaveText('Browser Test Member (you)');
  await expect(page.getByRole('status').filter({ hasText: 'Your comment was added.' })).toBeAttached();
  await expect(page.getByLabel('Your comment')).toHaveValue('');
  await expect(page.getByTestId('watchers')).toContainText('Browser Test Member (you)');
  await expect(page.getByTestId('watching')).toHaveText('You follow this activity.');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activity-commented'), fullPage: true });

  // The admin follows it, so is emailed — through the organization's server only.
  [notification] = await smtp.waitForMessages(1, { timeoutMs: 15_000 });
  const platformAfter = await platformEmails();
  expect(platformAfter.slice(platformBefore).filter((email) => email.to.includes(E2E_ADMIN.email))).toEqual(
    [],
  );
});

test('the admin’s notification came through the organization’s SMTP server, from its sender', () => {
  const email = notification;
  expect(email).toBeDefined();
  if (email === undefined) {
    return;
  }
  expect(email.envelope).toEqual({ mailFrom: SMTP_ACCOUNT.sender, rcptTo: [E2E_ADMIN.email] });
  expect(email.authenticatedUser).toBe(SMTP_ACCOUNT.username);
  expect(email.secure).toBe(true);
  expect(email.from?.address).toBe(SMTP_ACCOUNT.sender);
  expect(email.to).toEqual([E2E_ADMIN.email]);
  expect(email.subject).toBe(`Browser Test Member commented on “${ACTIVITY.name}”`);
  expect(email.headers['auto-submitted']).toBe('auto-generated');
  expect(email.messageId).toMatch(/^<.+@.+>$/);
  expect(email.text).toContain(COMMENT);
});

test('its link opens the activity with the comment: through sign-in when signed out, then directly', async ({
  browser,
  baseURL,
}) => {
  const link = htmlLinks(notification as ReceivedMessage).find((href) =>
    href.includes('/processing-activities/'),
  );
  expect(link).toBe(`${baseURL}${activityPath}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(link as string);
    await expect(page).toHaveURL(`${baseURL}/login?returnUrl=${encodeURIComponent(activityPath)}`);
    await page.getByLabel('Email').fill(E2E_ADMIN.email);
    await page.getByLabel('Password').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(link as string);
    await expect(page.getByRole('heading', { level: 1, name: ACTIVITY.name })).toBeVisible();
    const comment = page.getByTestId('comment').last();
    await expect(comment).toContainText(COMMENT);
    await expect(comment.locator('.author')).toHaveText('Browser Test Member');
    await expect(page.getByTestId('watchers')).toContainText('Browser Test Member');

    // Signed in now: the same link opens the activity at once.
    await page.goto(link as string);
    await expect(page).toHaveURL(link as string);
    await expect(page.getByTestId('comment').last()).toContainText(COMMENT);
    await expectAccessible(page);
    await page.screenshot({ path: screenshot('activity-from-email-link'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('the admin finds the notification in the email log, sent through the custom route', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole('tab', { name: 'Email log' }).click();
  await expect(page).toHaveURL(/\/general-settings\/email-log$/);

  const row = page
    .getByTestId('email-log')
    .locator('tbody tr')
    .filter({ hasText: `commented on “${ACTIVITY.name}”` });
  await expect(row).toHaveCount(1);
  await expect(row.locator('[data-route="custom"]')).toHaveText(`Custom 127.0.0.1:${smtp.port}`);
  await expect(row).toContainText(E2E_ADMIN.email);
  await expect(row).toContainText('Sent');
  await expect(row).toContainText((notification?.messageId ?? 'no message id').replace(/^<|>$/g, ''));
  // Not this feature's page, and its wide table scrolls without keyboard access (axe
  // scrollable-region-focusable): reported to the email log's owner rather than checked here.
  await page.screenshot({ path: screenshot('email-log-comment-custom-route'), fullPage: true });
});

test('the admin goes back to the platform route', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await openSmtpPage(page);

  await revertToPlatformRoute(page);

  expect((await storedSettings(page)).mode).toBe('platform');
});

test('the member stops watching the activity, and watches it again', async ({ page }) => {
  await signIn(page, E2E_MEMBER);
  await page.goto(activityPath);
  await expect(page.getByRole('heading', { level: 1, name: ACTIVITY.name })).toBeVisible();
  await expect(page.getByTestId('watching')).toHaveText('You follow this activity.');
  // Adding or removing someone else is for admins.
  await expect(page.getByRole('heading', { name: 'Add someone' })).toHaveCount(0);
  await expect(page.getByTestId('watchers').getByRole('button')).toHaveCount(0);

  await page.getByRole('button', { name: 'Stop watching', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'You no longer follow this activity.' }),
  ).toBeAttached();
  await expect(page.getByTestId('watchers')).not.toContainText(E2E_MEMBER.name);
  await expect(page.getByTestId('watching')).toContainText('You do not follow this activity yet');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activity-stopped-watching'), fullPage: true });

  // The API kept it.
  await page.reload();
  await expect(page.getByTestId('watching')).toContainText('You do not follow this activity yet');
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You now follow this activity.' })).toBeAttached();
  await expect(page.getByTestId('watchers')).toContainText(`${E2E_MEMBER.name} (you)`);
  await expect(page.getByTestId('watching')).toHaveText('You follow this activity.');

  // Not following again, for the admin to add them.
  await page.getByRole('button', { name: 'Stop watching', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Watch', exact: true })).toBeVisible();
  await expect(page.getByTestId('watchers')).not.toContainText(E2E_MEMBER.name);
});

test('the admin adds the member as a watcher, who is emailed the next comment, then removes them', async ({
  page,
  baseURL,
}) => {
  await signIn(page, E2E_ADMIN);
  await page.goto(activityPath);
  await expect(page.getByRole('heading', { level: 1, name: ACTIVITY.name })).toBeVisible();
  await expect(page.getByTestId('watchers')).not.toContainText(E2E_MEMBER.name);

  const add = page.getByRole('button', { name: 'Add', exact: true });
  await add.click();
  await expect(page.getByTestId('watchers-problem')).toHaveText('Choose the member to add.');
  await chooseOption(page, 'Member to add', E2E_MEMBER.name);
  await add.click();
  await expect(
    page.getByRole('status').filter({ hasText: `${E2E_MEMBER.name} now follows this activity.` }),
  ).toBeAttached();
  await expect(page.getByTestId('watchers')).toContainText(E2E_MEMBER.name);
  await expect(page.getByTestId('watchers-problem')).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activity-watcher-added'), fullPage: true });

  // Back on the platform route: the member added hears of the admin's comment.
  const since = platformEmailCount();
  await page.getByLabel('Your comment').fill(ADMIN_COMMENT);
  await page.getByRole('button', { name: 'Add the comment' }).click();
  await expect(page.getByTestId('comment').last()).toContainText(ADMIN_COMMENT);
  const email = await waitForPlatformEmail(
    { to: E2E_MEMBER.email, subject: new RegExp(`commented on “${ACTIVITY.name}”$`) },
    since,
  );
  expect(email.text).toContain(ADMIN_COMMENT);
  expect(email.links).toContain(`${baseURL}${activityPath}`);

  await page.getByRole('button', { name: `Remove ${E2E_MEMBER.name}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${E2E_MEMBER.name} no longer follows this activity.` }),
  ).toBeAttached();
  await expect(page.getByTestId('watchers')).not.toContainText(E2E_MEMBER.name);
  await page.reload();
  await expect(page.getByTestId('watchers')).not.toContainText(E2E_MEMBER.name);
  await expect(page.getByTestId('watching')).toHaveText('You follow this activity.');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('activity-watcher-removed'), fullPage: true });
});
