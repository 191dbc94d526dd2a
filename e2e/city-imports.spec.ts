import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { pseudoText } from '../src/web/i18n/pseudo-locale.ts';
import { ensureCity, expectNoSeriousViolations, giveToken } from './city-support.ts';
import { catalogue, findUntranslatedText } from './support.ts';

// The import page and the city page against the real server: a city is created, 2,761 San
// Francisco robberies (test/fixtures/incidents) plus three bad rows are imported through the page,
// counted on the city page, then the import is undone. The tests run in this order.
test.describe.configure({ mode: 'serial' });

const city = { slug: 'e2e-san-francisco', name: 'San Francisco', country: 'USA', timezone: 'America/Los_Angeles' };
const importsPath = `/cities/${city.slug}/imports`;
const en = catalogue('en');
const fr = catalogue('fr');

const robberies = readFileSync(new URL('../test/fixtures/incidents/sfcrime2012_sf_robbery.csv', import.meta.url), 'utf8');
const badRows = [
  '900000001,0,0,"ROBBERY","X","Sunday",2012-13-45,1899-12-30,"X","NONE","X",-122.41,37.77,-122.41,37.77',
  '900000002,0,0,"BURGLARY","X","Sunday",2012-08-01,1899-12-30,"X","NONE","X",-122.41,37.77,-122.41,37.77',
  '900000003,0,0,"ROBBERY","X","Sunday",2012-08-01,1899-12-30,"X","NONE","X",-122.41,37.77,abc,37.77',
];
const file = { name: 'robberies-2012.csv', mimeType: 'text/csv', buffer: Buffer.from(`${robberies.trimEnd()}\n${badRows.join('\n')}\n`) };
const profile = JSON.stringify({
  source: 'police',
  occurredAt: { date: 'Date', format: 'yyyy-MM-dd' },
  location: { lon: 'lon', lat: 'lat' },
  category: { column: 'Category', map: { ROBBERY: '0401' }, unmapped: 'reject' },
});

test.beforeAll(async ({ request }) => {
  await ensureCity(request, city);
});

const total = (page: Page, id: string) => page.locator('.totals > div').filter({ hasText: en[id]! }).locator('dd');

test('the cities list links to the city page, and the city page to its import page', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.getByRole('link', { name: city.name }).click();
  await expect(page).toHaveURL(new RegExp(`/cities/${city.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(city.name);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('United States')).toBeVisible();
  await page.getByRole('link', { name: en['city.importsLink'] }).click();
  await expect(page).toHaveURL(new RegExp(`${importsPath}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['imports.title']!);
  await expect(page.getByText(en['imports.token.needed']!)).toBeVisible();
  await expectNoSeriousViolations(page, 'import page without a token (en)');
});

test('an import through the page shows its progress, then its totals and rejected rows', async ({ page }, testInfo) => {
  await page.goto(`${importsPath}?lang=en`);
  await giveToken(page, en['imports.token.submit']!);
  await expect(page.getByText(en['imports.past.empty']!)).toBeVisible();

  // Client-side checks first: no file, then a profile that is not JSON.
  await page.getByRole('button', { name: en['imports.form.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['imports.form.noFile']!);
  await page.getByLabel(en['imports.form.file']!).setInputFiles(file);
  await page.getByLabel(en['imports.form.profile']!).fill('{ "source": ');
  await page.getByRole('button', { name: en['imports.form.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(en['imports.form.badJson']!);
  await expect(page.getByLabel(en['imports.form.profile']!)).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel(en['imports.form.profile']!).fill(profile);
  const upload = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cities/${city.slug}/imports`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: en['imports.form.submit'] }).click();
  expect((await upload).status()).toBe(202);
  const status = page.locator('.import-status');
  await expect(status.locator('progress')).toBeVisible();
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(status.locator('.import-announcer')).toContainText(/Import \d+: (Running|\d+% done)/);
  await page.screenshot({ path: testInfo.outputPath('import-running-en.png'), fullPage: true });

  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: 45_000 });
  await expect(status.locator('progress')).toHaveCount(0);
  await expect(status.locator('.import-announcer')).toContainText(/Import \d+: Complete\./);
  await expect(total(page, 'imports.totals.read')).toHaveText('2,764');
  await expect(total(page, 'imports.totals.imported')).toHaveText('2,761');
  await expect(total(page, 'imports.totals.rejected')).toHaveText('3');

  // The rejected rows: the CSV report read back, its first rows in a table, and a download link.
  const rejected = status.getByRole('table');
  await expect(rejected.locator('caption')).toHaveText('The first 3 rejected rows of 3');
  await expect(rejected.locator('tbody tr')).toHaveCount(3);
  await expect(rejected.locator('tbody tr').first()).toContainText('2763');
  await expect(rejected.locator('tbody tr').nth(1)).toContainText('BURGLARY');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: en['imports.rejections.download'] }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\n')[0]).toBe('line,field,value,reason');

  const past = page.getByRole('table', { name: en['imports.past.caption'] });
  await expect(past.locator('tbody tr')).toHaveCount(1);
  await expect(past.locator('tbody tr').first()).toContainText(file.name);
  await expect(past.locator('tbody tr').first()).toContainText(en['imports.status.complete']!);
  await expectNoSeriousViolations(page, 'import page after an import (en)');
  await page.screenshot({ path: testInfo.outputPath('import-complete-en.png'), fullPage: true });
});

test('the city page counts the imported records (real server)', async ({ page }) => {
  await page.goto(`/cities/${city.slug}?lang=en`);
  // No units yet: every record is outside them, and the page says why there is no map.
  await expect(page.getByText(en['city.noUnits']!.split('{')[0]!.trim())).toBeVisible();
  await expect(page.locator('.outside-row td').first()).toHaveText('2,761');
  const chart = page.locator('.month-chart');
  await expect(chart.locator('figcaption')).toContainText('2,761 incidents recorded in 6 months.');
  await expect(chart.locator('.month-bar')).toHaveCount(6);
  await chart.getByText(en['city.months.showTable']!).click();
  await expect(chart.getByRole('row', { name: 'July 2012 385' })).toBeVisible();
  await expect(page.getByRole('img', { name: en['city.months.chartTitle'] })).toHaveAttribute('aria-describedby', 'month-chart-desc');

  // Whole days, both included, in the city's time zone (test/fixtures/incidents/SOURCE.md: 348).
  await page.getByLabel(en['city.filters.from']!).fill('2012-07-15');
  await page.getByLabel(en['city.filters.to']!).fill('2012-08-10');
  await expect(chart.locator('figcaption')).toContainText('348 incidents recorded in 2 months.');
  await page.getByLabel(en['city.filters.source']!).selectOption('health');
  await expect(page.getByText(en['city.months.empty']!)).toBeVisible();
  await expectNoSeriousViolations(page, 'city page with real counts (en)');
});

for (const locale of ['en', 'ar'] as const) {
  test(`axe finds no serious violation on the import page (${locale})`, async ({ page }) => {
    await page.goto(`${importsPath}?lang=${locale}`);
    await giveToken(page, catalogue(locale)['imports.token.submit']!);
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, `import page with past imports (${locale})`);
    await page.getByRole('button', { name: catalogue(locale)['imports.undo.button'] }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, `undo dialog (${locale})`);
    await page.getByRole('button', { name: catalogue(locale)['imports.undo.keep'] }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
  });
}

test('the import page has no hard-coded text in the pseudo-locale', async ({ page }) => {
  const pseudo = (id: string) => `[${pseudoText(en[id]!)}]`;
  await page.goto(`${importsPath}?lang=qps-ploc`);
  await giveToken(page, pseudo('imports.token.submit'));
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: pseudo('imports.form.submit') }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  const report = await findUntranslatedText(page);
  // The tab's title names the city (data).
  const title = `<title>: [${pseudo('imports.title')} – ${city.name} – ${pseudo('app.name')}]`;
  expect(report.untranslated.filter((t) => t !== title)).toEqual([]);
  expect(report.pseudo).toBeGreaterThanOrEqual(30);
});

test('an import endpoint that answers 404 shows the translated error, and the page still works', async ({ page }) => {
  const messages = catalogue('es');
  // Simulates a server without the imports list (an older version): every endpoint exists today.
  await page.route(
    (url) => url.pathname === `/api/v1/cities/${city.slug}/imports`,
    (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 404,
            json: { error: { code: 'not_found', messageId: 'error.not_found', message: 'No route', requestId: 'r-404' } },
          })
        : route.fallback(),
  );
  await page.goto(`${importsPath}?lang=es`);
  await giveToken(page, messages['imports.token.submit']!);
  await expect(page.getByRole('alert')).toContainText(messages['error.not_found']!);
  await expect(page.getByRole('alert')).toContainText('r-404');
  await expect(page.getByRole('heading', { level: 2, name: messages['imports.new.title'] })).toBeVisible();
  await expect(page.getByLabel(messages['imports.form.file']!)).toBeVisible();
});

test('undoing an import asks first, then removes its records', async ({ page }) => {
  await page.goto(`${importsPath}?lang=fr`);
  await giveToken(page, fr['imports.token.submit']!);
  const row = page.getByRole('table').locator('tbody tr').first();
  await row.getByRole('button', { name: new RegExp(fr['imports.undo.button']!) }).click();
  const dialog = page.getByRole('dialog', { name: fr['imports.undo.title'] });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: fr['imports.undo.confirm'] }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.outcome')).toContainText(/L’import \d+ a été annulé\./);
  await expect(row).toContainText(fr['imports.status.undone']!);
  await expect(row.getByRole('button')).toHaveCount(0);

  await page.goto(`/cities/${city.slug}?lang=fr`);
  await expect(page.getByText(fr['city.months.empty']!)).toBeVisible();
});
