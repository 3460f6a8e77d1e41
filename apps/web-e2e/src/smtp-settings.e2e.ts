import { expect, type Page, test } from '@playwright/test';
import { startTestSmtpServer, type TestSmtpServer } from '@mailroute/testing';
import {
  chooseOption,
  expectAccessible,
  screenshot,
  sessionToken,
  signIn,
  skipWhenChromiumMissing,
} from './support/browser-steps';
import { E2E_ADMIN, E2E_MEMBER } from './support/e2e-users';
import { field, openSmtpPage, storedSettings } from './support/smtp-steps';

const SMTP_USER = { username: 'app@acme.test', password: 'Right-SMTP-Password-42' };
const SENDER = 'notify@acme.test';

// One organization, one story: configure, fail safely, check the log, revert, then a member.
test.describe.configure({ mode: 'serial' });

let smtp: TestSmtpServer;

test.beforeAll(async () => {
  if (process.env['MAILROUTE_E2E_SKIP'] === undefined) {
    smtp = await startTestSmtpServer({ security: 'tls', host: '127.0.0.1', users: [SMTP_USER] });
  }
});

test.afterAll(async () => {
  await smtp?.close();
});

skipWhenChromiumMissing();

/** The toolbar's EN / FR switch (exact names: "contenu" contains "en"). */
async function switchLanguage(page: Page, code: 'EN' | 'FR'): Promise<void> {
  await page
    .getByRole('radio', { name: code, exact: true })
    .or(page.getByRole('button', { name: code, exact: true }))
    .first()
    .click();
}

test('an admin saves valid settings: every stage passes and the test email arrives', async ({ page }) => {
  smtp.clear();
  await signIn(page, E2E_ADMIN);
  await openSmtpPage(page);

  await expect(page.getByTestId('smtp-route')).toContainText('platform SMTP server');
  await expect(page.getByTestId('smtp-warning')).toContainText('can make sending unstable');
  await expect(field(page, 'Port')).toHaveValue('25');
  await expect(field(page, 'Send the test email to')).toHaveValue(E2E_ADMIN.email);

  // 465 suggests implicit TLS; the test server listens on a free port with implicit TLS.
  await field(page, 'Port').fill('465');
  await expect(page.getByRole('radio', { name: /Implicit TLS/ })).toBeChecked();
  await expect(page.getByTestId('smtp-pairing')).toContainText('Security set to');
  await field(page, 'Host').fill('127.0.0.1');
  await field(page, 'Port').fill(String(smtp.port));
  await field(page, 'Username').fill(SMTP_USER.username);
  await field(page, 'Password').fill(SMTP_USER.password);
  await field(page, 'Sender address').fill(SENDER);
  await field(page, 'CA certificate (optional, PEM)').fill(smtp.ca);

  await page.getByRole('button', { name: 'Save and test' }).click();

  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText('Saved: your emails now leave through 127.0.0.1.');
  await expect(summary).toContainText(`The test email was sent to ${E2E_ADMIN.email}`);
  await expect(page.getByTestId('smtp-announcement')).toContainText('Every stage passed');
  const stages = page.locator('[data-stage]');
  for (const stage of ['resolve', 'policy', 'connect', 'tls', 'greeting', 'ehlo', 'auth', 'sender', 'send']) {
    await expect(page.locator(`[data-stage="${stage}"]`)).toContainText('Passed');
  }
  await expect(stages.filter({ hasText: 'Failed' })).toHaveCount(0);

  const [received] = await smtp.waitForMessages(1, { timeoutMs: 10_000 });
  expect(received?.envelope.rcptTo).toEqual([E2E_ADMIN.email]);
  expect(received?.envelope.mailFrom).toBe(SENDER);

  await expect(page.getByTestId('smtp-route')).toContainText(`127.0.0.1:${smtp.port}`);
  await expect(page.getByTestId('smtp-password-stored')).toBeVisible();
  await expect(page.getByTestId('smtp-history')).toContainText('Activated');
  await expect(page.getByTestId('smtp-history')).toContainText('Password (changed)');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('smtp-saved-all-stages-green'), fullPage: true });
});

test('a wrong password fails at the auth stage with its hint and changes nothing', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await openSmtpPage(page);
  const before = await storedSettings(page);
  expect(before.mode).toBe('custom');
  // Earlier files may have changed the settings too: count this test's rows from here.
  const historyRows = page.getByTestId('smtp-history').locator('tbody tr');
  await expect(historyRows.first()).toBeVisible();
  const rowsBefore = await historyRows.count();

  await page.getByRole('button', { name: 'Change password' }).click();
  await field(page, 'Password').fill('Wrong-SMTP-Password');
  // The stored CA is only summarised; left empty, it is kept.
  await expect(field(page, 'CA certificate (optional, PEM)')).toHaveValue('');
  await page.getByRole('button', { name: 'Save and test' }).click();

  const auth = page.locator('[data-stage="auth"]');
  await expect(auth).toContainText('Failed');
  await expect(auth).toContainText('What to do');
  await expect(auth).toBeFocused();
  await expect(page.getByTestId('report-summary')).toContainText(
    'The test failed at the “Authentication” stage. Nothing was changed',
  );
  await expect(page.getByTestId('smtp-announcement')).toContainText('Authentication');
  // The form keeps what was typed.
  await expect(field(page, 'Password')).toHaveValue('Wrong-SMTP-Password');

  // The hint follows the interface language.
  const englishHint = await auth.locator('.hint').innerText();
  await switchLanguage(page, 'FR');
  await expect(auth).toContainText('Que faire');
  expect(await auth.locator('.hint').innerText()).not.toBe(englishHint);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('smtp-wrong-password-auth-stage'), fullPage: true });
  await switchLanguage(page, 'EN');

  const after = await storedSettings(page);
  expect(after).toEqual(before);
  await page.reload();
  await expect(historyRows).toHaveCount(rowsBefore);
});

test('the test email is in the log, sent through the custom route', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole('tab', { name: 'Email log' }).click();
  await expect(page).toHaveURL(/\/general-settings\/email-log$/);

  const row = page.getByTestId('email-log').locator('tbody tr').filter({ hasText: 'SMTP test' }).first();
  await expect(row).toBeVisible();
  await expect(row.locator('[data-route="custom"]')).toContainText(`Custom 127.0.0.1:${smtp.port}`);
  await expect(row).toContainText(E2E_ADMIN.email);
  await expect(row).toContainText('Sent');

  // Filters: no failed email in this organization.
  await chooseOption(page, 'Status', 'Failed');
  await expect(page.getByTestId('email-log-empty')).toBeVisible();
  await chooseOption(page, 'Status', 'Sent');
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('email-log-custom-route'), fullPage: true });
});

test('an admin goes back to the platform SMTP after confirming', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await openSmtpPage(page);

  await page.getByRole('button', { name: 'Stop using my SMTP' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Stop using your SMTP server?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('smtp-route')).toContainText(`127.0.0.1:${smtp.port}`);

  await page.getByRole('button', { name: 'Stop using my SMTP' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop using it' }).click();

  await expect(page.getByTestId('smtp-route')).toContainText('platform SMTP server');
  await expect(page.getByTestId('smtp-notice')).toContainText('platform SMTP server again');
  await expect(page.getByTestId('smtp-history')).toContainText('Back to platform');
  expect((await storedSettings(page)).mode).toBe('platform');
  await page.screenshot({ path: screenshot('smtp-reverted-to-platform'), fullPage: true });
});

test('an admin tests settings without saving them, using the keyboard only', async ({ page }) => {
  smtp.clear();
  await signIn(page, E2E_ADMIN);
  await openSmtpPage(page);
  expect((await storedSettings(page)).mode).toBe('platform');

  // Typing moves through the form with Tab, in reading order.
  await field(page, 'Host').focus();
  await page.keyboard.type('127.0.0.1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(smtp.port));
  await expect(field(page, 'Port')).toHaveValue(String(smtp.port));
  await page.getByRole('radio', { name: /Implicit TLS/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /Implicit TLS/ })).toBeChecked();
  await field(page, 'Username').focus();
  await page.keyboard.type(SMTP_USER.username);
  await page.keyboard.press('Tab');
  await expect(field(page, 'Password')).toBeFocused();
  await page.keyboard.type(SMTP_USER.password);
  await field(page, 'Sender address').focus();
  await page.keyboard.type(SENDER);
  await field(page, 'CA certificate (optional, PEM)').fill(smtp.ca);

  await page.getByRole('button', { name: 'Test without saving' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('report-summary')).toContainText(
    `Every stage passed. The test email was sent to ${E2E_ADMIN.email}`,
  );
  await expect(page.getByTestId('smtp-announcement')).toContainText('Every stage passed');
  await smtp.waitForMessages(1, { timeoutMs: 10_000 });
  // Nothing was stored: the organization still uses the platform.
  await expect(page.getByTestId('smtp-route')).toContainText('platform SMTP server');
  expect((await storedSettings(page)).mode).toBe('platform');
  await page.screenshot({ path: screenshot('smtp-test-without-saving'), fullPage: true });
});

test('a member sees a read-only notice and the API refuses changes', async ({ page }) => {
  await signIn(page, E2E_MEMBER);
  await openSmtpPage(page);

  await expect(page.getByTestId('smtp-read-only')).toContainText('Only your organization’s administrators');
  await expect(page.getByRole('button', { name: 'Save and test' })).toHaveCount(0);
  await expect(field(page, 'Host')).toHaveCount(0);

  const response = await page.request.put('/api/organizations/current/smtp-settings', {
    headers: { authorization: `Bearer ${await sessionToken(page)}` },
    data: {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'tls',
      username: 'x',
      password: 'y',
      senderAddress: SENDER,
    },
  });
  expect(response.status()).toBe(403);

  await page.getByRole('tab', { name: 'Email log' }).click();
  await expect(page.getByTestId('email-log-read-only')).toBeVisible();
  await page.screenshot({ path: screenshot('smtp-member-read-only'), fullPage: true });
});
