import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { catalogue, operatorToken, uiLocales } from './support.ts';

/**
 * Issue 9, "Done when": the EXAMPLE cycle (states' self-assessments approved and cleared) taken to a published
 * executive summary in six languages, a Review Group meeting with an adopted recommendation, the Board's decision, a
 * published thematic report and a follow-up update — through the API as the operator — and then, in the browser in
 * each language, the public calendar in date order with no colour on a state, and Kenya's page with its summary in the
 * reader's language.
 */
const languages = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

type Body = { id: number; outcomes: { id: number; decisions: unknown[] }[]; updates: unknown[] };

async function ok(res: Awaited<ReturnType<APIRequestContext['post']>>, status = 200): Promise<Body> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as Body;
}

test('a seeded cycle to published reports, a Review Group decision and follow-up; the public pages rank no state', async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${operatorToken()}` } });
  const example = await api.post('/api/v1/review/example');
  expect([201, 409]).toContain(example.status());

  const summary = await ok(await api.post('/api/v1/review/reviews/example-ken/documents', { data: { kind: 'executive_summary' } }), 201);
  expect((await api.post(`/api/v1/review/documents/${summary.id}/publication`)).status()).toBe(409);
  for (const l of languages) {
    await ok(await api.put(`/api/v1/review/translations/${l}/documents/${summary.id}`, { data: { body: `E2E summary in ${l}`, status: 'verified' } }));
  }
  await ok(await api.post(`/api/v1/review/countries/KEN/reviews/example-ken/documents/${summary.id}/approval`));
  await ok(await api.post(`/api/v1/review/documents/${summary.id}/publication`));

  const meeting = await ok(await api.post('/api/v1/review/irg/meetings', { data: { title: 'E2E meeting', startsOn: '2027-10-12', venue: 'online' } }), 201);
  const withOutcome = await ok(await api.post(`/api/v1/review/irg/meetings/${meeting.id}/outcomes`, { data: { kind: 'recommendation', text: 'Support states in collecting data.' } }), 201);
  const outcome = withOutcome.outcomes.at(-1)!.id;
  await ok(await api.post(`/api/v1/review/irg/meetings/${meeting.id}/outcomes/${outcome}/adoption`));
  await ok(await api.post(`/api/v1/review/irg/meetings/${meeting.id}/outcomes/${outcome}/transmission`));
  const decided = await ok(await api.post(`/api/v1/review/irg/meetings/${meeting.id}/outcomes/${outcome}/decisions`, { data: { symbol: 'EXAMPLE/EB.2027/9', decidedOn: '2027-11-20', text: 'Approved.' } }), 201);
  expect(decided.outcomes.at(-1)!.decisions).toHaveLength(1);

  const thematic = await ok(await api.post('/api/v1/review/cycles/example/thematic-reports', { data: { section: 'principles' } }), 201);
  for (const l of languages) await ok(await api.put(`/api/v1/review/translations/${l}/documents/${thematic.id}`, { data: { body: `E2E thematic ${l}`, status: 'verified' } }));
  await ok(await api.post(`/api/v1/review/documents/${thematic.id}/publication`));

  const rec = await ok(await api.post('/api/v1/review/reviews/example-ken/recommendations', { data: { text: 'Publish data by sex and age.', dueOn: '2028-01-31' } }), 201);
  const updated = await ok(await api.post(`/api/v1/review/countries/KEN/recommendations/${rec.id}/updates`, { data: { status: 'in_progress', body: 'Under way.' } }), 201);
  expect(updated.updates).toHaveLength(1);
  await api.dispose();

  for (const locale of uiLocales) {
    const messages = catalogue(locale);
    await page.goto(`/review/calendar?lang=${locale}`);
    await expect(page.getByRole('heading', { level: 1, name: messages['reviewReports.calendar.title'] })).toBeVisible();
    const rows = page.locator('tbody tr[data-country]');
    await expect(rows.first()).toBeVisible();
    const seen = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        country: tr.getAttribute('data-country'),
        styled: tr.getAttribute('style') ?? tr.getAttribute('class') ?? '',
        background: getComputedStyle(tr).backgroundColor,
        cells: tr.querySelectorAll('td').length,
      })),
    );
    // Stage and date only: four columns (date, state, stage, cycle), no styling that could differ by state.
    expect(new Set(seen.map((s) => s.background)).size).toBe(1);
    expect(seen.every((s) => s.styled === '' && s.cells === 4)).toBe(true);
    const api2 = await request.newContext({ baseURL });
    const entries = (await (await api2.get(`/api/v1/review/calendar?lang=${locale}`)).json()).entries as { country: string; date: string }[];
    await api2.dispose();
    expect(seen.map((s) => s.country)).toEqual(entries.map((e) => e.country));
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
    if (locale === 'en' || locale === 'ar') await axe(page, `the calendar in ${locale}`);

    await page.goto(`/review/states/KEN?lang=${locale}`);
    await expect(page.getByText(`E2E summary in ${locale}`)).toBeVisible();
    if (locale === 'en' || locale === 'ar') await axe(page, `Kenya's page in ${locale}`);
    await expect(page.locator('.review-document-body').first()).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  }
});

const root = join(import.meta.dirname, '..');

/** The newest mail to `to` in the server's mail folder (quoted-printable undone). */
async function mailTo(to: string): Promise<string> {
  const dir = join(root, process.env.SAFER_E2E_DATA_DIR!, 'mail');
  for (let i = 0; i < 100; i++) {
    const mails = readdirSync(dir, { withFileTypes: true })
      .filter((f) => f.name.endsWith('.eml'))
      .map((f) => readFileSync(join(dir, f.name), 'utf8'))
      .filter((text) => text.includes(`To: ${to}`));
    if (mails.length > 0) return mails.at(-1)!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

test('the Board sees the Review Group, the assistance register with states in alphabetical order, and the budget', async ({ browser, baseURL }) => {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${operatorToken()}` } });
  const example = await api.post('/api/v1/review/example');
  expect([201, 409]).toContain(example.status());
  const email = `board-${Date.now()}@example.org`;
  const password = 'violet-harbour-lantern-42';
  expect((await api.post('/api/v1/invitations', { data: { email, language: 'en', grants: [{ role: 'platform:board' }] } })).status()).toBe(201);
  await ok(await api.post('/api/v1/review/budget/lines', { data: { period: '2026-2027', name: 'Review Group meetings', amount: 1_200_000, currency: 'USD' } }), 201);
  await api.dispose();
  const token = /\/invitation#token=([\w-]+)/.exec(await mailTo(email))![1]!;
  const context = await browser.newContext({ baseURL });
  expect((await context.request.post('/api/v1/invitations/accept', { data: { token, password, displayName: 'Board member' } })).status()).toBe(201);
  const page = await context.newPage();
  for (const locale of uiLocales) {
    const messages = catalogue(locale);
    await page.goto(`/review/governance?lang=${locale}`);
    await expect(page.getByRole('heading', { level: 1, name: messages['reviewReports.governance.title'] })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Review Group meetings' }).first()).toBeVisible();
    const rows = page.locator('tbody tr[data-country]');
    await expect(rows.first()).toBeVisible();
    const names = await rows.evaluateAll((trs) => trs.map((tr) => ({ name: tr.querySelector('td')?.textContent ?? '', style: tr.getAttribute('style') ?? '' })));
    const collator = new Intl.Collator(locale);
    expect(names.map((n) => n.name)).toEqual([...names.map((n) => n.name)].sort((a, b) => collator.compare(a, b)));
    expect(names.every((n) => n.style === '')).toBe(true);
  }
  await context.close();
});
