import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pseudoText } from '../src/web/i18n/pseudo-locale.ts';
import { ensureCity, expectNoSeriousViolations, giveToken } from './city-support.ts';
import { catalogue, findUntranslatedText } from './support.ts';

// The survey import page against the real server: the shipped standard modules XLSForm and an export of 151
// submissions (test/fixtures/survey, the last two rows bad) are uploaded through the page with the design columns;
// the import runs as a job, the page shows its totals, lists the survey and deletes it. The tests run in order.
test.describe.configure({ mode: 'serial' });

const city = { slug: 'e2e-survey-town', name: 'Survey Town', country: 'KEN', timezone: 'Africa/Nairobi' };
const surveysPath = `/cities/${city.slug}/surveys`;
const en = catalogue('en');
const root = new URL('../', import.meta.url);
const form = { name: 'safer-cities-standard-modules.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(new URL('forms/safer-cities-standard-modules.xlsx', root)) };
const data = { name: 'submissions.csv', mimeType: 'text/csv', buffer: readFileSync(new URL('test/fixtures/survey/standard-submissions.csv', root)) };
// The e2e city has no units: the mapping leaves the unit question out.
const mapping = JSON.parse(readFileSync(new URL('forms/safer-cities-standard-modules.mapping.json', root), 'utf8'));
delete mapping.respondent.unit;

test.beforeAll(async ({ request }) => {
  await ensureCity(request, city);
});

test('the city page links to the survey page, which offers the standard form', async ({ page, request }) => {
  await page.goto(`/cities/${city.slug}?lang=en`);
  await page.getByRole('link', { name: en['surveys.cityLink'] }).click();
  await expect(page).toHaveURL(new RegExp(`${surveysPath}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['surveys.title']!);
  const link = page.getByRole('link', { name: en['surveys.standardForm'] });
  const download = await request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByText(en['surveys.token.needed']!)).toBeVisible();
  await expectNoSeriousViolations(page, 'survey page without a token (en)');
});

test('a survey imported through the page shows its totals, is listed, then deleted', async ({ page }) => {
  await page.goto(`${surveysPath}?lang=en`);
  await giveToken(page, en['surveys.token.submit']!);
  await expect(page.getByText(en['surveys.past.empty']!)).toBeVisible();
  await expect(page.getByLabel(en['surveys.form.mapping']!)).toHaveValue(/safety_after_dark/);

  await page.getByRole('button', { name: en['surveys.form.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['surveys.form.noForm']!);
  await page.getByLabel(en['surveys.form.form']!).setInputFiles(form);
  await page.getByLabel(en['surveys.form.data']!).setInputFiles(data);
  await page.getByLabel(en['surveys.form.mapping']!).fill(JSON.stringify(mapping, null, 2));
  await page.getByLabel(en['surveys.form.weight']!).fill('weight');
  await page.getByLabel(en['surveys.form.strata']!).fill('stratum');
  await page.getByLabel(en['surveys.form.cluster']!).fill('cluster');
  await page.getByLabel(en['surveys.form.name']!).fill('Survey Town 2026');
  const upload = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cities/${city.slug}/surveys`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: en['surveys.form.submit'] }).click();
  expect((await upload).status()).toBe(202);
  const status = page.getByTestId('survey-status');
  await expect(status).toContainText(en['surveys.status.complete']!, { timeout: 45_000 });
  await expect(status).toContainText('151 rows read, 149 imported, 2 rejected');
  await expect(page.getByRole('link', { name: en['surveys.progress.rejections'] })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Survey Town 2026' });
  await expect(row).toContainText('16.1.4');
  await expect(row.getByRole('cell').nth(3)).toHaveText('149');
  await expectNoSeriousViolations(page, 'survey page after an import (en)');

  for (const locale of ['ar', 'zh'] as const) {
    const messages = catalogue(locale);
    await page.goto(`${surveysPath}?lang=${locale}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages['surveys.title']!);
    await expect(page.getByRole('columnheader', { name: messages['surveys.column.imported'] })).toBeVisible();
    await expectNoSeriousViolations(page, `survey page (${locale})`);
  }

  await page.goto(`${surveysPath}?lang=en`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /^Delete survey \d+$/ }).click();
  await expect(page.getByText(en['surveys.past.empty']!)).toBeVisible();
});

test('the survey page has no hard-coded text in the pseudo-locale', async ({ page }) => {
  const pseudo = (id: string) => `[${pseudoText(en[id]!)}]`;
  await page.goto(`${surveysPath}?lang=qps-ploc`);
  await giveToken(page, pseudo('surveys.token.submit'));
  await page.getByRole('button', { name: pseudo('surveys.form.submit') }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  const report = await findUntranslatedText(page);
  const title = `<title>: [${pseudo('surveys.title')} – ${city.name} – ${pseudo('app.name')}]`;
  expect(report.untranslated.filter((t) => t !== title)).toEqual([]);
  expect(report.pseudo).toBeGreaterThanOrEqual(20);
});
