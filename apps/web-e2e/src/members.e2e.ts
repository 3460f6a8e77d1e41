import { type Browser, expect, type Page, test } from '@playwright/test';
import type { InvitationView, Page as ListPage, UserView } from '@mailroute/shared/contracts';
import {
  chooseOption,
  expectAccessible,
  screenshot,
  sessionToken,
  signIn,
  skipWhenChromiumMissing,
} from './support/browser-steps';
import { E2E_ADMIN, E2E_MEMBER, E2E_ORGANIZATION_NAME } from './support/e2e-users';
import { platformEmailCount, type ReceivedEmail, waitForPlatformEmail } from './support/mailbox';

// One story on the shared organization: invite, accept, change the role, remove; then the links
// that no longer work. Every user and invitation added here is removed again at the end.
test.describe.configure({ mode: 'serial' });

skipWhenChromiumMissing();

// Each run starts on a fresh database (global-setup), so fixed addresses do not collide.
const INVITEE = { email: 'nova@web-e2e.test', name: 'Nova Invitee', password: 'invitee-password-42' };
const SECOND = 'grace@web-e2e.test';
const ADDED: readonly string[] = [INVITEE.email, SECOND];
const INVITATION_SUBJECT = new RegExp(`invites you to join ${E2E_ORGANIZATION_NAME} on Mailroute`);

/** The acceptance link of an invitation email, as the person clicks it. */
function invitationLink(email: ReceivedEmail): string {
  const link = email.links.find((candidate) => /\/invitations\/[A-Za-z0-9_-]+$/.test(candidate));
  expect(link, `an invitation link in "${email.subject}"`).toBeDefined();
  return link as string;
}

async function openMembers(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Members' }).click();
  await expect(page).toHaveURL(/\/general-settings\/members$/);
  await expect(page.getByRole('heading', { name: 'Members', exact: true })).toBeVisible();
}

async function invite(page: Page, email: string): Promise<void> {
  invitedSomeone = true;
  const form = page.getByTestId('invite-form');
  await form.getByLabel('Email address').fill(email);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}.` })).toBeAttached();
}

const pendingRow = (page: Page, email: string) =>
  page.getByTestId('invitations-list').locator(`tr[data-email="${email}"]`);
const memberRow = (page: Page, email: string) =>
  page.getByTestId('members-list').locator(`tr[data-email="${email}"]`);

/** A person who has never signed in here: a browser context of their own, with no session. */
async function freshBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function api<T>(
  page: Page,
  method: 'GET' | 'DELETE',
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await page.request.fetch(path, {
    method,
    headers: { authorization: `Bearer ${await sessionToken(page)}` },
  });
  const text = await response.text();
  return { status: response.status(), body: (text === '' ? undefined : JSON.parse(text)) as T };
}

test.afterAll(async ({ browser }) => {
  if (!invitedSomeone) {
    return;
  }
  // Whatever a failed step left behind: the next files expect the organization as it was.
  const page = await freshBrowser(browser);
  await signIn(page, E2E_ADMIN);
  const users = await api<ListPage<UserView>>(page, 'GET', '/api/users?pageSize=100');
  for (const user of users.body.items.filter((item) => ADDED.includes(item.email))) {
    await api(page, 'DELETE', `/api/users/${user.id}`);
  }
  const invitations = await api<ListPage<InvitationView>>(page, 'GET', '/api/invitations?pageSize=100');
  for (const invitation of invitations.body.items.filter((item) => ADDED.includes(item.email))) {
    await api(page, 'DELETE', `/api/invitations/${invitation.id}`);
  }
  await page.context().close();
});

let acceptLink = '';
/** Set before the first invitation, so the clean-up runs only when there may be something to clean. */
let invitedSomeone = false;

test('an admin invites an address; its holder opens the emailed link, accepts and is signed in', async ({
  page,
  browser,
}) => {
  const since = platformEmailCount();
  await signIn(page, E2E_ADMIN);
  await openMembers(page);
  await expect(memberRow(page, E2E_ADMIN.email)).toContainText('(you)');

  await invite(page, INVITEE.email);
  await expect(pendingRow(page, INVITEE.email)).toContainText('Pending');
  await expect(pendingRow(page, INVITEE.email)).toContainText('Member');

  const email = await waitForPlatformEmail({ to: INVITEE.email, subject: INVITATION_SUBJECT }, since);
  expect(email.subject).toBe(`Administrator invites you to join ${E2E_ORGANIZATION_NAME} on Mailroute`);
  acceptLink = invitationLink(email);
  expect(new URL(acceptLink).origin).toBe(new URL(page.url()).origin);

  // The email log says it left through the platform's server: the admin sees it beside the invitation.
  await page.reload();
  await expect(pendingRow(page, INVITEE.email).getByTestId('invitation-delivery')).toContainText('Sent');
  await expect(pendingRow(page, INVITEE.email).getByTestId('invitation-delivery')).toContainText(
    'through the platform’s SMTP server',
  );
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('members-admin-invitation-pending'), fullPage: true });

  const invitee = await freshBrowser(browser);
  await invitee.goto(acceptLink);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(`Join ${E2E_ORGANIZATION_NAME}`);
  await expect(invitee.getByTestId('invitation-intro')).toHaveText(
    `Administrator invites you to join ${E2E_ORGANIZATION_NAME} on Mailroute.`,
  );
  const facts = invitee.getByTestId('invitation-facts');
  await expect(facts).toContainText(`Organization${E2E_ORGANIZATION_NAME}`);
  await expect(facts).toContainText('Invited byAdministrator');
  await expect(facts).toContainText('Your roleMember');
  await expect(facts).toContainText(`Your sign-in email${INVITEE.email}`);
  await expectAccessible(invitee);
  await invitee.screenshot({ path: screenshot('invitation-accept'), fullPage: true });

  // Too short first: said next to the field, in the reader's words, before anything is sent.
  await invitee.getByLabel('Your name').fill(INVITEE.name);
  await invitee.getByLabel('Choose a password').fill('short');
  await invitee.getByLabel('Repeat the password').fill('short');
  await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(invitee.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(invitee.getByLabel('Choose a password')).toBeFocused();
  await expectAccessible(invitee);
  await invitee.screenshot({ path: screenshot('invitation-accept-password-too-short'), fullPage: true });

  await invitee.getByLabel('Choose a password').fill(INVITEE.password);
  await invitee.getByLabel('Repeat the password').fill(INVITEE.password);
  await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(invitee).toHaveURL(/\/general-settings/);
  await expect(invitee.getByRole('heading', { name: 'General settings' })).toBeVisible();
  expect(await sessionToken(invitee)).not.toBe('');

  // The new member sees the list read-only.
  await openMembers(invitee);
  await expect(invitee.getByTestId('members-read-only')).toContainText('Only administrators');
  await expect(memberRow(invitee, INVITEE.email)).toContainText(`${INVITEE.name} (you)`);
  await expect(invitee.getByRole('heading', { name: 'Invitations' })).toHaveCount(0);
  await expectAccessible(invitee);
  await invitee.screenshot({ path: screenshot('members-member-read-only'), fullPage: true });

  // The admin: the invitation has left the pending list, its person is a member.
  await page.reload();
  await expect(memberRow(page, INVITEE.email)).toContainText(INVITEE.name);
  await expect(pendingRow(page, INVITEE.email)).toHaveCount(0);

  await chooseOption(page, `Role of ${INVITEE.name}`, 'Administrator');
  await expect(
    page.getByRole('status').filter({ hasText: `${INVITEE.name} is now Administrator.` }),
  ).toBeAttached();
  await page.reload();
  await expect(memberRow(page, INVITEE.email).getByRole('combobox')).toContainText('Administrator');

  await memberRow(page, INVITEE.email)
    .getByRole('button', { name: `Remove ${INVITEE.name}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Remove ${INVITEE.name}?` });
  await expect(dialog).toContainText(
    `${INVITEE.name} (${INVITEE.email}) loses access to ${E2E_ORGANIZATION_NAME}`,
  );
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('members-remove-confirm'), fullPage: true });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toBeHidden();
  await expect(memberRow(page, INVITEE.email)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${INVITEE.name} was removed` })).toBeAttached();

  // The removed person's next action is refused: their session ends on the sign-in page.
  await invitee.getByRole('tab', { name: 'Organization' }).click();
  await invitee.getByRole('tab', { name: 'Members' }).click();
  await expect(invitee).toHaveURL(/\/login/);
  expect(await sessionToken(invitee)).toBe('');

  // The used link says so, with the way forward.
  await invitee.goto(acceptLink);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('This invitation was already accepted');
  await expect(invitee.getByTestId('invitation-refused')).toContainText('sign in with its email address');
  await expect(invitee.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.screenshot({ path: screenshot('invitation-already-accepted'), fullPage: true });
  await invitee.context().close();
});

test('a resent invitation replaces its link; a revoked one says so; an unknown link too', async ({
  page,
  browser,
}) => {
  await signIn(page, E2E_ADMIN);
  await openMembers(page);

  // Addresses that already have an account are refused next to the field.
  await page.getByTestId('invite-form').getByLabel('Email address').fill(E2E_MEMBER.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('invite-form')).toContainText('This address already has an account');
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('members-invite-already-registered'), fullPage: true });

  const firstSince = platformEmailCount();
  await invite(page, SECOND);
  const firstLink = invitationLink(
    await waitForPlatformEmail({ to: SECOND, subject: INVITATION_SUBJECT }, firstSince),
  );

  const resendSince = platformEmailCount();
  await pendingRow(page, SECOND)
    .getByRole('button', { name: `Resend the invitation to ${SECOND}` })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: `A new link was sent to ${SECOND}` }),
  ).toBeAttached();
  const secondLink = invitationLink(
    await waitForPlatformEmail({ to: SECOND, subject: INVITATION_SUBJECT }, resendSince),
  );
  expect(secondLink).not.toBe(firstLink);

  const holder = await freshBrowser(browser);
  await holder.goto(firstLink);
  await expect(holder.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not work');
  await expect(holder.getByTestId('invitation-refused')).toContainText(
    'ask an administrator of the organization',
  );
  await expectAccessible(holder);
  await holder.screenshot({ path: screenshot('invitation-link-replaced'), fullPage: true });

  await pendingRow(page, SECOND)
    .getByRole('button', { name: `Revoke the invitation to ${SECOND}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Revoke the invitation to ${SECOND}?` });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toBeHidden();
  await expect(pendingRow(page, SECOND)).toHaveCount(0);

  await holder.goto(secondLink);
  await expect(holder.getByRole('heading', { level: 1 })).toHaveText('This invitation was withdrawn');
  await expect(holder.getByTestId('invitation-refused')).toContainText('ask them for a new invitation');
  await expectAccessible(holder);
  await holder.screenshot({ path: screenshot('invitation-revoked'), fullPage: true });

  await holder.goto('/invitations/not-a-real-invitation-token');
  await expect(holder.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not work');
  await holder.context().close();
});
