import { expect, type Page, test } from '@playwright/test';
import { pseudoText } from '../src/web/i18n/pseudo-locale.ts';
import { ensureCity, expectNoSeriousViolations } from './city-support.ts';
import { catalogue, findUntranslatedText, operatorToken, type UiLocale } from './support.ts';

const en = catalogue('en');
const pseudo = (id: string) => `[${pseudoText(en[id]!)}]`;

/** Opens the Cities page in a language and gives the operator token in its administrators' part. */
async function openForm(page: Page, lang: UiLocale | 'qps-ploc', label: (id: string) => string) {
  await page.goto(`/?lang=${lang}`);
  await page.getByText(label('cities.manage.summary')).click();
  await page.locator('#admin-token').fill(operatorToken());
  await page.getByRole('button', { name: label('cities.manage.useToken') }).click();
  await expect(page.getByRole('heading', { name: label('cities.create.title') })).toBeVisible();
}

test.describe('managing cities', () => {
  test('the operator creates a city through the form, and it is listed with the focus on it', async ({ page }, testInfo) => {
    const messages = catalogue('en');
    await openForm(page, 'en', (id) => messages[id]!);
    const slug = `e2e-manage-${Date.now()}`;
    await page.getByLabel(messages['cities.create.slug']!).fill(slug);
    await page.getByLabel(messages['cities.create.name']!).fill('Manageville');
    const country = page.getByLabel(messages['cities.create.country']!);
    await country.selectOption('KEN');
    await expect(country.locator('option:checked')).toHaveText('Kenya');
    await page.getByLabel(messages['cities.create.timezone']!).selectOption('Africa/Nairobi');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/cities') && r.request().method() === 'POST');
    await page.getByRole('button', { name: messages['cities.create.submit'] }).click();
    const created = await answer;
    expect(created.status()).toBe(201);
    expect(created.request().headers().authorization).toBe(`Bearer ${operatorToken()}`);

    const link = page.locator('.city-list').getByRole('link', { name: 'Manageville' });
    await expect(link).toBeVisible();
    await expect(link).toBeFocused();
    await expect(link).toHaveAttribute('href', `/cities/${slug}`);
    await expect(page.getByRole('status').filter({ hasText: 'Manageville' })).toBeVisible();
    // The form is empty again, ready for another city.
    await expect(page.getByLabel(messages['cities.create.slug']!)).toHaveValue('');

    // The city is really on the server: a reload lists it.
    await page.reload();
    await expect(page.locator('.city-list').getByRole('link', { name: 'Manageville' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('city-created-en.png'), fullPage: true });

    // The same slug again: the server's 409, next to the slug field.
    await page.getByLabel(messages['cities.create.slug']!).fill(slug);
    await page.getByLabel(messages['cities.create.name']!).fill('Manageville again');
    await page.getByLabel(messages['cities.create.country']!).selectOption('KEN');
    await page.getByLabel(messages['cities.create.timezone']!).selectOption('Africa/Nairobi');
    await page.getByRole('button', { name: messages['cities.create.submit'] }).click();
    await expect(page.locator('#city-slug-error')).toContainText(messages['error.city.exists']!);
  });

  for (const locale of ['en', 'ar'] as const) {
    test(`a bad slug shows the server's error next to the field, translated (${locale})`, async ({ page }, testInfo) => {
      const messages = catalogue(locale);
      await openForm(page, locale, (id) => messages[id]!);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      const slug = page.getByLabel(messages['cities.create.slug']!);
      await slug.fill('Not A Slug!');
      await page.getByLabel(messages['cities.create.name']!).fill('Badville');
      await page.getByLabel(messages['cities.create.country']!).selectOption('FRA');
      await page.getByLabel(messages['cities.create.timezone']!).selectOption('Europe/Paris');
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/cities') && r.request().method() === 'POST');
      await page.getByRole('button', { name: messages['cities.create.submit'] }).click();
      const refused = await answer;
      expect(refused.status()).toBe(400);
      const { error } = (await refused.json()) as { error: { messageId: string; details: { field: string }[] } };
      expect(error.details.map((d) => d.field)).toEqual(['slug']);

      const fieldError = page.locator('#city-slug-error');
      await expect(fieldError).toContainText(messages[error.messageId]!);
      await expect(slug).toHaveAttribute('aria-invalid', 'true');
      await expect(slug).toHaveAttribute('aria-describedby', /city-slug-error/);
      // Only the field named is marked; nothing is added to the list.
      await expect(page.locator('#city-name-error')).toHaveCount(0);
      await expect(page.locator('.city-list').getByRole('link', { name: 'Badville' })).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`city-bad-slug-${locale}.png`), fullPage: true });
    });

    test(`the create form has no serious accessibility problems (${locale})`, async ({ page }) => {
      const messages = catalogue(locale);
      await openForm(page, locale, (id) => messages[id]!);
      await expect(page.locator('.safer-map')).toHaveAttribute('data-map-state', 'idle');
      await expectNoSeriousViolations(page, `the create form (${locale})`);
      // With an error shown too.
      await page.getByLabel(messages['cities.create.slug']!).fill('Not A Slug!');
      await page.getByRole('button', { name: messages['cities.create.submit'] }).click();
      await expect(page.locator('#city-slug-error')).toBeVisible();
      await expectNoSeriousViolations(page, `the create form with errors (${locale})`);
    });
  }

  test('the cities page with the create form has no hard-coded text (qps-ploc)', async ({ page }, testInfo) => {
    await openForm(page, 'qps-ploc', pseudo);
    await expect(page.locator('html')).toHaveAttribute('lang', 'qps-ploc');
    await expect(page.locator('.safer-map')).toHaveAttribute('data-map-state', 'idle');
    let report = await findUntranslatedText(page);
    expect(report.untranslated).toEqual([]);
    expect(report.pseudo).toBeGreaterThanOrEqual(20);

    await page.getByLabel(pseudo('cities.create.slug')).fill('Not A Slug!');
    await page.getByRole('button', { name: pseudo('cities.create.submit') }).click();
    await expect(page.locator('#city-slug-error')).toBeVisible();
    report = await findUntranslatedText(page);
    expect(report.untranslated).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('cities-manage-qps-ploc.png'), fullPage: true });
  });

  test('on a city page the operator renames a unit level', async ({ page, request }) => {
    const messages = catalogue('en');
    const city = { slug: 'e2e-levels', name: 'Levelton', country: 'KEN', timezone: 'Africa/Nairobi' };
    await ensureCity(request, city);
    // The server under test holds no units (they come from the CLI): its levels are answered here.
    const levels = [{ level: 1, name: 'District', units: 4 }];
    let sent: { name: string; authorization: string | undefined } | undefined;
    await page.route(`**/api/v1/cities/${city.slug}/units/levels**`, async (route) => {
      const req = route.request();
      if (req.method() === 'PUT') {
        const body = req.postDataJSON() as { name: string };
        sent = { name: body.name, authorization: req.headers().authorization };
        return route.fulfill({ json: { level: 1, name: body.name, units: 4 } });
      }
      return route.fulfill({ json: { levels } });
    });
    await openForm(page, 'en', (id) => messages[id]!);
    await page.goto(`/cities/${city.slug}?lang=en`);
    await expect(page.getByRole('heading', { name: messages['city.levels.title'] })).toBeVisible();
    const field = page.getByLabel('Name of level 1 (4 units)');
    await expect(field).toHaveValue('District');
    await field.fill('Sub-county');
    await page.getByRole('button', { name: messages['city.levels.save'] }).click();
    await expect(page.getByRole('status').filter({ hasText: messages['city.levels.saved']! })).toBeVisible();
    expect(sent).toEqual({ name: 'Sub-county', authorization: `Bearer ${operatorToken()}` });
  });

  test('without a token or a secretariat session the forms are not shown', async ({ page }) => {
    const messages = catalogue('en');
    await page.goto('/?lang=en');
    await expect(page.getByText(messages['cities.manage.summary']!)).toBeVisible();
    await expect(page.getByRole('heading', { name: messages['cities.create.title'] })).toHaveCount(0);
  });
});
