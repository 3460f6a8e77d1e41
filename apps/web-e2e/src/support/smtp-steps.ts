import { expect, type Page } from '@playwright/test';
import type { SmtpSettingsView } from '@mailroute/shared/contracts';
import type { TestSmtpServer } from '@mailroute/testing';
import { sessionToken } from './browser-steps';

/** A form field by its exact label (radio labels such as "usually port 465" also contain "port"). */
export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** General settings → SMTP server, from any page of the signed-in layout's General settings. */
export async function openSmtpPage(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'SMTP server' }).click();
  await expect(page).toHaveURL(/\/general-settings\/smtp$/);
}

/** The organization's SMTP settings as the API stores them, read with the page's session. */
export async function storedSettings(page: Page): Promise<SmtpSettingsView> {
  const response = await page.request.get('/api/organizations/current/smtp-settings', {
    headers: { authorization: `Bearer ${await sessionToken(page)}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as SmtpSettingsView;
}

/**
 * An admin, on the SMTP page, points the organization at `smtp` (implicit TLS, its CA trusted)
 * and saves: every stage must pass, and the organization's emails then leave through it.
 */
export async function saveCustomSmtpRoute(
  page: Page,
  smtp: TestSmtpServer,
  account: { username: string; password: string; sender: string },
): Promise<void> {
  await field(page, 'Host').fill('127.0.0.1');
  await field(page, 'Port').fill(String(smtp.port));
  await page.getByRole('radio', { name: /Implicit TLS/ }).check();
  await field(page, 'Username').fill(account.username);
  await field(page, 'Password').fill(account.password);
  await field(page, 'Sender address').fill(account.sender);
  await field(page, 'CA certificate (optional, PEM)').fill(smtp.ca);
  await page.getByRole('button', { name: 'Save and test' }).click();
  await expect(page.getByTestId('report-summary')).toContainText(
    'Saved: your emails now leave through 127.0.0.1.',
  );
  await expect(page.getByTestId('smtp-route')).toContainText(`127.0.0.1:${smtp.port}`);
}

/** "Stop using my SMTP", confirmed: the organization is back on the platform route. */
export async function revertToPlatformRoute(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop using my SMTP' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop using it' }).click();
  await expect(page.getByTestId('smtp-route')).toContainText('platform SMTP server');
}
