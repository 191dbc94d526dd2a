import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { catalogue } from './support.ts';

const root = join(import.meta.dirname, '..');
const email = `ada-${Date.now()}@example.org`;
const password = 'violet-harbour-lantern-42';
// A name that would run a script if it were ever put into the page as markup: React writes it as text.
const name = '<img src=x onerror="window.pwned=1">Ada';

/** `safer admin create` while the server holds the data directory: it goes through the server's API. */
function createAdministrator(): void {
  const dataDir = process.env.SAFER_E2E_DATA_DIR;
  if (!dataDir) throw new Error('SAFER_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const dir = join(root, '.tmp', 'e2e-account');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'password.txt');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  execFileSync(process.execPath, ['bin/safer.js', 'admin', 'create', '--email', email, '--password-file', file, '--name', name], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SAFER_DATA_DIR: dataDir },
    stdio: 'pipe',
  });
}

/** The authenticator app: a code for the secret the page showed, `offset` steps of 30 s from now. */
const code = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offset * 30_000 });

async function fillSignIn(page: Page, m: Record<string, string>) {
  await page.getByLabel(m['account.email']!).fill(email);
  await page.getByLabel(m['account.password']!, { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: m['account.signIn.submit'] }).click();
}

test('an administrator signs in through the page, sets up TOTP, sees the jobs without a token and signs out', async ({ page }, testInfo) => {
  createAdministrator();
  const m = catalogue('en');
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });

  await page.goto('/?lang=en');
  await page.getByRole('navigation', { name: m['account.menu.label'] }).getByRole('link', { name: m['account.menu.signIn'] }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: m['account.signIn.title'] })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The secretariat needs a second factor: the first sign-in leads to setting it up.
  await fillSignIn(page, m);
  await expect(page).toHaveURL(/\/account$/);
  const menu = page.getByRole('navigation', { name: m['account.menu.label'] });
  await expect(menu).toContainText(`Signed in as ${name}`);
  await page.getByRole('button', { name: m['account.totp.start'] }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel(m['account.totp.code']!).fill(code(secret));
  await page.getByRole('button', { name: m['account.totp.confirm'] }).click();
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath('account-recovery-codes-en.png'), fullPage: true });
  await page.getByRole('button', { name: m['account.totp.saved'] }).click();

  // The jobs page works with the session; the token form is only a fallback, folded away.
  await page.goto('/jobs?lang=en');
  await expect(page.getByText(m['jobs.empty']!).or(page.getByRole('table'))).toBeVisible();
  await expect(page.locator('#admin-token')).toBeHidden();
  await expect(page.getByText(m['jobs.token.fallback']!)).toBeVisible();

  await menu.getByRole('button', { name: m['account.menu.signOut'] }).click();
  await expect(menu.getByRole('link', { name: m['account.menu.signIn'] })).toBeVisible();

  // Signing in again asks for the code (the next one: a code is accepted once).
  await page.goto('/sign-in?lang=fr');
  const fr = catalogue('fr');
  await page.getByLabel(fr['account.email']!).fill(email);
  await page.getByLabel(fr['account.password']!, { exact: true }).fill(password);
  const first = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('main').getByRole('button', { name: fr['account.signIn.submit'] }).click();
  const asked = await first;
  expect(asked.status()).toBe(401);
  expect(((await asked.json()) as { error: { code: string } }).error.code).toBe('auth.totp_required');
  await page.getByLabel(fr['account.signIn.totp']!).fill(code(secret, 1));
  await page.getByRole('main').getByRole('button', { name: fr['account.signIn.submit'] }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: fr['account.menu.label'] })).toContainText(name);
  await page.screenshot({ path: testInfo.outputPath('account-signed-in-fr.png'), fullPage: true });
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(cspViolations).toEqual([]);
});

test('the API docs page works under the Content-Security-Policy', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const response = await page.goto('/api/v1/docs/');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.locator('.swagger-ui .info .title')).toBeVisible();
  expect(cspViolations).toEqual([]);
});

test('a wrong password is refused in the reader’s language', async ({ page }) => {
  const m = catalogue('es');
  await page.goto('/sign-in?lang=es');
  await page.getByLabel(m['account.email']!).fill('nobody@example.org');
  await page.getByLabel(m['account.password']!, { exact: true }).fill('not the right password');
  await page.getByRole('main').getByRole('button', { name: m['account.signIn.submit'] }).click();
  await expect(page.getByRole('alert')).toContainText(m['error.auth.invalid_credentials']!);
});
