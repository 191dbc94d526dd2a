import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page, request, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { catalogue, findUntranslatedText, operatorToken } from './support.ts';

/**
 * Issue 8, "Done when": a state's self-assessment end to end in the browser — the secretariat opens a cycle, Kenya
 * asks to take part and is approved, its focal point invites an expert, the expert answers a section with evidence
 * and a technical-assistance need, the focal point clears the submission, a reviewer comments on one answer and the
 * state answers — while Uganda's focal point and an anonymous visitor are refused at each step.
 */
const root = join(import.meta.dirname, '..');
const password = 'violet-harbour-lantern-42';
const run = Date.now();
const m = catalogue('en');
const code = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offset * 30_000 });

/** The text of the newest mail to `to` in the server's mail folder (quoted-printable undone). */
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
const tokenIn = (mail: string) => /\/invitation#token=([\w-]+)/.exec(mail)![1]!;

type Person = { email: string; secret?: string; id: number };

/** An account through the API: invited by the operator, accepted, and with TOTP when its role needs it. */
async function person(api: APIRequestContext, baseURL: string, label: string, grants: { role: string; scope?: string }[], totp: boolean): Promise<Person> {
  const email = `${label}-${run}@example.org`;
  const invite = await api.post('/api/v1/invitations', { data: { email, language: 'en', grants } });
  expect(invite.status(), await invite.text()).toBe(201);
  const own = await request.newContext({ baseURL });
  const accepted = await own.post('/api/v1/invitations/accept', { data: { token: tokenIn(await mailTo(email)), password, displayName: label } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  const session = (await accepted.json()) as { user: { id: number }; csrfToken: string };
  let secret: string | undefined;
  if (totp) {
    const headers = { 'x-csrf-token': session.csrfToken };
    secret = ((await (await own.post('/api/v1/auth/totp/setup', { headers })).json()) as { secret: string }).secret;
    expect((await own.post('/api/v1/auth/totp/confirm', { headers, data: { code: code(secret, -1) } })).status()).toBe(200);
  }
  await own.dispose();
  return { email, id: session.user.id, ...(secret ? { secret } : {}) };
}

/** A browser context signed in as the person (through the API; the pages then run on its session cookie). */
async function signedIn(browser: Browser, baseURL: string, p: Person): Promise<{ context: BrowserContext; page: Page; csrf: string }> {
  const context = await browser.newContext({ baseURL });
  const res = await context.request.post('/api/v1/auth/login', { data: { email: p.email, password, ...(p.secret ? { totp: code(p.secret) } : {}) } });
  expect(res.status(), await res.text()).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { context, page: await context.newPage(), csrf };
}

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

test('a self-assessment end to end, with another state and an anonymous visitor refused at each step', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const operator = await request.newContext({ baseURL: base, extraHTTPHeaders: { authorization: `Bearer ${operatorToken()}` } });
  const secEmail = `sec-${run}@example.org`;
  const created = await operator.post('/api/v1/admin/accounts', { data: { email: secEmail, displayName: 'Secretariat', password } });
  expect(created.status(), await created.text()).toBe(201);
  const secOwn = await request.newContext({ baseURL: base });
  const secLogin = await secOwn.post('/api/v1/auth/login', { data: { email: secEmail, password } });
  const secCsrf = ((await secLogin.json()) as { csrfToken: string }).csrfToken;
  const secSecret = ((await (await secOwn.post('/api/v1/auth/totp/setup', { headers: { 'x-csrf-token': secCsrf } })).json()) as { secret: string }).secret;
  expect((await secOwn.post('/api/v1/auth/totp/confirm', { headers: { 'x-csrf-token': secCsrf }, data: { code: code(secSecret, -1) } })).status()).toBe(200);
  await secOwn.dispose();
  const sec: Person = { email: secEmail, secret: secSecret, id: 0 };
  const kenFp = await person(operator, base, 'fp-ken', [{ role: 'country:focal_point', scope: 'KEN' }], true);
  const ugaFp = await person(operator, base, 'fp-uga', [{ role: 'country:focal_point', scope: 'UGA' }], true);
  const reviewer = await person(operator, base, 'reviewer', [{ role: 'platform:observer' }], false);

  const S = await signedIn(browser, base, sec);
  const K = await signedIn(browser, base, kenFp);
  const U = await signedIn(browser, base, ugaFp);
  const anon = await request.newContext({ baseURL: base });
  const uga = (method: 'get' | 'post' | 'put', url: string, data?: unknown) =>
    U.context.request[method](url, { headers: { 'x-csrf-token': U.csrf }, ...(data === undefined ? {} : { data }) });
  const refused = async (url: string, method: 'get' | 'post' | 'put' = 'post', data: unknown = {}, ugaStatus = 403) => {
    expect((await uga(method, url, method === 'get' ? undefined : data)).status(), `Uganda on ${url}`).toBe(ugaStatus);
    expect((await anon[method](url, method === 'get' ? {} : { data })).status(), `anonymous on ${url}`).toBe(401);
  };

  // 1. The secretariat opens the cycle in the page.
  await S.page.goto('/review');
  await S.page.getByLabel(m['review.newCycle.id']!).fill('c1');
  await S.page.getByLabel(m['review.newCycle.title']!).fill('First review cycle');
  await S.page.getByLabel(m['review.newCycle.symbol']!).fill('HSP/EB.2026/7');
  await S.page.getByLabel(m['review.newCycle.date']!).fill('2026-11-20');
  await S.page.getByLabel(m['review.stage.self_assessment']!).fill('2027-03-31');
  await S.page.getByLabel(m['review.stage.dialogue']!).fill('2027-06-30');
  await S.page.getByRole('button', { name: m['review.newCycle.submit'] }).click();
  await expect(S.page.getByText(m['review.newCycle.done']!)).toBeVisible();
  await refused('/api/v1/review/cycles', 'post', { id: 'c9', title: 'x', boardDecision: { symbol: 'x', date: '2026-01-01' }, scope: ['methods'], stages: [{ stage: 'report', deadline: '2027-01-01' }] });
  const anonPage = await browser.newPage({ baseURL: base });
  await anonPage.goto('/review');
  await expect(anonPage.getByText(m['review.signInNeeded']!)).toBeVisible();

  // 2. Kenya's focal point asks to take part.
  await K.page.goto('/review/cycles/c1');
  await K.page.getByRole('button', { name: m['review.fp.requestSubmit'] }).click();
  await expect(K.page.getByText(m['review.fp.requested']!)).toBeVisible();
  await refused('/api/v1/review/cycles/c1/participants/KEN');

  // 3. The secretariat records the Board's approval.
  await S.page.goto('/review/cycles/c1');
  await S.page.getByRole('button', { name: "Record the Board's approval for Kenya" }).click();
  await expect(S.page.getByRole('cell', { name: m['review.participation.approved'] })).toBeVisible();
  await refused('/api/v1/review/cycles/c1/participants/KEN/approval');
  await axe(S.page, 'the cycle page');

  // 4. Kenya's focal point invites an expert through the page.
  const expertEmail = `expert-ken-${run}@example.org`;
  await K.page.goto('/review/cycles/c1');
  await K.page.getByLabel(m['review.fp.email']!).fill(expertEmail);
  await K.page.getByRole('button', { name: m['review.fp.inviteSubmit'] }).click();
  await expect(K.page.getByText(m['review.fp.invited']!)).toBeVisible();
  await refused('/api/v1/countries/KEN/invitations', 'post', { email: `x-${run}@example.org`, language: 'en', roles: ['country:expert'] });

  // 5. The expert accepts in the browser and answers the organisation section with evidence and a TA need.
  const E = await browser.newContext({ baseURL: base });
  const ep = await E.newPage();
  await ep.goto(`/invitation#token=${tokenIn(await mailTo(expertEmail))}`);
  await ep.getByLabel(m['account.displayName']!).fill('Expert');
  await ep.getByLabel(m['account.newPassword']!).fill(password);
  await ep.getByRole('button', { name: m['account.invitation.submit'] }).click();
  await expect(ep.getByText(m['account.invitation.title']!)).toBeHidden();
  await ep.goto('/review/countries/KEN/checklists/c1-ken');
  const o23 = ep.getByRole('article', { name: /Para 23 \(a\)–\(d\)/ });
  await o23.getByLabel(m['review.answer.status']!).selectOption('partly');
  await o23.getByLabel(m['review.answer.narrative']!).fill('A national urban safety forum meets twice a year.');
  await o23.getByLabel(m['review.answer.linkUrl']!).fill('/cities/nairobi');
  await o23.getByLabel(m['review.answer.linkTitle']!).fill('Nairobi on the platform');
  await o23.getByRole('button', { name: m['review.answer.addLink'] }).click();
  await o23.getByLabel(m['review.answer.file']!).setInputFiles({ name: 'forum-minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 minutes') });
  await expect(o23.getByRole('link', { name: 'forum-minutes.pdf' })).toBeVisible();
  await o23.getByLabel(m['review.answer.taType']!).selectOption('data_and_statistics');
  await o23.getByLabel(m['review.answer.taDetails']!).fill('Geo-referenced police data by ward');
  await o23.getByRole('button', { name: m['review.answer.addTa'] }).click();
  await o23.getByRole('button', { name: m['review.answer.save'] }).click();
  await expect(o23.getByText(m['review.answer.saved']!)).toBeVisible();
  const o24 = ep.getByRole('article', { name: /Para 24 \(a\)–\(h\)/ });
  await o24.getByLabel(m['review.answer.status']!).selectOption('planned');
  await o24.getByLabel(m['review.answer.narrative']!).fill('A city safety strategy is in preparation.');
  // Autosave: no click, the answer is saved a moment later.
  await expect(o24.getByText(m['review.answer.saved']!)).toBeVisible();
  await ep.reload();
  await expect(ep.getByText('Organisation: 2 of 2 answered')).toBeVisible();
  await refused('/api/v1/review/countries/KEN/checklists/c1-ken/answers/o23', 'put', { version: 0, answer: { status: 'fully' } });
  expect((await uga('get', '/api/v1/review/countries/UGA/checklists/c1-ken')).status()).toBe(404);

  // A second writer with the old version gets the conflict message naming the question; nothing is lost silently.
  const stale = await K.context.request.put('/api/v1/review/countries/KEN/checklists/c1-ken/answers/o24', {
    headers: { 'x-csrf-token': K.csrf },
    data: { version: 0, answer: { status: 'fully', narrative: 'other' } },
  });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('o24');

  await ep.getByRole('button', { name: m['review.submit.button'] }).click();
  await expect(ep.getByText(m['review.submit.done']!)).toBeVisible();
  await refused('/api/v1/review/countries/KEN/checklists/c1-ken/submissions');

  // 6. Kenya's focal point clears the submission.
  await K.page.goto('/review/countries/KEN/checklists/c1-ken');
  await K.page.getByRole('button', { name: m['review.clear.button'] }).click();
  await expect(K.page.getByText(m['review.clear.done']!)).toBeVisible();
  await refused('/api/v1/review/countries/KEN/checklists/c1-ken/clearance');
  await axe(K.page, 'the checklist form');

  // 7. The secretariat assigns a reviewer to Kenya's review; the reviewer comments on one answer.
  await S.page.goto('/review/cycles/c1');
  await S.page.getByLabel("Reviewer's account number for Kenya").fill(String(reviewer.id));
  await S.page.getByRole('button', { name: m['review.participants.assign'] }).click();
  const R = await signedIn(browser, base, reviewer);
  await R.page.goto('/review/reviews/c1-ken');
  const seen = R.page.getByRole('article', { name: /Para 23 \(a\)–\(d\)/ });
  await expect(seen.getByText('A national urban safety forum meets twice a year.')).toBeVisible();
  await seen.getByText(m['review.dialogue.start']!).click();
  await seen.getByLabel(m['review.dialogue.message']!).fill('How often does the forum report to the cabinet?');
  await seen.getByRole('button', { name: m['review.dialogue.post'] }).click();
  await expect(seen.getByText('How often does the forum report to the cabinet?')).toBeVisible();
  await refused('/api/v1/review/reviews/c1-ken/threads', 'post', { questionId: 'o23', body: 'x' });
  expect((await uga('get', '/api/v1/review/reviews/c1-ken/checklist')).status()).toBe(403);

  // 8. The state answers the comment.
  await K.page.goto('/review/countries/KEN/checklists/c1-ken');
  const thread = K.page.getByRole('article', { name: /Para 23 \(a\)–\(d\)/ });
  await expect(thread.getByText('How often does the forum report to the cabinet?')).toBeVisible();
  await thread.getByLabel(m['review.dialogue.reply']!).fill('Once a year, in March.');
  await thread.getByRole('button', { name: m['review.dialogue.send'] }).click();
  await expect(thread.getByText('Once a year, in March.')).toBeVisible();
  await refused('/api/v1/review/countries/KEN/reviews/c1-ken/threads/1/messages', 'post', { body: 'x' });
  expect((await uga('get', '/api/v1/review/countries/UGA/reviews/c1-ken/threads')).status()).toBe(404);
  await R.page.reload();
  await expect(R.page.getByText('Once a year, in March.')).toBeVisible();

  // The checklist form in Arabic lays out right to left.
  await K.page.goto('/review/countries/KEN/checklists/c1-ken?lang=ar');
  await expect(K.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(K.page.getByRole('heading', { level: 1 })).toContainText(catalogue('ar')['review.checklist.heading']!.replace('{state}', '').trim().slice(0, 10));
  await axe(K.page, 'the checklist form in Arabic');

  // No hard-coded text: in the pseudo-locale every message is accented; only data (names, titles) is left.
  for (const [pg, path] of [
    [S.page, '/review/cycles/c1'],
    [K.page, '/review/countries/KEN/checklists/c1-ken'],
    [R.page, '/review/reviews/c1-ken'],
    [K.page, '/review/countries/KEN/proposals/c1-ken'],
  ] as const) {
    await pg.goto(`${path}?lang=qps-ploc`);
    await expect(pg.getByRole('heading', { level: 1 })).toBeVisible();
    await pg.waitForLoadState('networkidle');
    const report = await findUntranslatedText(pg);
    expect(report.untranslated.filter((t) => !t.startsWith('<title>')), path).toEqual([]);
    expect(report.pseudo, path).toBeGreaterThan(5);
  }
  for (const [pg, path] of [
    [R.page, '/review/reviews/c1-ken'],
    [K.page, '/review/countries/KEN/proposals/c1-ken'],
    [S.page, '/review'],
  ] as const) {
    await pg.goto(`${path}?lang=fr`);
    await expect(pg.getByRole('heading', { level: 1 })).toBeVisible();
    await pg.waitForLoadState('networkidle');
    await axe(pg, `${path} in French`);
  }

  for (const c of [S.context, K.context, U.context, R.context, E]) await c.close();
  await Promise.all([anon.dispose(), operator.dispose(), anonPage.close()]);
});
