import { expect, type Page, test } from '@playwright/test';
import { pseudoText } from '../src/web/i18n/pseudo-locale.ts';
import { gridCity, stubGridville } from './city-fixtures.ts';
import { ensureCity, expectNoSeriousViolations } from './city-support.ts';
import { catalogue, findUntranslatedText } from './support.ts';

// The city page of Gridville: the city itself and its counts by month come from the real server;
// its units and counts by unit from stubs (see city-fixtures.ts), since the server cannot be given
// units over HTTP yet.

const en = catalogue('en');
const ar = catalogue('ar');
const cityPath = `/cities/${gridCity.slug}`;

test.beforeAll(async ({ request }) => {
  await ensureCity(request, gridCity);
});

async function openCity(page: Page, locale: string) {
  const queries = await stubGridville(page);
  await page.goto(`${cityPath}?lang=${locale}`);
  const map = page.locator('.safer-map');
  await expect(map).toHaveAttribute('data-map-state', 'idle');
  await expect.poll(async () => Number(await map.getAttribute('data-rendered-areas'))).toBeGreaterThan(0);
  return queries;
}

const fewerThan5 = en['city.count.suppressed']!.replace('{threshold, number}', '5');
const rows = (page: Page) => page.locator('.unit-table tbody tr');
const countOf = (page: Page, unit: string) => rows(page).filter({ hasText: unit }).locator('td').nth(1);

test.describe('city page', () => {
  test('the choropleth renders with its legend, and pointing at a unit shows its figures', async ({ page }, testInfo) => {
    await openCity(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(gridCity.name);
    const legend = page.getByRole('region', { name: en['city.legend.title'], exact: true });
    await expect(legend).toContainText('5 classes by quantiles of the non-zero rates');
    // Five classes, and "no population" (every ward has records, none of them fewer than 5).
    await expect(legend.locator('.legend-items li')).toHaveCount(6);
    await expect(legend.locator('.swatch-hatched')).toHaveCount(1);
    await expect(legend).toContainText(en['city.legend.noPopulation']!);
    await legend.getByLabel(en['city.legend.method']!).selectOption('jenks');
    await expect(legend).toContainText('natural breaks (Jenks)');

    // The centre of the map is ward 5 (the map fits the 3 × 3 grid).
    await page.locator('.safer-map canvas').hover();
    const figures = page.locator('.unit-figures');
    await expect(figures).toContainText('Ward 5');
    // Ward 5: robberies 15, assaults 6, homicides 2: 23 of 20,000 residents, 115 per 100,000.
    await expect(figures.locator('dd')).toHaveText(['23', '20,000', '115']);

    // Keyboard: moving to a unit in the table shows it too.
    await page.getByRole('button', { name: 'W09' }).focus();
    await expect(figures).toContainText('Ward 9');
    await expect(figures).toContainText(en['city.rate.noPopulation']!);
    await page.screenshot({ path: testInfo.outputPath('city-en.png'), fullPage: true });
  });

  test('the filters change the rows', async ({ page }) => {
    const queries = await openCity(page, 'en');
    await expect(rows(page)).toHaveCount(9);
    await expect(countOf(page, 'W01')).toHaveText('14');
    await expect(page.locator('.outside-row td').first()).toHaveText('7');

    // Health: assaults only; ward 8 has 3 (suppressed in a public answer); none outside.
    await page.getByLabel(en['city.filters.source']!).selectOption('health');
    await expect(countOf(page, 'W01')).toHaveText('10');
    await expect(countOf(page, 'W08')).toHaveText(fewerThan5);
    await expect(page.locator('.outside-row')).toHaveCount(0);
    expect(queries.at(-1)?.searchParams.get('source')).toBe('health');

    // ICCS section 04 takes in its divisions (0401 robbery).
    await page.getByLabel(en['city.filters.source']!).selectOption('');
    await page.getByLabel(en['city.filters.iccs']!).selectOption('04');
    await expect(countOf(page, 'W01')).toHaveText(fewerThan5);
    await expect(countOf(page, 'W03')).toHaveText('9');
    expect(queries.at(-1)?.searchParams.get('iccs')).toBe('04');

    await page.getByLabel(en['city.filters.iccs']!).selectOption('');
    await page.getByLabel(en['city.filters.from']!).fill('2024-03-01');
    await page.getByLabel(en['city.filters.to']!).fill('2024-12-31');
    await expect(countOf(page, 'W02')).toHaveText('11');
    expect(queries.at(-1)?.searchParams.get('from')).toBe('2024-03-01');
    expect(queries.at(-1)?.searchParams.get('to')).toBe('2024-12-31');
    await expect(page.locator('caption').first()).toContainText('Mar 1, 2024');

    // A period that ends before it starts is refused, and says so.
    await page.getByLabel(en['city.filters.to']!).fill('2024-01-01');
    await expect(page.getByRole('alert')).toHaveText(en['city.filters.badPeriod']!);
    await page.getByRole('button', { name: en['city.filters.reset'] }).click();
    await expect(countOf(page, 'W01')).toHaveText('14');
  });

  test('the table sorts by each column, and says how it is sorted', async ({ page }) => {
    await openCity(page, 'en');
    const header = (name: string) => page.getByRole('columnheader', { name });
    const firstUnit = () => rows(page).first().locator('td').first();
    await expect(header(en['city.column.unit']!)).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstUnit()).toHaveText('W01');

    await header(en['city.column.rate']!).getByRole('button').click();
    await expect(header(en['city.column.rate']!)).toHaveAttribute('aria-sort', 'descending');
    await expect(header(en['city.column.unit']!)).not.toHaveAttribute('aria-sort');
    // Highest rate: ward 8, 29 of 7,000 residents; ward 9 (no population) is last.
    await expect(firstUnit()).toHaveText('W08');
    await expect(rows(page).last().locator('td').first()).toHaveText('W09');

    await header(en['city.column.rate']!).getByRole('button').press('Enter');
    await expect(header(en['city.column.rate']!)).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstUnit()).toHaveText('W05');

    await header(en['city.column.population']!).getByRole('button').click();
    await expect(firstUnit()).toHaveText('W05');
    await header(en['city.column.name']!).getByRole('button').click();
    await expect(header(en['city.column.name']!)).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstUnit()).toHaveText('W01');
  });

  test('in Arabic the page is right-to-left with translated headings', async ({ page }, testInfo) => {
    await openCity(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    for (const id of ['city.filters.title', 'city.map.title', 'city.months.title', 'city.units.title']) {
      await expect(page.getByRole('heading', { level: 2, name: ar[id] })).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 3, name: ar['city.legend.title'] })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: ar['city.column.rate'] })).toBeVisible();
    await expect(page.locator('#filter-iccs option[value="0401"]')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('#filter-iccs-note')).toHaveText(ar['city.filters.iccsUnofficial']!);
    await expect(page.locator('.safer-map canvas')).toHaveAttribute('aria-label', ar['city.map.label']!);
    // The table starts at the right edge.
    const table = await page.locator('.unit-table').boundingBox();
    const code = await page.locator('.unit-table tbody tr').first().locator('td').first().boundingBox();
    expect(code!.x + code!.width).toBeGreaterThan(table!.x + table!.width - 200);
    await page.screenshot({ path: testInfo.outputPath('city-ar.png'), fullPage: true });
  });

  for (const locale of ['en', 'ar'] as const) {
    test(`axe finds no serious violation (${locale})`, async ({ page }) => {
      await openCity(page, locale);
      await expectNoSeriousViolations(page, `city page (${locale})`);
      await page.getByRole('button', { name: 'W05' }).focus();
      await page.locator('.month-chart details summary, .empty-state').first().waitFor();
      await expectNoSeriousViolations(page, `city page with a unit in focus (${locale})`);
    });
  }

  test('the pseudo-locale finds no hard-coded text', async ({ page }, testInfo) => {
    await openCity(page, 'qps-ploc');
    const pseudo = (id: string) => `[${pseudoText(en[id]!)}]`;
    await expect(page.getByRole('heading', { level: 2, name: pseudo('city.map.title') })).toBeVisible();
    await page.getByRole('button', { name: 'W05' }).focus();
    await expect(page.locator('.unit-figures dl')).toBeVisible();
    const report = await findUntranslatedText(page);
    // The tab's title names the city (data): "[Gridville – [app name]]".
    const title = `<title>: [${gridCity.name} – ${pseudo('app.name')}]`;
    expect(report.untranslated.filter((t) => t !== title)).toEqual([]);
    expect(report.pseudo).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: testInfo.outputPath('city-qps-ploc.png'), fullPage: true });
  });
});
