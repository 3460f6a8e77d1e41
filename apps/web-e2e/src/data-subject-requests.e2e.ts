import { expect, type Page, test } from '@playwright/test';
import {
  chooseOption,
  expectAccessible,
  screenshot,
  signIn,
  skipWhenChromiumMissing,
} from './support/browser-steps';
import { E2E_ADMIN, E2E_ORGANIZATION_NAME } from './support/e2e-users';
import { platformEmailCount, waitForPlatformEmail } from './support/mailbox';

// One story: record a request, write to the data subject, read what they receive, follow the delivery.
test.describe.configure({ mode: 'serial' });

skipWhenChromiumMissing();

/** A fresh address per run, so the mailbox search cannot find an email of an earlier run. */
const SUBJECT = { name: 'Jane Doe', email: `jane.doe+${Date.now()}@subject.web-e2e.test` };
const BODY = 'We have erased the personal data we held about you.\nThe erasure covers our newsletter list.';

let requestPath = '';
let reference = '';

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function openRequests(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main', exact: true })
    .getByRole('link', { name: 'Data subject requests' })
    .click();
  await expect(page).toHaveURL(/\/data-subject-requests$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Data subject requests' })).toBeVisible();
}

test('an admin records an erasure request and lands on it, due one month after receipt', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await openRequests(page);
  await expect(page.getByTestId('dsr-list').or(page.getByTestId('dsr-empty'))).toBeVisible();

  await page.getByRole('button', { name: 'New request' }).click();
  await expect(page.getByRole('button', { name: 'New request' })).toHaveAttribute('aria-expanded', 'true');

  // The browser checks first: nothing chosen, a malformed address.
  await field(page, 'Email of the data subject').fill('not-an-address');
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expect(page.getByTestId('dsr-new-problem')).toHaveText(
    'The request was not recorded: check the highlighted fields.',
  );
  await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Type of request' })).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('dsr-new-request-errors'), fullPage: true });

  await chooseOption(page, 'Type of request', 'Erasure (art. 17)');
  await field(page, 'Name of the data subject').fill(SUBJECT.name);
  await field(page, 'Email of the data subject').fill(SUBJECT.email);
  await page.getByRole('button', { name: 'Record the request' }).click();

  await expect(page).toHaveURL(/\/data-subject-requests\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/Erasure \(art\. 17\) — DSR-[0-9A-F]{8}/);
  reference = /DSR-[0-9A-F]{8}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
  requestPath = new URL(page.url()).pathname;

  const details = page.getByTestId('dsr-details');
  await expect(details).toContainText(`${SUBJECT.name} <${SUBJECT.email}>`);
  await expect(details).toContainText('The organization’s language');
  await expect(page.getByTestId('dsr-due')).toContainText(/Due in (2[89]|3[01]) days/);
  await expect(page.getByTestId('dsr-thread-empty')).toBeVisible();
  await expectAccessible(page);
});

test('the admin writes to the data subject: the email arrives, and the message shows Sent through the platform', async ({
  page,
}) => {
  expect(requestPath, 'the previous test recorded a request').not.toBe('');
  await signIn(page, E2E_ADMIN);
  await page.goto(requestPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Erasure (art. 17) — ${reference}`);

  // A blank message is refused in the page.
  await page.getByRole('button', { name: 'Send the message' }).click();
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(field(page, 'Message')).toBeFocused();

  const since = platformEmailCount();
  await field(page, 'Message').fill(BODY);
  await page.getByRole('button', { name: 'Send the message' }).click();

  const message = page.getByTestId('dsr-thread').locator('li[data-message]').last();
  await expect(message.locator('.body')).toHaveText(BODY);
  await expect(message.getByRole('heading', { level: 3 })).toHaveText(
    `Outgoing From ${E2E_ADMIN.email} to ${SUBJECT.name}`,
  );
  // Stored and queued in one transaction; the dispatcher may already have claimed it ("Sending").
  await expect(message.getByTestId('delivery-status')).toHaveText(/^\s*(Queued|Sending)\s*$/);
  await expect(field(page, 'Message')).toHaveValue('');
  await expect(page.getByTestId('dsr-announcement')).toHaveText(
    `Message queued for ${SUBJECT.email}. Refresh to follow its delivery.`,
  );

  const received = await waitForPlatformEmail(
    { to: SUBJECT.email, subject: new RegExp(`\\[${reference}\\]$`) },
    since,
  );
  expect(received.subject).toBe(`Your request to ${E2E_ORGANIZATION_NAME} [${reference}]`);
  expect(received.text).toContain(`Hello ${SUBJECT.name},`);
  expect(received.text).toContain(BODY);
  expect(received.text).toContain(`Reference of your request: ${reference}.`);

  // The page learns of the delivery when refreshed.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(message.getByTestId('delivery-status')).toHaveText('Sent', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(message.getByTestId('delivery-route')).toHaveText('Platform SMTP server');
  await expect(message.getByTestId('delivery-error')).toHaveCount(0);
  await expect(page.getByTestId('dsr-announcement')).toHaveText('Messages and delivery refreshed.');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('dsr-request-message-sent'), fullPage: true });
});

test('the list shows the request with its type, requester and due date', async ({ page }) => {
  expect(reference, 'the first test recorded a request').not.toBe('');
  await signIn(page, E2E_ADMIN);
  await openRequests(page);

  const row = page.getByTestId('dsr-list').locator(`tr[data-request="${reference}"]`);
  await expect(row).toContainText('Erasure (art. 17)');
  await expect(row).toContainText(SUBJECT.name);
  await expect(row).toContainText(SUBJECT.email);
  await expect(row.locator('[data-deadline]')).toContainText(/Due in \d+ days/);
  await row.getByRole('link', { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`${requestPath}$`));
  await page.getByRole('link', { name: 'All requests' }).click();
  await expect(page.getByTestId('dsr-list')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('dsr-list'), fullPage: true });
});
