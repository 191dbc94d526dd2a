import { expect, test } from '@playwright/test';
import { auth, ensureCity, expectNoSeriousViolations } from './city-support.ts';
import { catalogue, operatorToken } from './support.ts';

// The indicator explorer and the monitoring page of a city with no records yet: the registry from the real
// server, the honest "no survey data" answer, and a monitoring framework set through the API.

const city = { slug: 'e2e-indicatoria', name: 'Indicatoria', country: 'KEN', timezone: 'Africa/Nairobi' };
const en = catalogue('en');
const ar = catalogue('ar');

test.beforeAll(async ({ request }) => {
  await ensureCity(request, city);
  const existing = await request.get(`/api/v1/cities/${city.slug}/monitoring`);
  const body = (await existing.json()) as { priorities: unknown[] };
  if (body.priorities.length > 0) return;
  const p = await request.post(`/api/v1/cities/${city.slug}/monitoring/priorities`, { headers: auth(), data: { title: 'Reduce lethal violence' } });
  expect(p.status(), await p.text()).toBe(201);
  const { id } = (await p.json()) as { id: number };
  const t = await request.post(`/api/v1/cities/${city.slug}/monitoring/targets`, {
    headers: auth(),
    data: { priorityId: id, indicatorCode: '16.1.1', baseline: { value: 10, year: 2020 }, target: { value: 5, year: 2030 } },
  });
  expect(t.status(), await t.text()).toBe(201);
});

test.describe('indicators', () => {
  test('the explorer lists indicators, switches breakdowns and says when there is no survey data', async ({ page }) => {
    await page.goto(`/cities/${city.slug}/indicators?lang=en`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['indicators.title']!);
    const select = page.getByLabel(en['indicators.indicator']!);
    await expect(select.locator('option', { hasText: '16.1.1' })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: 'Victims of intentional homicide per 100,000 population' })).toBeVisible();
    await expect(page.getByText(en['indicators.noValues']!)).toBeVisible();
    await select.selectOption('16.1.4');
    await expect(page.locator('#notes-heading + ul')).toContainText('No survey data is available');
    await expectNoSeriousViolations(page, 'the indicator explorer');
  });

  test('the explorer in Arabic is right-to-left and translated', async ({ page }) => {
    await page.goto(`/cities/${city.slug}/indicators?lang=ar`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['indicators.title']!);
    await expect(page.getByRole('heading', { level: 2, name: 'ضحايا القتل العمد لكل 100,000 نسمة' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the indicator explorer in Arabic');
  });

  test('the monitoring page shows priorities, baselines, targets and status, and generates a report', async ({ page }) => {
    await page.addInitScript((token) => window.sessionStorage.setItem('safer.operatorToken', token), operatorToken());
    await page.goto(`/cities/${city.slug}/monitoring?lang=en`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['monitoring.title']!);
    const section = page.getByRole('region', { name: 'Reduce lethal violence' });
    await expect(section.locator('tbody tr')).toHaveCount(1);
    await expect(section.locator('tbody tr td').nth(1)).toHaveText('10 (2020)');
    await expect(section.locator('tbody tr td').nth(2)).toHaveText('5 (2030)');
    await expect(section.locator('tbody tr td').nth(5)).toHaveText(en['indicators.status.no_data']!);
    await expectNoSeriousViolations(page, 'the monitoring page');

    await page.getByLabel(en['indicators.from']!).fill('2024-01-01');
    await page.getByLabel(en['indicators.to']!).fill('2024-12-31');
    await page.getByLabel(en['monitoring.reportLanguage']!).selectOption('fr');
    await page.getByRole('button', { name: en['monitoring.generate']! }).click();
    await expect(page.getByText(/Report \d+, 2024-01-01 to 2024-12-31/).first()).toBeVisible();
  });
});
