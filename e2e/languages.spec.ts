import { expect, test } from '@playwright/test';
import { catalogue, uiLocales } from './support.ts';

test.describe('languages', () => {
  for (const locale of uiLocales) {
    test(`switching to ${locale} translates the page and sets <html lang dir>`, async ({ page }, testInfo) => {
      const messages = catalogue(locale);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await page.locator('#language-switcher').selectOption(locale);

      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages['cities.title']!);
      await expect(page.getByRole('link', { name: messages['nav.jobs']! })).toBeVisible();
      // Other tests may have created cities by now: the intro is there either way.
      await expect(page.getByText(messages['cities.intro']!)).toBeVisible();
      await expect(page.locator('.safer-map')).toHaveAttribute('data-map-state', 'idle');
      await expect(page).toHaveTitle(`${messages['cities.title']} – ${messages['app.name']}`);
      await page.screenshot({ path: testInfo.outputPath(`cities-${locale}.png`), fullPage: true });

      // The choice is remembered across visits.
      await page.goto('/jobs');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages['jobs.title']!);
      await expect(page.getByLabel(messages['jobs.token.label']!)).toHaveAttribute('type', 'password');
      await page.screenshot({ path: testInfo.outputPath(`jobs-${locale}.png`), fullPage: true });
    });
  }

  test('?lang= chooses the language, and the browser language is the default', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.goto('/?lang=zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue('zh')['cities.title']!);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await context.close();
  });
});
