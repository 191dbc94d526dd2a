import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { jobsFixture } from './job-fixtures.ts';

/** Runs axe (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical violations. */
async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
  expect(results.passes.length, `axe ran its rules on ${what}`).toBeGreaterThan(10);
}

for (const locale of ['en', 'ar'] as const) {
  test.describe(`accessibility in ${locale}`, () => {
    test('cities page', async ({ page }) => {
      await page.goto(`/?lang=${locale}`);
      await expect(page.locator('.safer-map')).toHaveAttribute('data-map-state', 'idle');
      await expectNoSeriousViolations(page, `cities (${locale})`);
    });

    test('jobs page: token form, refused token, job table', async ({ page }) => {
      await page.goto(`/jobs?lang=${locale}`);
      await expect(page.locator('#admin-token')).toBeVisible();
      await expectNoSeriousViolations(page, `jobs (${locale})`);

      await page.locator('#admin-token').fill('not-the-token');
      await page.locator('.token-form button[type=submit]').click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoSeriousViolations(page, `jobs with a refused token (${locale})`);

      await page.route('**/api/v1/admin/jobs', (route) => route.fulfill({ json: jobsFixture }));
      await page.locator('.token-form button[type=submit]').click();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousViolations(page, `jobs table (${locale})`);
    });

    test('keyboard: skip link and navigation', async ({ page }) => {
      await page.goto(`/?lang=${locale}`);
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      await expect(skip).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('#main')).toBeFocused();
      await page.locator('nav a[href="/jobs"]').focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/jobs$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    });
  });
}
