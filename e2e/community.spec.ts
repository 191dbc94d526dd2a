// Community reporting in the browser: a resident reports an unsafe place through the server-rendered form (the
// page's script adds the proof of work), a moderator publishes it from the queue, the resident's follow link shows
// the new status. Both pages are checked with axe, the form also in Arabic (right to left).
import { expect, type Page, test } from '@playwright/test';
import { auth, ensureCity, expectNoSeriousViolations } from './city-support.ts';
import { catalogue } from './support.ts';

const city = { slug: 'e2e-community', name: 'Community Town', country: 'KEN', timezone: 'Africa/Nairobi' };
const password = 'cobalt-meadow-lantern-58';

/** A person holding only `city:moderator` in the city, made by the operator through the API. */
async function makeModerator(page: Page): Promise<string> {
  const stamp = Date.now();
  const email = `moderator-${stamp}@example.org`;
  // A second administrator first, so that taking the role back never touches the last one.
  const keeper = await page.request.post('/api/v1/admin/accounts', { headers: auth(), data: { email: `keeper-${stamp}@example.org`, displayName: 'Keeper', password } });
  expect(keeper.status(), await keeper.text()).toBe(201);
  const made = await page.request.post('/api/v1/admin/accounts', { headers: auth(), data: { email, displayName: 'Moderator', password } });
  expect(made.status(), await made.text()).toBe(201);
  const { id } = (await made.json()) as { id: number };
  const grant = await page.request.post(`/api/v1/users/${id}/grants`, { headers: auth(), data: { role: 'city:moderator', scope: city.slug } });
  expect(grant.status(), await grant.text()).toBe(200);
  const revoke = await page.request.post(`/api/v1/users/${id}/grants/revoke`, { headers: auth(), data: { role: 'platform:secretariat' } });
  expect(revoke.status(), await revoke.text()).toBe(200);
  return email;
}

test('a resident reports a place without an account, a moderator publishes it, the follow link shows the status', async ({ page, request }) => {
  await ensureCity(request, city);
  const fr = catalogue('fr');

  await page.goto(`/c/${city.slug}/report?lang=ar`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoSeriousViolations(page, 'the report form in Arabic');

  await page.goto(`/c/${city.slug}/report?lang=fr`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['community.page.title']!.replace('{city}', city.name));
  await page.getByLabel(fr['community.page.category']!).selectOption({ label: 'Éclairage insuffisant' });
  await page.getByLabel(fr['community.page.placeLandmark']!).fill('Passerelle près du marché');
  await page.getByLabel(fr['community.page.time.night']!).check();
  await page.getByLabel(fr['community.page.whoGroup.women']!).check();
  await page.getByLabel(fr['community.page.description']!).fill('Plus aucune lampe ne marche, appelez le 0712 345 678');
  await expectNoSeriousViolations(page, 'the report form in French');
  // A person takes a few seconds to fill the form in; the signed time token refuses a post sooner than that.
  await page.waitForTimeout(3_500);
  const posted = page.waitForResponse((r) => r.url().includes(`/c/${city.slug}/report`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: fr['community.page.submit'] }).click();
  const answer = await posted;
  expect(answer.status()).toBe(201);
  expect(answer.request().postData() ?? '').toMatch(/name="pow"\r\n\r\n[0-9a-z]+\r\n/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['community.page.thanksTitle']!);
  const followUrl = await page.locator('.link a').getAttribute('href');
  const reportId = /: ([a-z2-7]{10})$/.exec((await page.locator('main p').first().textContent()) ?? '')?.[1];
  expect(reportId).toBeDefined();
  expect(followUrl).toMatch(/\/c\/e2e-community\/follow\/[A-Za-z0-9_-]{43}\?lang=fr$/);

  const email = await makeModerator(page);
  const signIn = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const en = catalogue('en');
  await page.goto(`/cities/${city.slug}/moderation?lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: en['community.moderation.title'] })).toBeVisible();
  const report = page.getByRole('article').filter({ hasText: reportId! });
  await expect(report).toContainText(en['community.moderation.flag.phone']!);
  const text = report.getByLabel(en['community.moderation.publicText']!);
  await expect(text).toHaveValue('Plus aucune lampe ne marche, appelez le […]');
  await expectNoSeriousViolations(page, 'the moderation queue');
  await text.fill('Plus aucune lampe ne marche sur la passerelle.');
  await report.getByRole('button', { name: en['community.moderation.approve'] }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/ })).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: reportId! })).toHaveCount(0);

  await page.goto(followUrl!);
  await expect(page.getByText(fr['community.page.status.acknowledged']!, { exact: true })).toBeVisible();
  await expect(page.getByText('Plus aucune lampe ne marche sur la passerelle.')).toBeVisible();
  await expectNoSeriousViolations(page, 'the follow page');
});

test('with JavaScript the form draws the city areas and a tap marks the place, kept only as its cell', async ({ page, request }) => {
  await ensureCity(request, city);
  // The e2e city has no boundaries (they are imported with the server stopped): the page's map is given two areas.
  const square = (code: string, x0: number) => ({
    type: 'Feature',
    properties: { unit: code, name: code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0, -1.3],
          [x0 + 0.1, -1.3],
          [x0 + 0.1, -1.2],
          [x0, -1.2],
          [x0, -1.3],
        ],
      ],
    },
  });
  await page.route(`**/api/v1/cities/${city.slug}/units`, (route) =>
    route.fulfill({ json: { type: 'FeatureCollection', features: [square('W', 36.7), square('E', 36.8)] } }),
  );
  const en = catalogue('en');
  await page.goto(`/c/${city.slug}/report?lang=en`);
  const map = page.locator('#map svg');
  await expect(map).toBeVisible();
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.75, y: box.height * 0.5 } });
  await expect(page.locator('#located')).toHaveText(en['community.page.placeLocated']!);
  const lon = Number(await page.locator('input[name="lon"]').inputValue());
  const lat = Number(await page.locator('input[name="lat"]').inputValue());
  expect(lon).toBeGreaterThan(36.8);
  expect(lon).toBeLessThan(36.9);
  expect(lat).toBeGreaterThan(-1.3);
  expect(lat).toBeLessThan(-1.2);
  await page.getByLabel(en['community.page.category']!).selectOption({ label: 'Poor lighting' });
  await page.getByLabel(en['community.page.description']!).fill('Dark underpass');
  await page.waitForTimeout(3_500);
  await page.getByRole('button', { name: en['community.page.submit'] }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['community.page.thanksTitle']!);
  const id = /: ([a-z2-7]{10})$/.exec((await page.locator('main p').first().textContent()) ?? '')?.[1];
  const details = await request.get(`/api/v1/cities/${city.slug}/community/moderation/reports/${id}`, { headers: auth() });
  const location = ((await details.json()) as { report: { location: { kind: string; cell: string } } }).report.location;
  expect(location.kind).toBe('point');
  expect(location.cell).toMatch(/^88[0-9a-f]{13}$/);
});
