// Helpers of the city pages' end-to-end tests.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { operatorToken } from './support.ts';

export const auth = () => ({ authorization: `Bearer ${operatorToken()}` });

/** Creates a city on the real server (already there from an earlier test: fine). */
export async function ensureCity(
  request: APIRequestContext,
  city: { slug: string; name: string; country: string; timezone: string },
): Promise<void> {
  const created = await request.post('/api/v1/cities', { headers: auth(), data: city });
  expect([201, 409], await created.text()).toContain(created.status());
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical violations. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
  expect(results.passes.length, `axe ran its rules on ${what}`).toBeGreaterThan(10);
}

/** Gives the administrator token on an administrator page. */
export async function giveToken(page: Page, submitLabel: string): Promise<void> {
  await page.locator('#admin-token').fill(operatorToken());
  await page.getByRole('button', { name: submitLabel }).click();
}
