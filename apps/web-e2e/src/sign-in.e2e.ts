import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, skipWhenChromiumMissing } from './support/browser-steps';
import { E2E_ADMIN, E2E_ORGANIZATION_NAME } from './support/e2e-users';

skipWhenChromiumMissing();

test('an admin signs in through the real page and reaches the general settings', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/general-settings/);
  await expect(page.getByRole('heading', { name: 'General settings' })).toBeVisible();
  await expect(page.getByText(E2E_ORGANIZATION_NAME).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('signed-in-general-settings'), fullPage: true });

  // The session survives a reload of a deep link (served by the API's SPA fallback).
  await page.reload();
  await expect(page).toHaveURL(/\/general-settings/);
  await expect(page.getByRole('heading', { name: 'General settings' })).toBeVisible();
});

test('a wrong password is refused with a message and no hint of which part was wrong', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('sign-in-refused'), fullPage: true });
});

test('signing out returns to the sign-in page and protects the settings again', async ({ page }) => {
  await signIn(page, E2E_ADMIN);

  await page.getByRole('button', { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/general-settings');
  await expect(page).toHaveURL(/\/login/);
});

test('a signed-out visitor of an unknown address signs in and is told the page does not exist', async ({
  page,
}) => {
  await page.goto('/no-such-page');
  await expect(page).toHaveURL(/\/login\?returnUrl=%2Fno-such-page$/);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/no-such-page$/);
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: screenshot('not-found'), fullPage: true });
});

test('a crafted return address is not followed after sign-in', async ({ page }) => {
  await page.goto('/login?returnUrl=%2F%2Fevil.example%2F');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/general-settings/);
});
