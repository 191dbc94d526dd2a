import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { auditQuerySchema } from '../../core/audit/audit-entry.ts';
import { UN_LANGUAGES, type UnLanguage } from '../../core/reference/un-languages.ts';
import { rankingProblems } from '../../core/review/no-ranking.ts';
import { type Browser, makeUser, platform, sessionFor } from '../accounts/accounts.test-support.ts';
import { accessTable } from '../http/access.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';
import { FOLLOW_UP_REMINDER_JOB } from './follow-up.job.ts';
import { EXAMPLE_CYCLE_ID, loadReviewExample } from './review-example.ts';

/**
 * Part 2 of the review mechanism through the API, on the example cycle (`safer review example`): a report and an
 * executive summary generated, translated in six languages by translators of each language, approved by the state
 * and published only once the rules are met; a Review Group meeting with an adopted recommendation transmitted to
 * the Board and its decision; a thematic report naming only the states that consented; a follow-up update and its
 * reminder; the technical-assistance register and the budget. Then the no-ranking walk over every review route.
 */
describe.each(storeKinds())('review reports on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const who: Record<'sec' | 'kenFp' | 'ugaFp' | 'board', Browser> = {} as never;
  const translators = {} as Record<UnLanguage, Browser>;
  const anon = { headers: {} as Record<string, string> };
  const ids = { summary: 0, report: 0, thematic: 0, meeting: 0, outcome: 0, recommendation: 0 };

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, as: { headers: Record<string, string> }, payload?: unknown) => {
    const res = await app.inject({ method, url, headers: as.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    const json = res.headers['content-type']?.toString().includes('json');
    return { status: res.statusCode, body: json && res.body ? res.json() : res.body };
  };

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    const mk = async (email: string, grants: Parameters<typeof makeUser>[2], second = true) => sessionFor(services, (await makeUser(services, email, grants)).id, second);
    who.sec = await mk('sec@example.org', [platform('platform:secretariat')]);
    who.kenFp = await mk('fp.ken@example.org', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }]);
    who.ugaFp = await mk('fp.uga@example.org', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'UGA' } }]);
    who.board = await mk('board@example.org', [platform('platform:board')], false);
    for (const l of UN_LANGUAGES) translators[l] = await mk(`translator.${l}@example.org`, [{ role: 'language:translator', scope: { kind: 'language', id: l } }], false);
    await loadReviewExample(services, { kind: 'system', name: 'test' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('publishes the calendar: approved states with their stage and dates, in date order, as JSON and CSV', async () => {
    const res = await call('GET', '/api/v1/review/calendar?lang=fr', anon);
    expect(res.status).toBe(200);
    const entries = (res.body as { entries: { country: string; stage: string; date: string; name: string }[] }).entries;
    expect(entries.map((e) => e.country).sort()).toEqual(['FRA', 'JOR', 'KEN', 'MEX', 'POL']);
    expect(entries.find((e) => e.country === 'KEN')).toMatchObject({ stage: 'dialogue', date: '2027-09-30', name: 'Kenya' });
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
    const csv = await call('GET', '/api/v1/review/calendar?lang=en&format=csv', anon);
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toBe('cycle,cycleTitle,example,country,name,stage,date,approvedOn');
  });

  it('drafts, translates, approves and publishes the executive summary in six languages', async () => {
    const gen = await call('POST', '/api/v1/review/reviews/example-ken/documents', who.sec, { kind: 'executive_summary' });
    expect(gen.status).toBe(201);
    ids.summary = gen.body.id;
    const en = gen.body.translations.find((t: { language: string }) => t.language === 'en');
    expect(en.status).toBe('draft');
    expect(en.body).toContain('Executive summary — Kenya');
    expect(gen.body.translations.filter((t: { status: string }) => t.status === 'missing')).toHaveLength(5);

    const blocked = await call('POST', `/api/v1/review/documents/${ids.summary}/publication`, who.sec);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('review.publication_blocked');
    const page = await call('GET', '/api/v1/review/publication-blockers?lang=en', who.sec);
    const mine = page.body.documents.find((d: { id: number }) => d.id === ids.summary);
    expect(mine.blockers.map((b: { kind: string; language?: string }) => b.language ?? b.kind)).toEqual(['state_approval', 'ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(new Date(mine.since).getTime()).toBeLessThanOrEqual(Date.now());

    // A translator works in their language only.
    expect((await call('PUT', `/api/v1/review/translations/es/documents/${ids.summary}`, translators.fr, { body: 'x', status: 'verified' })).status).toBe(403);
    for (const l of UN_LANGUAGES) {
      const put = await call('PUT', `/api/v1/review/translations/${l}/documents/${ids.summary}`, translators[l], { body: `Résumé ${l}: texte vérifié`, status: 'verified' });
      expect(put.status).toBe(200);
    }
    expect((await call('POST', `/api/v1/review/documents/${ids.summary}/publication`, who.sec)).body.error.code).toBe('review.publication_blocked');
    expect((await call('POST', `/api/v1/review/countries/KEN/reviews/example-ken/documents/${ids.summary}/approval`, who.ugaFp)).status).toBe(403);
    expect((await call('POST', `/api/v1/review/countries/KEN/reviews/example-ken/documents/${ids.summary}/approval`, who.kenFp)).status).toBe(200);
    const published = await call('POST', `/api/v1/review/documents/${ids.summary}/publication`, who.sec);
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).not.toBeNull();

    for (const l of UN_LANGUAGES) {
      const pub = await call('GET', `/api/v1/review/public/states/KEN?lang=${l}`, anon);
      expect(pub.body.documents).toEqual([expect.objectContaining({ kind: 'executive_summary', language: l, body: `Résumé ${l}: texte vérifié` })]);
    }
    expect((await call('GET', '/api/v1/review/public/states/MEX?lang=en', anon)).body.documents).toEqual([]);
  });

  it('publishes the full report only with the state’s recorded consent', async () => {
    const gen = await call('POST', '/api/v1/review/reviews/example-ken/documents', who.sec, { kind: 'report' });
    ids.report = gen.body.id;
    expect(gen.body.translations.find((t: { language: string }) => t.language === 'en').body).toContain('Paragraph');
    await call('PUT', `/api/v1/review/translations/en/documents/${ids.report}`, who.sec, { body: 'Edited report.', status: 'verified' });
    await call('POST', `/api/v1/review/countries/KEN/reviews/example-ken/documents/${ids.report}/approval`, who.kenFp);
    const refused = await call('POST', `/api/v1/review/documents/${ids.report}/publication`, who.sec);
    expect(refused.body.error.details.blockers.map((b: { kind: string }) => b.kind)).toEqual(['consent']);
    expect((await call('PUT', '/api/v1/review/countries/KEN/reviews/example-ken/consents', who.kenFp, { subject: 'full_report', given: true })).status).toBe(200);
    expect((await call('POST', `/api/v1/review/documents/${ids.report}/publication`, who.sec)).status).toBe(200);
    const pub = await call('GET', '/api/v1/review/public/states/KEN?lang=ar', anon);
    expect(pub.body.documents.find((d: { kind: string }) => d.kind === 'report')).toMatchObject({ language: 'en', languages: ['en'], body: 'Edited report.' });
  });

  it('holds a Review Group meeting whose adopted recommendation goes to the Board, and records its decision', async () => {
    const m = await call('POST', '/api/v1/review/irg/meetings', who.sec, { title: 'Ninth meeting', startsOn: '2027-10-12', venue: 'nairobi', participants: [{ name: 'Chair', role: 'chair' }] });
    expect(m.status).toBe(201);
    ids.meeting = m.body.id;
    expect(m.body.agenda.map((a: { item: string }) => a.item)).toEqual(['review_progress', 'thematic_report', 'technical_assistance', 'budget', 'mechanism_performance']);
    const o = await call('POST', `/api/v1/review/irg/meetings/${ids.meeting}/outcomes`, who.sec, { kind: 'recommendation', text: 'Extend the cycle by three months.' });
    ids.outcome = o.body.outcomes[0].id;
    const early = await call('POST', `/api/v1/review/irg/meetings/${ids.meeting}/outcomes/${ids.outcome}/transmission`, who.sec);
    expect(early.status).toBe(409);
    await call('POST', `/api/v1/review/irg/meetings/${ids.meeting}/outcomes/${ids.outcome}/adoption`, who.sec);
    await call('POST', `/api/v1/review/irg/meetings/${ids.meeting}/outcomes/${ids.outcome}/transmission`, who.sec);
    expect((await call('POST', `/api/v1/review/irg/meetings/${ids.meeting}/outcomes/${ids.outcome}/decisions`, who.kenFp, { symbol: 'x', decidedOn: '2027-11-01', text: 'x' })).status).toBe(403);
    const d = await call('POST', `/api/v1/review/irg/meetings/${ids.meeting}/outcomes/${ids.outcome}/decisions`, who.board, { symbol: 'HSP/EB.2027/12', decidedOn: '2027-11-20', text: 'The Board extends the cycle.' });
    expect(d.status).toBe(201);
    expect(d.body.outcomes[0]).toMatchObject({ adoptedAt: expect.any(String), transmittedAt: expect.any(String), decisions: [expect.objectContaining({ symbol: 'HSP/EB.2027/12' })] });
  });

  it('compiles a thematic report that names a state only with its consent, published in six languages', async () => {
    await call('PUT', '/api/v1/review/countries/KEN/reviews/example-ken/consents', who.kenFp, { subject: 'named_in_thematic', given: true });
    const gen = await call('POST', `/api/v1/review/cycles/${EXAMPLE_CYCLE_ID}/thematic-reports`, who.sec, { section: 'principles' });
    expect(gen.status).toBe(201);
    ids.thematic = gen.body.id;
    const en = gen.body.translations.find((t: { language: string }) => t.language === 'en').body as string;
    expect(en).toContain('Number of states by answer');
    expect(en).toContain('Kenya:');
    expect(en).toContain('A state:');
    for (const name of ['Mexico', 'France', 'Jordan', 'Poland']) expect(en).not.toContain(name);
    expect(gen.body.translations.every((t: { status: string }) => t.status === 'draft')).toBe(true);
    for (const l of UN_LANGUAGES) await call('PUT', `/api/v1/review/translations/${l}/documents/${ids.thematic}`, translators[l], { body: `${l} thematic`, status: 'verified' });
    expect((await call('POST', `/api/v1/review/documents/${ids.thematic}/publication`, who.sec)).status).toBe(200);
    const open = await call('GET', '/api/v1/review/published?lang=zh', anon);
    expect(open.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['executive_summary', 'report', 'thematic_report']);
  });

  it('follows up a recommendation: the state updates it, the next checklist asks about it, reminders go out weekly', async () => {
    const rec = await call('POST', '/api/v1/review/reviews/example-ken/recommendations', who.sec, { text: 'Publish crime data by sex and age.', dueOn: '2027-01-31' });
    expect(rec.status).toBe(201);
    ids.recommendation = rec.body.id;
    expect((await call('POST', `/api/v1/review/countries/UGA/recommendations/${ids.recommendation}/updates`, who.ugaFp, { status: 'done', body: 'x' })).status).toBe(404);
    const up = await call('POST', `/api/v1/review/countries/KEN/recommendations/${ids.recommendation}/updates`, who.kenFp, {
      status: 'in_progress',
      body: 'The statistics office publishes them from next year.',
      evidence: [{ title: 'Plan', url: 'https://example.org/plan' }],
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'in_progress', updates: [expect.objectContaining({ status: 'in_progress' })] });
    expect(await services.reviewReports.followUp.sendReminders(new Date('2027-01-20T00:00:00Z'))).toBe(1);
    expect(await services.reviewReports.followUp.sendReminders(new Date('2027-01-22T00:00:00Z'))).toBe(0);
    expect(await services.reviewReports.followUp.sendReminders(new Date('2027-01-28T00:00:00Z'))).toBe(1);
    // The next cycle's checklist for Kenya asks about it.
    await services.review.cycles.createCycle(
      { id: 'next', title: 'Next cycle', boardDecision: { symbol: 'HSP/EB.2028/1', date: '2028-01-10' }, scope: ['principles'], stages: [{ stage: 'self_assessment', deadline: '2028-06-30' }], firstCycle: false },
      { kind: 'system', name: 'test' },
    );
    await services.review.cycles.requestParticipation('next', 'KEN', 'en', { kind: 'system', name: 'test' });
    await services.review.cycles.approve('next', 'KEN', undefined, { kind: 'system', name: 'test' });
    const asked = await call('GET', '/api/v1/review/countries/KEN/checklists/next-ken/follow-up', who.kenFp);
    expect(asked.body.recommendations.map((r: { id: number }) => r.id)).toEqual([ids.recommendation]);
  });

  it('sends reminders through the job runner: an overdue recommendation reaches the focal point’s notifications', async () => {
    // The earlier recommendation is done (no reminder whatever today's date); a new one is long overdue.
    await call('POST', `/api/v1/review/countries/KEN/recommendations/${ids.recommendation}/updates`, who.kenFp, { status: 'done', body: 'Published.' });
    await call('POST', '/api/v1/review/reviews/example-ken/recommendations', who.sec, { text: 'Overdue one.', dueOn: '2020-01-31' });
    const dataDir = mkdtempSync(join(tmpdir(), 'review-jobs-'));
    try {
      registerJobHandlers(services, { dataDir });
      const job = await services.jobs.enqueue(FOLLOW_UP_REMINDER_JOB, {});
      const outcomes = await new JobRunner(services.jobs, { info() {}, error() {} }).runDue();
      expect(outcomes.find((o) => o.id === job.id)?.status).toBe('succeeded');
      expect((await services.jobs.get(job.id)).result).toEqual({ reminded: 1 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps the technical-assistance register and the budget for the secretariat and the Board', async () => {
    const reg = await call('GET', '/api/v1/review/assistance?lang=en', who.board);
    expect(reg.status).toBe(200);
    const need = reg.body.needs[0];
    expect(need).toBeDefined();
    const offer = await call('POST', '/api/v1/review/assistance/offers', who.sec, { partner: 'UNODC', type: 'capacity_building', subject: 'methods', details: 'Training' });
    const match = await call('POST', '/api/v1/review/assistance/matches', who.sec, { reviewId: need.reviewId, questionId: need.questionId, need: need.need, offerId: offer.body.id });
    expect(match.status).toBe(201);
    expect((await call('PUT', `/api/v1/review/assistance/matches/${match.body.id}`, who.sec, { status: 'agreed' })).body.status).toBe('agreed');
    expect((await call('GET', '/api/v1/review/assistance?lang=en', who.kenFp)).status).toBe(403);

    const line = await call('POST', '/api/v1/review/budget/lines', who.sec, { period: '2026-2027', name: 'Review Group meetings', amount: 12_000_000, currency: 'USD' });
    expect(line.status).toBe(201);
    expect((await call('POST', '/api/v1/review/budget/lines', who.sec, { period: '2026-2028', name: 'x', amount: 1, currency: 'USD' })).status).toBe(400);
    const conditional = await call('POST', '/api/v1/review/budget/contributions', who.sec, { donor: 'A donor', amount: 500_000, currency: 'EUR', receivedOn: '2027-02-01', unconditional: false });
    expect(conditional.status).toBe(400);
    expect((await call('POST', '/api/v1/review/budget/contributions', who.sec, { donor: 'A donor', amount: 500_000, currency: 'EUR', receivedOn: '2027-02-01', unconditional: true })).status).toBe(201);
    await call('POST', '/api/v1/review/budget/spending', who.sec, { lineId: line.body.lines[0].id, amount: 250_000, spentOn: '2027-03-01', description: 'Interpretation' });
    const view = await call('GET', '/api/v1/review/budget', who.board);
    expect(view.body.lines[0]).toMatchObject({ amount: 12_000_000, spent: 250_000 });
    expect(view.body.contributions).toHaveLength(1);
  });

  it('audits every write', async () => {
    const { entries } = await services.audit.list(auditQuerySchema.parse({ limit: 500 }));
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['review.document_generate', 'review.translation_save', 'review.document_approve', 'review.consent_record', 'review.document_publish', 'review.irg_meeting_create', 'review.board_decision_record', 'review.thematic_generate', 'review.follow_up_update', 'review.ta_match_create', 'review.contribution_record', 'review.spending_record']) {
      expect(actions, a).toContain(a);
    }
  });

  /**
   * No ranking (issue 9): every GET route of the review mechanism in the route table — public ones as an anonymous
   * visitor, the others as the secretariat, who sees every list — in the six languages, as JSON and, where offered,
   * as CSV, checked by `rankingProblems` against the example cycle, where answers differ widely from state to state.
   */
  it('finds no score, rank or colour of states and no order but the alphabet (or the calendar’s dates) on any review route', async () => {
    // Unpublished documents of several states, so that the secretariat's list of what blocks publication has an order.
    for (const review of ['example-mex', 'example-fra', 'example-jor']) {
      expect((await call('POST', `/api/v1/review/reviews/${review}/documents`, who.sec, { kind: 'executive_summary' })).status).toBe(201);
    }
    const routes = accessTable(app).filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/review'));
    expect(routes.length).toBeGreaterThan(20);
    const fill: Record<string, string> = { cycle: EXAMPLE_CYCLE_ID, country: 'KEN', review: 'example-ken', id: String(ids.summary), meeting: String(ids.meeting), question: 'p10', number: '1' };
    const problems: string[] = [];
    const ok = new Set<string>();
    for (const route of routes) {
      for (const lang of UN_LANGUAGES) {
        const path = route.url.replace(/:(\w+)/g, (_, n: string) => (n === 'language' ? lang : (fill[n] ?? 'x')));
        for (const extra of ['', '&format=csv']) {
          const as = route.access === 'public' ? anon : who.sec;
          const res = await app.inject({ method: 'GET', url: `${path}?lang=${lang}${extra}`, headers: as.headers });
          if (res.statusCode !== 200) continue;
          ok.add(route.url);
          const type = res.headers['content-type']?.toString() ?? '';
          const payload = type.includes('json') ? res.json() : type.startsWith('text/') ? res.body : undefined;
          if (payload === undefined) continue;
          for (const p of rankingProblems(payload, lang)) problems.push(`${route.url} ${lang}${extra}: ${p.problem} at ${p.path}`);
        }
      }
    }
    expect(problems).toEqual([]);
    for (const url of ['/api/v1/review/calendar', '/api/v1/review/published', '/api/v1/review/public/states/:country', '/api/v1/review/cycles/:cycle/participants', '/api/v1/review/mine', '/api/v1/review/assistance', '/api/v1/review/publication-blockers']) {
      expect(ok, url).toContain(url);
    }
    // And the walk would see a ranking if one were there: the same checker on the calendar sorted by stage fails.
    const cal = (await call('GET', '/api/v1/review/calendar?lang=en', anon)).body as { entries: { cycle: string; country: string; name: string; date: string }[] };
    const example = cal.entries.filter((e) => e.cycle === EXAMPLE_CYCLE_ID);
    // The example cycle's states listed without dates, in reverse alphabetical order, each with a rank.
    const ranked = example.map(({ date: _date, ...e }) => e).sort((a, b) => b.name.localeCompare(a.name)).map((e, i) => ({ ...e, rank: i + 1 }));
    expect(ranked).toHaveLength(5);
    expect(rankingProblems({ entries: ranked }, 'en').map((p) => p.problem)).toEqual(expect.arrayContaining(['forbidden_field', 'not_alphabetical']));
  });
});
