import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, skipWhenChromiumMissing } from './support/browser-steps';
import { E2E_ADMIN, E2E_ORGANIZATION_NAME } from './support/e2e-users';
import { platformEmailCount, waitForPlatformEmail } from './support/mailbox';

// One story: the admin writes an audit and invites someone outside the organization, who answers
// through the emailed link (signed out); the admin is emailed and reads the answers.
test.describe.configure({ mode: 'serial' });

skipWhenChromiumMissing();

const RUN = Date.now().toString(36);
const TITLE = `Supplier GDPR audit ${RUN}`;
const RESPONDENT = { email: `dpo-${RUN}@supplier.example`, name: 'Dana Supplier' };
const YES_NO = 'Do you keep a register of processing activities?';
const TEXT = 'Who is your data protection officer?';
const DUE_DATE = `${new Date().getFullYear() + 1}-06-30`;

let auditUrl = '';
let respondLink = '';
let emailsBeforeAnswer = 0;

const question = (page: Page, number: number) => page.getByRole('group', { name: `Question ${number}` });

/** A page of a fresh browser context: no session, no stored language, as a respondent opens a link. */
async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

test('an admin creates an audit with a yes/no and a text question and invites an outside respondent', async ({
  page,
}) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await expect(page).toHaveURL(/\/audits$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audits' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All audits' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audits-list'), fullPage: true });

  await page.getByRole('button', { name: 'New audit' }).click();
  await expect(page.getByLabel('Title')).toBeFocused();

  // Submitted with an empty question: refused on that question, nothing sent.
  await page.getByLabel('Title').fill(TITLE);
  await page.getByRole('button', { name: 'Create the audit' }).click();
  await expect(page.getByTestId('create-audit-problem')).toContainText('correct the marked fields');
  await expect(question(page, 1)).toContainText('Fill in this field.');

  await question(page, 1).getByLabel('Question', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add a question' }).click();
  await expect(question(page, 2).getByLabel('Question', { exact: true })).toBeFocused();
  await page.keyboard.type(YES_NO);
  await question(page, 1).getByRole('radio', { name: 'Text' }).check();
  // The yes/no question goes first: moved up from the keyboard's reach, with a button.
  await question(page, 2).getByRole('button', { name: 'Move up' }).click();
  await expect(question(page, 1).getByLabel('Question', { exact: true })).toHaveValue(YES_NO);
  await expect(question(page, 1).getByRole('radio', { name: 'Yes or no' })).toBeChecked();
  await expect(question(page, 2).getByLabel('Question', { exact: true })).toHaveValue(TEXT);
  await expect(question(page, 2).getByRole('radio', { name: 'Text' })).toBeChecked();
  await expect(question(page, 2).getByRole('checkbox', { name: 'An answer is required' })).toBeChecked();
  await page.getByLabel('Due date (optional)').fill(DUE_DATE);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audits-create'), fullPage: true });

  await page.getByRole('button', { name: 'Create the audit' }).click();
  await expect(page).toHaveURL(/\/audits\/[0-9a-f-]{36}$/);
  auditUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('audit-questions')).toContainText('Questions (2)');
  await expect(page.getByTestId('respondents-empty')).toBeVisible();

  const since = platformEmailCount();
  await page.getByLabel('Email address').fill(RESPONDENT.email);
  await page.getByLabel('Name (optional)').fill(RESPONDENT.name);
  await page.getByRole('button', { name: 'Add and send the invitation' }).click();

  const row = page.locator(`tr[data-respondent="${RESPONDENT.email}"]`);
  await expect(row).toContainText(RESPONDENT.name);
  await expect(row.locator('[data-status]')).toHaveText(/Invited/);
  await expect(row).toContainText('Invited ');
  await expect(row.getByRole('button', { name: `Send a reminder to ${RESPONDENT.email}` })).toBeEnabled();
  await expect(page.getByTestId('audit-answered')).toHaveText('0 of 1 answered');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-detail-invited'), fullPage: true });

  const invitation = await waitForPlatformEmail(
    { to: RESPONDENT.email, subject: /asks you to answer the audit/ },
    since,
  );
  expect(invitation.subject).toContain(TITLE);
  respondLink = invitation.links.find((link) => link.includes('/audits/respond/')) ?? '';
  expect(respondLink).toMatch(/\/audits\/respond\/[^/]+$/);
});

test('the respondent opens the emailed link signed out, is told what is missing, and answers once', async ({
  browser,
}) => {
  const page = await signedOutPage(browser);
  await page.goto(respondLink);

  await expect(page).toHaveURL(respondLink);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('respond-organization')).toContainText(E2E_ORGANIZATION_NAME);
  await expect(page.getByTestId('respond-due-date')).toContainText(String(new Date().getFullYear() + 1));
  const yesNo = page.getByRole('radiogroup', { name: new RegExp(YES_NO) });
  const text = page.getByRole('textbox', { name: new RegExp(TEXT) });
  await expect(yesNo).toContainText('Yes');
  await expect(page.getByTestId('answer-0')).toContainText('(required)');
  await expect(text).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-respond-questions'), fullPage: true });

  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect(page.getByTestId('respond-problem')).toContainText('2 question(s) need your attention');
  await expect(page.getByTestId('answer-0')).toContainText('An answer is required.');
  await expect(page.getByTestId('answer-1')).toContainText('An answer is required.');
  await expect(yesNo.getByRole('radio', { name: 'Yes' })).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-respond-required'), fullPage: true });

  await yesNo.getByRole('radio', { name: 'Yes' }).check();
  await text.fill('Dana Supplier, dpo@supplier.example');
  emailsBeforeAnswer = platformEmailCount();
  await page.getByRole('button', { name: 'Submit my answers' }).click();

  const outcome = page.getByTestId('respond-answered');
  await expect(outcome.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(outcome.getByTestId('respond-given-answers')).toContainText(`${YES_NO}Yes`);
  await expect(outcome.getByTestId('respond-given-answers')).toContainText(
    'Dana Supplier, dpo@supplier.example',
  );
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-respond-thanks'), fullPage: true });

  // Opened again: already answered, with their answers, and no form.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'You have already answered' })).toBeVisible();
  await expect(page.getByTestId('respond-given-answers')).toContainText(
    'Dana Supplier, dpo@supplier.example',
  );
  await expect(page.getByRole('button', { name: 'Submit my answers' })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-respond-already-answered'), fullPage: true });

  // A link that is not (or no longer) one says so.
  await page.goto(respondLink.replace(/[^/]+$/, 'not-a-real-token'));
  await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-respond-unknown-link'), fullPage: true });
  await page.context().close();
});

test('the admin is emailed that the respondent answered; its link shows the status and the answers', async ({
  page,
}) => {
  const email = await waitForPlatformEmail(
    { to: E2E_ADMIN.email, subject: /answered the audit/ },
    emailsBeforeAnswer,
  );
  expect(email.subject).toBe(`${RESPONDENT.name} answered the audit “${TITLE}”`);
  const link = email.links.find((candidate) => /\/audits\/[0-9a-f-]{36}$/.test(candidate)) ?? '';
  expect(link).toBe(auditUrl);

  // Signed out first, as someone opening the email: sign in, then back on the audit.
  await page.goto(link);
  await expect(page).toHaveURL(/\/login\?returnUrl=/);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(auditUrl);

  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const row = page.locator(`tr[data-respondent="${RESPONDENT.email}"]`);
  await expect(row.locator('[data-status]')).toHaveText(/Answered/);
  await expect(row).toContainText('Answered ');
  await expect(row.getByRole('button', { name: 'Send a reminder' })).toBeDisabled();
  await expect(row).toContainText('Already answered: no reminder needed.');
  await expect(page.getByTestId('audit-answered')).toHaveText('1 of 1 answered');
  await expect(page.getByTestId('questions-locked')).toContainText('can no longer change');

  const answers = page.locator(`[data-answers-of="${RESPONDENT.email}"]`);
  await expect(answers.getByRole('heading', { name: RESPONDENT.name })).toBeVisible();
  await expect(answers).toContainText(`${YES_NO}Yes`);
  await expect(answers).toContainText(`${TEXT}Dana Supplier, dpo@supplier.example`);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('audit-detail-answered'), fullPage: true });
});
