import { expect, test } from '@playwright/test';
import type { TaskView, UserView, Page as ListPage } from '@mailroute/shared/contracts';
import {
  chooseOption,
  expectAccessible,
  screenshot,
  sessionToken,
  signIn,
  skipWhenChromiumMissing,
} from './support/browser-steps';
import { E2E_ADMIN, E2E_MEMBER } from './support/e2e-users';
import { platformEmailCount, type ReceivedEmail, waitForPlatformEmail } from './support/mailbox';

/**
 * Tasks end to end on the platform route: an admin assigns a task, with a description of several
 * lines, to a member, whose email links to it; the member moves it on, rewrites its description,
 * sets and removes its due date, and finds it by its status in the list; a task that is not
 * theirs refuses their change (403), and the page says so.
 */
test.describe.configure({ mode: 'serial' });
skipWhenChromiumMissing();

const TITLE = 'Review the retention period';
const DESCRIPTION = 'Payroll and CRM.\nAsk the DPO which law applies.';
const NEW_DESCRIPTION = 'Payroll: 5 years.\nCRM: 3 years after the last contact.';
const MEMBER_NAME = 'Browser Test Member';

let taskPath = '';
let assignedEmail: ReceivedEmail | undefined;

test('an admin creates a task assigned to a member, who is emailed', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByTestId('tasks').or(page.getByTestId('tasks-empty'))).toBeVisible();

  await page.getByRole('button', { name: 'Create the task' }).click();
  await expect(page.getByTestId('task-create-problem')).toHaveText('Check the highlighted fields.');
  await expect(page.getByText('This field is required.')).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('tasks-list-field-errors'), fullPage: true });

  const since = platformEmailCount();
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
  await chooseOption(page, 'Assignee', MEMBER_NAME);
  await page.getByLabel('Due date', { exact: true }).fill('2030-06-30');
  await page.getByRole('button', { name: 'Create the task' }).click();

  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  taskPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveText('Status: Open');
  await expect(page.getByLabel('Due date', { exact: true })).toHaveValue('2030-06-30');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue(DESCRIPTION);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('task-created'), fullPage: true });

  assignedEmail = await waitForPlatformEmail(
    { to: E2E_MEMBER.email, subject: new RegExp(`assigned you a task: ${TITLE}$`) },
    since,
  );
  expect(assignedEmail.text).toContain('Due date: 2030-06-30');

  await page.getByRole('link', { name: 'All tasks' }).click();
  const row = page.getByTestId('tasks').locator('tbody tr').first();
  await expect(row).toContainText(TITLE);
  await expect(row).toContainText(MEMBER_NAME);
  await expect(row).toContainText('Open');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('tasks-list'), fullPage: true });
});

test('the member opens the email’s link, moves the task on, sets and removes its due date', async ({
  page,
  baseURL,
}) => {
  const link = assignedEmail?.links.find((href) => href.includes('/tasks/'));
  expect(link).toBe(`${baseURL}${taskPath}`);
  await signIn(page, E2E_MEMBER);
  await page.goto(link as string);

  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('task-read-only')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Assignee' })).toContainText(`${MEMBER_NAME} (you)`);

  await expect(page.getByLabel('Description', { exact: true })).toHaveValue(DESCRIPTION);
  await chooseOption(page, 'Status', 'In progress');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('task-saved')).toHaveText('Saved.');
  await expect(page.getByTestId('task-status')).toHaveText('Status: In progress');

  const description = page.getByLabel('Description', { exact: true });
  await description.fill(NEW_DESCRIPTION);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('task-saved')).toHaveText('Saved.');
  await page.reload();
  await expect(description).toHaveValue(NEW_DESCRIPTION);

  const dueDate = page.getByLabel('Due date', { exact: true });
  await dueDate.fill('2030-07-15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('task-saved')).toHaveText('Saved.');
  await page.reload();
  await expect(dueDate).toHaveValue('2030-07-15');

  await page.getByRole('button', { name: 'Remove the due date' }).click();
  await expect(dueDate).toHaveValue('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('task-saved')).toHaveText('Saved.');
  await expect(page.getByRole('button', { name: 'Remove the due date' })).toBeDisabled();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('task-updated-by-assignee'), fullPage: true });

  // What the API stored, after a reload: in progress, its new description, no due date.
  await page.reload();
  await expect(page.getByTestId('task-status')).toHaveText('Status: In progress');
  await expect(description).toHaveValue(NEW_DESCRIPTION);
  await expect(dueDate).toHaveValue('');

  // Their own tasks, filtered.
  await page.getByRole('link', { name: 'All tasks' }).click();
  await page.getByRole('radio', { name: 'Assigned to me' }).click();
  const row = page.getByTestId('tasks').locator('tbody tr').filter({ hasText: TITLE });
  await expect(row).toContainText('In progress');
  await expect(row).toContainText('No due date');

  // By status: it is among those in progress, not among the open ones.
  await chooseOption(page, 'Status', 'Open');
  await expect(page.getByTestId('tasks').or(page.getByTestId('tasks-empty'))).toBeVisible();
  await expect(row).toHaveCount(0);
  await chooseOption(page, 'Status', 'In progress');
  await expect(row).toContainText('In progress');
  const statuses = page.getByTestId('tasks').locator('tbody tr .status');
  await expect(statuses).not.toHaveCount(0);
  for (const status of await statuses.allTextContents()) {
    expect(status.trim()).toBe('In progress');
  }
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('tasks-list-in-progress'), fullPage: true });
  await chooseOption(page, 'Status', 'Any status');
  await expect(row).toContainText('In progress');
});

test('a member cannot change a task that is not theirs, and is told so', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  const adminToken = await sessionToken(page);
  const headers = { authorization: `Bearer ${adminToken}` };
  const people = (await (
    await page.request.get('/api/users?pageSize=100', { headers })
  ).json()) as ListPage<UserView>;
  const admin = people.items.find((user) => user.email === E2E_ADMIN.email);
  const created = await page.request.post('/api/tasks', {
    headers,
    data: { title: 'Sign the processor agreement', assigneeId: admin?.id },
  });
  expect(created.status()).toBe(201);
  const task = (await created.json()) as TaskView;

  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await signIn(page, E2E_MEMBER);
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign the processor agreement' })).toBeVisible();
  await expect(page.getByTestId('task-read-only')).toContainText(
    'Only the task’s assignee, its creator or an administrator can change it.',
  );

  await chooseOption(page, 'Status', 'Done');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(
    page.getByRole('alert').filter({ hasText: 'You are not allowed to change this task' }),
  ).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveText('Status: Open');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('task-change-forbidden'), fullPage: true });
  await page.reload();
  await expect(page.getByTestId('task-status')).toHaveText('Status: Open');
});
