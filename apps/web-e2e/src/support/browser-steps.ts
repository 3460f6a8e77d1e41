import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'test-output', 'web-e2e', 'screenshots');

export const screenshot = (name: string) => join(SCREENSHOT_DIR, `${name}.png`);

/** Skips every test of the file when global-setup found no Chromium (it says why). */
export function skipWhenChromiumMissing(): void {
  test.beforeEach(() => {
    test.skip(process.env['MAILROUTE_E2E_SKIP'] !== undefined, process.env['MAILROUTE_E2E_SKIP']);
  });
}

export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/general-settings/);
}

/** The signed-in page's bearer token, to call the API beside the page; empty when signed out. */
export async function sessionToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('mailroute.session');
    return raw === null ? '' : ((JSON.parse(raw) as { accessToken?: string }).accessToken ?? '');
  });
}

/**
 * Picks an option of a Material select as a user does: opens it, waits for its list, chooses, and
 * waits for the list to close and the choice to show. Opening again while the previous panel is
 * still closing would find that panel's options, detached a moment later, and never open a new one.
 */
export async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  const select = page.getByRole('combobox', { name: combobox });
  const listbox = page.getByRole('listbox', { name: combobox });
  await expect(listbox).toBeHidden();
  await select.click();
  await expect(listbox).toBeVisible();
  await listbox.getByRole('option', { name: option, exact: true }).click();
  await expect(listbox).toBeHidden();
  await expect(select).toContainText(option);
}

/**
 * axe-core's WCAG 2 A/AA rules on the page as it is now: no serious or critical violation. Each
 * violation is reported with its rule, impact and the elements it found.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // Measured mid-animation, a fading-in error text has too little contrast (axe composites the
  // opacity): wait until every finite animation (not a spinner's endless one) has finished.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}
