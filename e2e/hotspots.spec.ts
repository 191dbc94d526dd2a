import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { auth, ensureCity, expectNoSeriousViolations } from './city-support.ts';
import { catalogue, findUntranslatedText } from './support.ts';

// The hot spots page against the real server: a city without units (units cannot be sent over HTTP yet) gets
// the 2,761 San Francisco robberies of 2012 through the import API; the page analyses them on H3 hexagons.
test.describe.configure({ mode: 'serial' });

const city = { slug: 'e2e-hotspots', name: 'Hotspot City', country: 'USA', timezone: 'America/Los_Angeles' };
const path = `/cities/${city.slug}/hotspots`;
const en = catalogue('en');
const robberies = readFileSync(new URL('../test/fixtures/incidents/sfcrime2012_sf_robbery.csv', import.meta.url));
const profile = JSON.stringify({
  source: 'police',
  occurredAt: { date: 'Date', format: 'yyyy-MM-dd' },
  location: { lon: 'lon', lat: 'lat' },
  category: { iccs: '0401' },
});

test.beforeAll(async ({ request }) => {
  await ensureCity(request, city);
  const summary = await request.get(`/api/v1/cities/${city.slug}/incidents/summary?by=iccs`, { headers: auth() });
  if (((await summary.json()).rows ?? []).length > 0) return;
  const started = await request.post(`/api/v1/cities/${city.slug}/imports`, {
    headers: auth(),
    multipart: { profile, file: { name: 'robberies.csv', mimeType: 'text/csv', buffer: robberies } },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { id } = await started.json();
  await expect
    .poll(async () => (await (await request.get(`/api/v1/cities/${city.slug}/imports/${id}`, { headers: auth() })).json()).status, { timeout: 60_000 })
    .toBe('complete');
});

async function openHexagons(page: Page, lang: string) {
  await page.goto(`${path}?lang=${lang}`);
  await page.locator('#hotspot-grid').selectOption('h3:8');
  const map = page.locator('.safer-map');
  await expect(map).toHaveAttribute('data-map-state', 'idle');
  await expect.poll(async () => Number(await map.getAttribute('data-rendered-areas'))).toBeGreaterThan(0);
}

test('the hot spot map on hexagons, with its legend and the parameters used, passes axe', async ({ page }, testInfo) => {
  await page.goto(`${path}?lang=en`);
  // Without units the default grid cannot work, and the page says so.
  await expect(page.getByRole('alert')).toBeVisible();
  await openHexagons(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hot spots in Hotspot City');
  const legend = page.getByRole('region', { name: en['hotspots.legend.title'], exact: true });
  await expect(legend.locator('.legend-items li')).toHaveCount(8);
  await expect(legend).toContainText(/Hot spot, 99 % confidence: \d+ areas?/);
  await expect(legend).toContainText('Benjamini–Hochberg');
  // The public version: no session, so areas resting on fewer than 5 records are not shown.
  await expect(legend).toContainText(en['hotspots.parameters.public']!);
  await expect(legend.locator('dd').first()).toHaveText('h3:8');
  await expect(legend.locator('dd').nth(1)).toHaveText('ring:1, binary weights');
  await page.screenshot({ path: testInfo.outputPath('hotspots-en.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the hot spots page');

  await page.locator('#hotspot-method').selectOption('lisa');
  await expect(legend).toContainText(en['hotspots.legend.lisa']!);
  await expect(legend).toContainText(/Permutations \(seed\)/);
  await expectNoSeriousViolations(page, 'the hot spots page with local Moran');
});

test('the page speaks Arabic right to left, with no untranslated text', async ({ page }, testInfo) => {
  await openHexagons(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('البقع الساخنة');
  // Statistic symbols (Gi*, H3, I) stay Latin inside Arabic text; a text with no Arabic at all is untranslated.
  const report = await findUntranslatedText(page);
  expect(report.checked).toBeGreaterThan(20);
  expect(report.untranslated.filter((t) => !/[\u0600-\u06FF]/.test(t))).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('hotspots-ar.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the hot spots page in Arabic');
});
