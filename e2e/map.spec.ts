import { expect, test } from '@playwright/test';
import { watchRequests } from './support.ts';

// The map must work with nothing but our own server: its worker, fonts and right-to-left plugin
// are all served from the same origin, and it has no basemap by default.
for (const locale of ['ar', 'zh', 'en'] as const) {
  test(`the map draws its label in ${locale} with no request to another origin`, async ({ page, context, baseURL }, testInfo) => {
    const requests = await watchRequests(context, new URL(baseURL!).origin);
    await page.goto(`/?lang=${locale}`);
    const map = page.locator('.safer-map');
    await expect(map).toHaveAttribute('data-map-state', 'idle');
    // A rendered (placed) label proves its glyphs were drawn from our fonts.
    await expect.poll(async () => Number(await map.getAttribute('data-rendered-labels'))).toBeGreaterThan(0);
    if (locale === 'ar') {
      // Arabic text loads the RTL text plugin, lazily, from our origin.
      await expect(map).toHaveAttribute('data-rtl-text-plugin', 'loaded');
      expect(requests.sameOrigin.some((u) => /\/assets\/mapbox-gl-rtl-text-[\w-]+\.js$/.test(u))).toBe(true);
      expect(requests.sameOrigin.some((u) => /noto-sans-arabic-arabic-400-normal-[\w-]+\.woff2$/.test(u))).toBe(true);
    }
    if (locale === 'zh') {
      expect(requests.sameOrigin.some((u) => /noto-sans-sc-\d+-400-normal-[\w-]+\.woff2$/.test(u))).toBe(true);
    }
    expect(requests.sameOrigin.some((u) => /maplibre-gl-worker-[\w-]+\.mjs/.test(u))).toBe(true);
    await expect(map.locator('canvas')).toHaveAttribute('aria-label', /.+/);
    await map.screenshot({ path: testInfo.outputPath(`map-${locale}.png`) });
    expect(requests.outside).toEqual([]);
  });
}
