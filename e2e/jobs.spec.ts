import { expect, test } from '@playwright/test';
import { jobsFixture } from './job-fixtures.ts';
import { catalogue, operatorToken } from './support.ts';

test.describe('jobs page', () => {
  for (const locale of ['en', 'fr', 'ar'] as const) {
    test(`a wrong token shows the server's error, translated (${locale})`, async ({ page }) => {
      const messages = catalogue(locale);
      await page.goto(`/jobs?lang=${locale}`);
      await page.getByLabel(messages['jobs.token.label']!).fill('not-the-token');
      const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/jobs'));
      await page.getByRole('button', { name: messages['jobs.token.submit'] }).click();
      const refused = await response;
      expect(refused.status()).toBe(401);
      const { error } = (await refused.json()) as { error: { messageId: string; requestId: string } };
      expect(error.messageId).toBe('error.unauthorized');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(messages[error.messageId]!);
      await expect(alert).toContainText(error.requestId);
      await expect(page.getByRole('table')).toHaveCount(0);
    });
  }

  test('the right token shows the jobs, refreshed every two seconds', async ({ page }, testInfo) => {
    const messages = catalogue('en');
    await page.goto('/jobs?lang=en');
    await page.getByLabel(messages['jobs.token.label']!).fill(operatorToken());
    await page.getByRole('button', { name: messages['jobs.token.submit'] }).click();
    // The server starts empty and has no job kinds yet: the empty state, or a table.
    await expect(page.getByText(messages['jobs.empty']!).or(page.getByRole('table'))).toBeVisible();
    const isList = (r: { url: () => string }) => r.url().endsWith('/api/v1/admin/jobs');
    const first = await page.waitForRequest(isList);
    const firstAt = Date.now();
    await page.waitForRequest(isList);
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(1_500);
    expect(await first.headerValue('authorization')).toBe(`Bearer ${operatorToken()}`);
    await page.screenshot({ path: testInfo.outputPath('jobs-with-token-en.png'), fullPage: true });

    // The token lasts for the tab: a reload keeps showing the jobs.
    await page.reload();
    await expect(page.getByText(messages['jobs.empty']!).or(page.getByRole('table'))).toBeVisible();
  });

  test('a real job appears and its progress follows the server', async ({ page, request }, testInfo) => {
    const messages = catalogue('fr');
    const created = await request.post('/api/v1/admin/jobs', {
      headers: { authorization: `Bearer ${operatorToken()}` },
      data: { kind: 'store.backup', payload: {} },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: number };

    await page.goto('/jobs?lang=fr');
    await page.getByLabel(messages['jobs.token.label']!).fill(operatorToken());
    await page.getByRole('button', { name: messages['jobs.token.submit'] }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: String(id), exact: true }) });
    await expect(row).toContainText(messages['jobs.kind.storeBackup']!);
    // Refreshed every two seconds, the row reaches its end without a reload.
    await expect(row).toContainText(messages['jobs.status.succeeded']!, { timeout: 30_000 });
    await expect(row.locator('progress')).toHaveAttribute('aria-label', `Avancement de la tâche ${id}`);
    await page.screenshot({ path: testInfo.outputPath('jobs-real-fr.png'), fullPage: true });
  });

  test('the table shows translated statuses, progress and actions (list stubbed)', async ({ page }, testInfo) => {
    const messages = catalogue('es');
    await page.route('**/api/v1/admin/jobs', (route) => route.fulfill({ json: jobsFixture }));
    await page.goto('/jobs?lang=es');
    await page.getByLabel(messages['jobs.token.label']!).fill('stubbed');
    await page.getByRole('button', { name: messages['jobs.token.submit'] }).click();
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(0)).toContainText(messages['jobs.status.running']!);
    await expect(rows.nth(0)).toContainText(messages['jobs.kind.incidentsImport']!);
    await expect(rows.nth(0).locator('progress')).toHaveAttribute('value', '40');
    await expect(rows.nth(0)).toContainText('40 %');
    await expect(rows.nth(1)).toContainText(messages['jobs.kind.reportRender']!);
    await expect(rows.nth(2)).toContainText(messages['jobs.status.failed']!);
    await expect(rows.nth(3)).toContainText('some.future.kind');
    await expect(rows.nth(0).getByRole('button', { name: new RegExp(messages['jobs.action.cancel']!) })).toBeVisible();
    await expect(rows.nth(2).getByRole('button', { name: new RegExp(messages['jobs.action.retry']!) })).toBeVisible();
    await expect(rows.nth(4).getByRole('button')).toHaveCount(0);

    await page.route('**/api/v1/admin/jobs/3/retry', (route) => route.fulfill({ json: jobsFixture.jobs[2] }));
    await rows.nth(2).getByRole('button').click();
    await expect(page.locator('.outcome')).toContainText('3');
    await page.screenshot({ path: testInfo.outputPath('jobs-table-es.png'), fullPage: true });
  });
});
