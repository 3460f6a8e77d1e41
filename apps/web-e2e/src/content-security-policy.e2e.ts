import { expect, test } from '@playwright/test';
import { signIn, skipWhenChromiumMissing } from './support/browser-steps';
import { E2E_ADMIN } from './support/e2e-users';

skipWhenChromiumMissing();

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test('the app runs under its Content-Security-Policy: every page of the navigation, styled, nothing refused', async ({
  page,
}) => {
  // Registered before any of the page's own code runs; init scripts are not subject to the policy.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'}`),
    );
  });
  const loginPage = await page.goto('/login');
  expect(loginPage?.headers()['content-security-policy']).toContain("script-src 'self'");

  await signIn(page, E2E_ADMIN);
  const links = await page
    .getByRole('navigation')
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThan(3);
  for (const link of new Set(links)) {
    await page.goto(link);
    await expect(page.getByRole('heading').first()).toBeVisible();
    // The global stylesheet and the Material theme applied (not left at media="print").
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    expect(
      await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--mat-sys-primary'),
      ),
    ).not.toBe('');
    expect({ link, violations: await page.evaluate(() => window.cspViolations) }).toEqual({
      link,
      violations: [],
    });
  }
});
