import { expect, test } from '@playwright/test';
import { pseudoText } from '../src/web/i18n/pseudo-locale.ts';
import { jobsFixture } from './job-fixtures.ts';
import { catalogue, findUntranslatedText } from './support.ts';

const en = catalogue('en');
const pseudo = (id: string) => `[${pseudoText(en[id]!)}]`;

test.describe('pseudo-locale qps-ploc', () => {
  test('the check finds English text when the page is not pseudo-localised', async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['cities.title']!);
    const report = await findUntranslatedText(page);
    expect(report.untranslated.length).toBeGreaterThan(10);
  });

  test('the cities page has no hard-coded text', async ({ page }, testInfo) => {
    await page.goto('/?lang=qps-ploc');
    await expect(page.locator('html')).toHaveAttribute('lang', 'qps-ploc');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudo('cities.title'));
    await expect(page.locator('.safer-map')).toHaveAttribute('data-map-state', 'idle');
    const report = await findUntranslatedText(page);
    expect(report.untranslated).toEqual([]);
    expect(report.pseudo).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: testInfo.outputPath('cities-qps-ploc.png'), fullPage: true });
  });

  test('the jobs page has no hard-coded text, in each of its states', async ({ page }, testInfo) => {
    await page.goto('/jobs?lang=qps-ploc');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudo('jobs.title'));
    let report = await findUntranslatedText(page);
    expect(report.untranslated).toEqual([]);
    expect(report.pseudo).toBeGreaterThanOrEqual(10);

    await page.getByLabel(pseudo('jobs.token.label')).fill('not-the-token');
    await page.getByRole('button', { name: pseudo('jobs.token.submit') }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    report = await findUntranslatedText(page);
    expect(report.untranslated).toEqual([]);

    await page.route('**/api/v1/admin/jobs', (route) => route.fulfill({ json: jobsFixture }));
    await page.getByRole('button', { name: pseudo('jobs.token.submit') }).click();
    await expect(page.getByRole('table')).toBeVisible();
    report = await findUntranslatedText(page);
    expect(report.untranslated).toEqual([]);
    expect(report.pseudo).toBeGreaterThanOrEqual(30);
    await page.screenshot({ path: testInfo.outputPath('jobs-qps-ploc.png'), fullPage: true });
  });
});
