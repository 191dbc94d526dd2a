// Role administration and API tokens in the browser: the secretariat gives and takes back a role, makes an
// Open311 client's token (its secret shown once), sees it work and revokes it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { ensureCity, expectNoSeriousViolations } from './city-support.ts';
import { catalogue } from './support.ts';

const root = join(import.meta.dirname, '..');
const email = `grace-${Date.now()}@example.org`;
const password = 'amber-quarry-telescope-77';
const city = { slug: 'e2e-roles', name: 'Roles Town', country: 'KEN', timezone: 'Africa/Nairobi' };

function createAdministrator(): void {
  const dataDir = process.env.SAFER_E2E_DATA_DIR;
  if (!dataDir) throw new Error('SAFER_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const dir = join(root, '.tmp', 'e2e-account-admin');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'password.txt');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  execFileSync(process.execPath, ['bin/safer.js', 'admin', 'create', '--email', email, '--password-file', file, '--name', 'Grace'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SAFER_DATA_DIR: dataDir },
    stdio: 'pipe',
  });
}

const code = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offset * 30_000 });

/** Signs in through the API in the page's context (the cookie is the browser's), setting up TOTP on the way. */
async function signInWithSecondFactor(page: Page): Promise<void> {
  const first = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(first.status(), await first.text()).toBe(200);
  const csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
  const setup = await page.request.post('/api/v1/auth/totp/setup', { headers: { 'x-csrf-token': csrf } });
  const { secret } = (await setup.json()) as { secret: string };
  const confirmed = await page.request.post('/api/v1/auth/totp/confirm', { headers: { 'x-csrf-token': csrf }, data: { code: code(secret, -1) } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const again = await page.request.post('/api/v1/auth/login', { data: { email, password, totp: code(secret) } });
  expect(again.status(), await again.text()).toBe(200);
}

test('the secretariat gives and takes back a role, and makes, uses and revokes an API token', async ({ page, request }, testInfo) => {
  createAdministrator();
  await ensureCity(request, city);
  await signInWithSecondFactor(page);
  const m = catalogue('en');

  await page.goto('/account?lang=en');
  await page.getByRole('link', { name: m['account.people.link'] }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole('heading', { level: 1, name: m['account.people.title'] })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(m['account.role.secretariat']!);

  await page.getByLabel(m['account.people.person']!).selectOption({ label: `Grace (${email})` });
  await page.getByLabel(m['account.people.role']!, { exact: true }).selectOption({ label: m['account.role.analyst']! });
  await page.getByLabel(m['account.people.roleScope']!).fill(city.slug);
  await page.getByRole('button', { name: m['account.people.giveSubmit'] }).click();
  await expect(page.getByRole('status')).toContainText('Grace now holds Analyst — e2e-roles.');
  await expect(row).toContainText('Analyst — e2e-roles');
  await expectNoSeriousViolations(page, 'the people page');
  await page.screenshot({ path: testInfo.outputPath('people-en.png'), fullPage: true });
  await row.getByRole('button', { name: 'Take back Analyst — e2e-roles from Grace' }).click();
  await expect(page.getByRole('status')).toContainText('Grace no longer holds Analyst — e2e-roles.');
  await expect(row).not.toContainText('Analyst — e2e-roles');

  await page.goto('/tokens?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: m['account.tokens.title'] })).toBeVisible();
  await page.getByLabel(m['account.tokens.name']!).fill('Open311 gateway');
  await page.getByLabel(m['account.people.role']!, { exact: true }).selectOption({ label: m['account.role.open311Client']! });
  await page.getByLabel(m['account.people.roleScope']!).fill(city.slug);
  await page.getByLabel(/^Days until it expires/).fill('30');
  await page.getByRole('button', { name: m['account.tokens.makeSubmit'] }).click();
  const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
  expect(secret).toMatch(/^sct_[A-Za-z0-9_-]{43}$/);
  const tokenRow = page.getByRole('row').filter({ hasText: 'Open311 gateway' });
  await expect(tokenRow).toContainText(m['account.tokens.status.active']!);
  await expect(tokenRow).toContainText(secret.slice(0, 12));
  await expect(tokenRow).not.toContainText(secret);
  await expectNoSeriousViolations(page, 'the tokens page');
  await page.screenshot({ path: testInfo.outputPath('tokens-en.png'), fullPage: true });

  // The machine's token works (its role reads no imports: 403, not 401), until it is revoked.
  const bearer = { authorization: `Bearer ${secret}` };
  expect((await request.get(`/api/v1/cities/${city.slug}/imports`, { headers: bearer })).status()).toBe(403);
  await tokenRow.getByRole('button', { name: 'Revoke the token “Open311 gateway”' }).click();
  await expect(tokenRow).toContainText(m['account.tokens.status.revoked']!);
  expect((await request.get(`/api/v1/cities/${city.slug}/imports`, { headers: bearer })).status()).toBe(401);

  // The same page in Arabic, right to left.
  const ar = catalogue('ar');
  await page.goto('/tokens?lang=ar');
  await expect(page.getByRole('heading', { level: 1, name: ar['account.tokens.title'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('row').filter({ hasText: 'Open311 gateway' })).toContainText(ar['account.tokens.status.revoked']!);
  await page.screenshot({ path: testInfo.outputPath('tokens-ar.png'), fullPage: true });
});
