import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { type Browser, makeUser, platform, sessionFor } from '../accounts/accounts.test-support.ts';
import { Mailer } from '../mail/mailer.ts';
import type { Services } from '../services.ts';

/**
 * A state's self-assessment through the API, end to end: the secretariat opens a cycle, Kenya asks to take part and
 * is approved, its expert answers, the focal point clears, a reviewer comments and the state answers — while
 * Uganda's focal point and an anonymous visitor are refused at each step, and confidentiality holds on every read.
 */
describe.each(storeKinds())('review mechanism on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let mailDir: string;
  const who: Record<'sec' | 'kenFp' | 'kenExpert' | 'ugaFp' | 'reviewer', Browser> = {} as never;
  let reviewerId = 0;
  const anon = {};

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) => {
    const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.body ? (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) : null, raw: res };
  };
  const h = (b: Browser | object) => ('headers' in b ? b.headers : {});

  beforeAll(async () => {
    store = await openTestStore(kind);
    mailDir = mkdtempSync(join(tmpdir(), 'review-mail-'));
    ({ app, services } = await buildTestApp(store, {
      accounts: { publicUrl: 'http://localhost:8080/', mailer: new Mailer({ from: 'Platform <no-reply@example.org>', folder: mailDir }) },
    }));
    const mk = async (email: string, grants: Parameters<typeof makeUser>[2]) => (await makeUser(services, email, grants)).id;
    who.sec = await sessionFor(services, await mk('sec@example.org', [platform('platform:secretariat')]), true);
    who.kenFp = await sessionFor(services, await mk('fp.ken@example.org', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }]), true);
    who.kenExpert = await sessionFor(services, await mk('expert.ken@example.org', [{ role: 'country:expert', scope: { kind: 'country', id: 'KEN' } }]), false);
    who.ugaFp = await sessionFor(services, await mk('fp.uga@example.org', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'UGA' } }]), true);
    reviewerId = await mk('reviewer@example.org', []);
    who.reviewer = await sessionFor(services, reviewerId, false);
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const cycle = {
    id: 'c1',
    title: 'First review cycle',
    boardDecision: { symbol: 'HSP/EB.2026/5', date: '2026-05-10' },
    scope: ['organisation', 'approaches'],
    stages: [
      { stage: 'self_assessment', deadline: '2027-01-31' },
      { stage: 'dialogue', deadline: '2027-04-30' },
    ],
    firstCycle: true,
  };
  const S = '/api/v1/review/countries/KEN';

  it('runs a self-assessment end to end, refusing another state and anonymous visitors at each step', async () => {
    // The secretariat opens the cycle.
    expect((await call('POST', '/api/v1/review/cycles', h(who.ugaFp), cycle)).status).toBe(403);
    expect((await call('POST', '/api/v1/review/cycles', h(anon), cycle)).status).toBe(401);
    const bad = await call('POST', '/api/v1/review/cycles', h(who.sec), { ...cycle, stages: [{ stage: 'dialogue', deadline: '2027-01-01' }, { stage: 'self_assessment', deadline: '2027-02-01' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('deadline');
    expect((await call('POST', '/api/v1/review/cycles', h(who.sec), cycle)).status).toBe(201);
    expect((await call('POST', '/api/v1/review/cycles', h(who.sec), cycle)).body.error.code).toBe('review.cycle_exists');

    // Kenya asks to take part; Uganda's focal point cannot ask for it.
    expect((await call('POST', '/api/v1/review/cycles/c1/participants/KEN', h(who.ugaFp), {})).status).toBe(403);
    expect((await call('POST', '/api/v1/review/cycles/c1/participants/KEN', h(anon), {})).status).toBe(401);
    const asked = await call('POST', '/api/v1/review/cycles/c1/participants/KEN', h(who.kenFp), { language: 'fr' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ reviewId: 'c1-ken', status: 'requested', language: 'fr' });
    expect((await call('POST', '/api/v1/review/cycles/c1/participants/UGA', h(who.ugaFp), {})).status).toBe(201);

    // The checklist waits for the Board's approval, which only the secretariat records.
    expect((await call('GET', `${S}/checklists/c1-ken`, h(who.kenFp))).body.error.code).toBe('review.not_approved');
    expect((await call('POST', '/api/v1/review/cycles/c1/participants/KEN/approval', h(who.kenFp), {})).status).toBe(403);
    expect((await call('POST', '/api/v1/review/cycles/c1/participants/KEN/approval', h(who.sec), {})).body.status).toBe('approved');
    await call('POST', '/api/v1/review/cycles/c1/participants/UGA/approval', h(who.sec), {});

    // Participants alphabetically in the reader's language, with the balance warning (never blocking).
    const parts = await call('GET', '/api/v1/review/cycles/c1/participants?lang=fr', h(who.ugaFp));
    expect(parts.body.participants.map((p: { name: string }) => p.name)).toEqual(['Kenya', 'Ouganda']);
    expect(parts.body.balance.counts[0]).toEqual({ group: 'african', count: 2 });
    expect(parts.body.balance.warnings).toContainEqual({ kind: 'group_absent', group: 'asia-pacific' });
    expect(parts.body.balance.warnings).toContainEqual({ kind: 'below_target', total: 2, target: { min: 10, max: 15 } });

    // The expert answers a section with evidence and a technical-assistance need.
    const upload = await call('POST', `${S}/checklists/c1-ken/evidence`, h(who.kenExpert), { questionId: 'o23', name: 'plan.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 plan').toString('base64') });
    expect(upload.status).toBe(201);
    const answer = {
      status: 'partly',
      narrative: 'A national urban safety forum meets twice a year.',
      evidence: [
        { kind: 'link', url: '/cities/nairobi', title: 'Nairobi on the platform' },
        { kind: 'file', fileId: upload.body.fileId, name: 'plan.pdf' },
      ],
      taNeeds: [{ type: 'data_and_statistics', subject: 'methods', details: 'Geo-referenced police data' }],
    };
    expect((await call('PUT', `${S}/checklists/c1-ken/answers/o23`, h(who.ugaFp), { version: 0, answer })).status).toBe(403);
    expect((await call('PUT', `${S}/checklists/c1-ken/answers/o23`, h(anon), { version: 0, answer })).status).toBe(401);
    const saved = await call('PUT', `${S}/checklists/c1-ken/answers/o23`, h(who.kenExpert), { version: 0, answer });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ questionId: 'o23', version: 1, assisted: false });
    // A second writer holding the old version is told, by question, and loses nothing silently.
    const stale = await call('PUT', `${S}/checklists/c1-ken/answers/o23`, h(who.kenFp), { version: 0, answer: { ...answer, narrative: 'other' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('review.answer_conflict');
    expect(stale.body.error.message).toContain('o23');
    expect(stale.body.error.details).toMatchObject({ question: 'o23', yourVersion: 0, currentVersion: 1 });
    expect((await call('PUT', `${S}/checklists/c1-ken/answers/o24`, h(who.kenExpert), { version: 0, answer: { status: 'planned', narrative: 'Strategy in preparation.' } })).status).toBe(200);
    // The secretariat's help, at the state's request, is marked as such.
    const assisted = await call('PUT', `${S}/checklists/c1-ken/answers/a27`, h(who.sec), { version: 0, answer: { status: 'not_applicable' } });
    expect(assisted.body.assisted).toBe(true);
    // Uganda's people do not reach Kenya's checklist through their own country's path.
    expect((await call('GET', '/api/v1/review/countries/UGA/checklists/c1-ken', h(who.ugaFp))).status).toBe(404);

    const view = await call('GET', `${S}/checklists/c1-ken`, h(who.kenExpert));
    expect(view.body.progress).toEqual([
      { section: 'organisation', answered: 2, total: 2 },
      { section: 'approaches', answered: 1, total: 2 },
    ]);

    // The expert submits; only a focal point of Kenya clears.
    expect((await call('POST', `${S}/checklists/c1-ken/submissions`, h(who.ugaFp))).status).toBe(403);
    expect((await call('POST', `${S}/checklists/c1-ken/submissions`, h(who.kenExpert))).body).toEqual({ number: 1 });
    expect((await call('POST', `${S}/checklists/c1-ken/clearance`, h(who.kenExpert), {})).status).toBe(403);
    expect((await call('POST', `${S}/checklists/c1-ken/clearance`, h(who.ugaFp), {})).status).toBe(403);
    expect((await call('POST', `${S}/checklists/c1-ken/clearance`, h(who.kenFp), {})).body).toEqual({ number: 1 });
    expect((await call('POST', `${S}/checklists/c1-ken/clearance`, h(who.kenFp), {})).body.error.code).toBe('review.already_cleared');

    // A reviewer, assigned to Kenya's review only, reads the cleared version and comments on one answer.
    expect((await call('GET', '/api/v1/review/reviews/c1-ken/checklist', h(who.reviewer))).status).toBe(403);
    expect((await call('POST', '/api/v1/review/reviews/c1-ken/reviewers', h(who.kenFp), { userId: reviewerId })).status).toBe(403);
    expect((await call('POST', '/api/v1/review/reviews/c1-ken/reviewers', h(who.sec), { userId: reviewerId })).status).toBe(204);
    who.reviewer = await sessionFor(services, reviewerId, false);
    const seen = await call('GET', '/api/v1/review/reviews/c1-ken/checklist', h(who.reviewer));
    expect(seen.status).toBe(200);
    expect(seen.body.answers.find((a: { questionId: string }) => a.questionId === 'o23').answer.narrative).toBe(answer.narrative);
    expect((await call('GET', '/api/v1/review/reviews/c1-uga/checklist', h(who.reviewer))).status).toBe(403);
    const opened = await call('POST', '/api/v1/review/reviews/c1-ken/threads', h(who.reviewer), { questionId: 'o23', body: 'How often does the forum report to the cabinet?' });
    expect(opened.status).toBe(201);
    expect((await call('POST', `/api/v1/review/reviews/c1-ken/threads/${opened.body.id}/messages`, h(who.ugaFp), { body: 'x' })).status).toBe(403);
    expect((await call('GET', '/api/v1/review/countries/UGA/reviews/c1-ken/threads', h(who.ugaFp))).status).toBe(404);

    // The state answers the comment.
    const threads = await call('GET', `${S}/reviews/c1-ken/threads`, h(who.kenFp));
    expect(threads.body.threads).toHaveLength(1);
    expect(threads.body.threads[0]).toMatchObject({ questionId: 'o23', confidentiality: 'state_and_reviewers' });
    expect((await call('POST', `${S}/reviews/c1-ken/threads/${opened.body.id}/messages`, h(anon), { body: 'x' })).status).toBe(401);
    expect((await call('POST', `${S}/reviews/c1-ken/threads/${opened.body.id}/messages`, h(who.kenFp), { body: 'Once a year, in March.' })).status).toBe(201);
    const after = await call('GET', '/api/v1/review/reviews/c1-ken/threads', h(who.reviewer));
    expect(after.body.threads[0].messages.map((m: { side: string }) => m.side)).toEqual(['reviewer', 'state']);

    // Reads of confidential documents are in the audit log; mail says that something happened, never what.
    const audit = await services.audit.list({ action: 'review.read', limit: 100 });
    expect(audit.entries.some((e) => e.actor === `user:${reviewerId}` && e.target.id === 'c1-ken')).toBe(true);
    const mails = readdirSync(mailDir).map((f) => readFileSync(join(mailDir, f), 'utf8'));
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.join('\n')).not.toContain('Once a year');
    expect(mails.join('\n')).not.toContain('cabinet');
  });

  it('enforces each confidentiality level on threads, the checklist and its exports', async () => {
    await call('POST', `${S}/reviews/c1-ken/threads`, h(who.kenFp), { questionId: 'o24', confidentiality: 'state', body: 'Internal: ask the ministry first.' });
    await call('POST', `${S}/reviews/c1-ken/threads`, h(who.sec), { questionId: null, confidentiality: 'secretariat', body: 'Secretariat note.' });
    const reviewerSees = (await call('GET', '/api/v1/review/reviews/c1-ken/threads', h(who.reviewer))).body.threads.map((t: { confidentiality: string }) => t.confidentiality);
    expect(reviewerSees).toEqual(['state_and_reviewers']);
    const stateSees = (await call('GET', `${S}/reviews/c1-ken/threads`, h(who.kenExpert))).body.threads.map((t: { confidentiality: string }) => t.confidentiality);
    expect(stateSees).toEqual(['state_and_reviewers', 'state']);
    const secSees = (await call('GET', `${S}/reviews/c1-ken/threads`, h(who.sec))).body.threads.length;
    expect(secSees).toBe(3);
    // A reviewer cannot write at a level that would hide the text from them.
    expect((await call('POST', '/api/v1/review/reviews/c1-ken/threads', h(who.reviewer), { questionId: null, confidentiality: 'state', body: 'x' })).status).toBe(400);

    const html = await call('GET', '/api/v1/review/reviews/c1-ken/checklist/export?format=html', h(who.reviewer));
    expect(html.status).toBe(200);
    expect(html.raw.body).toContain('lang="fr"');
    expect(html.raw.body).toContain('Par. 23 (a)–(d)');
    expect(html.raw.body).toContain('forum');
    const docx = await call('GET', `${S}/checklists/c1-ken/export?format=docx`, h(who.kenFp));
    expect(docx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The focal point keeps the checklist to the state: reviewers are refused, in the API and in exports.
    expect((await call('PUT', `${S}/checklists/c1-ken/confidentiality`, h(who.kenExpert), { confidentiality: 'state' })).status).toBe(403);
    expect((await call('PUT', `${S}/checklists/c1-ken/confidentiality`, h(who.kenFp), { confidentiality: 'state' })).status).toBe(204);
    expect((await call('GET', '/api/v1/review/reviews/c1-ken/checklist', h(who.reviewer))).body.error.code).toBe('review.confidential');
    expect((await call('GET', '/api/v1/review/reviews/c1-ken/checklist/export?format=html', h(who.reviewer))).body.error.code).toBe('review.confidential');
    expect((await call('GET', '/api/v1/review/reviews/c1-ken/evidence/1', h(who.reviewer))).body.error.code).toBe('review.confidential');
    await call('PUT', `${S}/checklists/c1-ken/confidentiality`, h(who.kenFp), { confidentiality: 'state_and_reviewers' });
  });

  it('keeps every submitted version, compares them, and carries answers over to the next cycle', async () => {
    const current = (await call('GET', `${S}/checklists/c1-ken`, h(who.kenExpert))).body.answers.find((a: { questionId: string }) => a.questionId === 'o24');
    await call('PUT', `${S}/checklists/c1-ken/answers/o24`, h(who.kenExpert), { version: current.version, answer: { status: 'largely', narrative: 'Strategy adopted in 2026.' } });
    expect((await call('POST', `${S}/checklists/c1-ken/submissions`, h(who.kenExpert))).body).toEqual({ number: 2 });
    const diff = await call('GET', `${S}/checklists/c1-ken/diff?from=1&to=2`, h(who.kenFp));
    expect(diff.body.changes.map((c: { questionId: string; fields: string[] }) => [c.questionId, c.fields])).toEqual([['o24', ['status', 'narrative']]]);
    expect((await call('GET', `${S}/checklists/c1-ken/submissions/1`, h(who.kenFp))).body.answers.o24.status).toBe('planned');
    // Reviewers see cleared versions only: version 2 is not cleared yet.
    expect((await call('GET', '/api/v1/review/reviews/c1-ken/submissions/2', h(who.reviewer))).status).toBe(409);

    await call('POST', '/api/v1/review/cycles', h(who.sec), { ...cycle, id: 'c2', boardDecision: { symbol: 'HSP/EB.2028/3', date: '2028-05-10' }, firstCycle: false });
    await call('POST', '/api/v1/review/cycles/c2/participants/KEN', h(who.kenFp), {});
    await call('POST', '/api/v1/review/cycles/c2/participants/KEN/approval', h(who.sec), {});
    const next = await call('GET', `${S}/checklists/c2-ken`, h(who.kenExpert));
    expect(next.body.carriedFrom).toBe('c1-ken');
    const o24 = next.body.answers.find((a: { questionId: string }) => a.questionId === 'o24');
    expect(o24).toMatchObject({ carriedOver: true, answer: { status: 'largely' } });
    // Editing a carried-over answer makes it this cycle's own.
    const edited = await call('PUT', `${S}/checklists/c2-ken/answers/o24`, h(who.kenExpert), { version: o24.version, answer: { ...o24.answer, narrative: 'Reviewed.' } });
    expect(edited.body.carriedOver).toBe(false);
  });

  it('keeps the proposal on a versioned template, cleared by the focal point', async () => {
    const p = await call('GET', `${S}/proposals/c1-ken`, h(who.kenExpert));
    expect(p.body.template.version).toBe(1);
    expect(p.body.template.fields.map((f: { id: string }) => f.id)).toContain('publication_consent');
    expect((await call('PUT', `${S}/proposals/c1-ken`, h(who.kenExpert), { version: 0, content: { nope: 'x' } })).body.error.code).toBe('review.bad_proposal');
    const saved = await call('PUT', `${S}/proposals/c1-ken`, h(who.kenExpert), { version: 0, content: { national_context: 'Rapid urbanisation.', publication_consent: true, languages: ['fr', 'en'] } });
    expect(saved.body.version).toBe(1);
    expect((await call('PUT', `${S}/proposals/c1-ken`, h(who.kenFp), { version: 0, content: {} })).body.error.code).toBe('review.proposal_conflict');
    expect((await call('POST', `${S}/proposals/c1-ken/clearance`, h(who.kenExpert))).status).toBe(403);
    expect((await call('POST', `${S}/proposals/c1-ken/clearance`, h(who.kenFp))).status).toBe(204);
    expect((await call('GET', '/api/v1/review/reviews/c1-ken/proposal', h(who.reviewer))).body.proposal.status).toBe('cleared');
    const t2 = await call('POST', '/api/v1/review/proposal-templates', h(who.sec), { fields: p.body.template.fields.slice(0, 3) });
    expect(t2.body.version).toBe(2);
    expect((await call('POST', '/api/v1/review/proposal-templates', h(who.kenFp), { fields: [] })).status).toBe(403);
  });

  it('shows the secretariat, and only it, which states are past their stage deadline', async () => {
    await call('POST', '/api/v1/review/cycles', h(who.sec), { ...cycle, id: 'late', stages: [{ stage: 'self_assessment', deadline: '2020-01-31' }] });
    await call('POST', '/api/v1/review/cycles/late/participants/UGA', h(who.ugaFp), {});
    await call('POST', '/api/v1/review/cycles/late/participants/UGA/approval', h(who.sec), {});
    const asSec = await call('GET', '/api/v1/review/cycles/late/participants', h(who.sec));
    expect(asSec.body.participants[0]).toMatchObject({ country: 'UGA', deadline: '2020-01-31', overdue: true });
    const asState = await call('GET', '/api/v1/review/cycles/late/participants', h(who.ugaFp));
    expect(asState.body.participants[0].overdue).toBe(false);
  });

  it('sends a digest to those who chose one', async () => {
    const fp = await services.accounts.users.list().then((u) => u.find((x) => x.email === 'fp.ken@example.org')!);
    expect((await call('PUT', '/api/v1/review/mail-preference', h(who.kenFp), { mode: 'digest' })).status).toBe(204);
    const before = readdirSync(mailDir).length;
    await call('POST', `${S}/checklists/c1-ken/submissions`, h(who.kenExpert));
    expect(readdirSync(mailDir).length).toBe(before);
    expect(await services.review.mail.sendDigests()).toBeGreaterThanOrEqual(1);
    const newest = readdirSync(mailDir).sort().map((f) => readFileSync(join(mailDir, f), 'utf8')).join('\n');
    expect(newest).toContain('fp.ken@example.org');
    expect(await services.review.mail.mode(fp.id)).toBe('digest');
    expect(await services.review.mail.sendDigests()).toBe(0);
  });

  it('loads the EXAMPLE cycle on request: labelled, states at different stages, answers that differ widely', async () => {
    expect((await call('POST', '/api/v1/review/example', h(who.kenFp))).status).toBe(403);
    const loaded = await call('POST', '/api/v1/review/example', h(who.sec));
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ id: 'example', example: true });
    const parts = await call('GET', '/api/v1/review/cycles/example/participants?lang=en', h(who.sec));
    const names = parts.body.participants.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en')));
    expect(new Set(parts.body.participants.map((p: { stage: string }) => p.stage)).size).toBeGreaterThanOrEqual(3);
    expect(parts.body.participants.some((p: { status: string }) => p.status === 'requested')).toBe(true);
    const mine = (await call('GET', '/api/v1/review/mine?lang=fr', h(who.sec))).body.reviews.filter((r: { cycleId: string }) => r.cycleId === 'example');
    const mineNames = mine.map((r: { name: string }) => r.name);
    expect(mineNames).toEqual([...mineNames].sort((a: string, b: string) => a.localeCompare(b, 'fr')));
    expect(mineNames).toContain('Chine');
    const ken = await call('GET', '/api/v1/review/countries/KEN/checklists/example-ken', h(who.kenFp));
    const mex = await call('GET', '/api/v1/review/countries/MEX/checklists/example-mex', h(who.sec));
    const statuses = (v: typeof ken) => v.body.answers.map((a: { answer: { status: string } }) => a.answer.status).join();
    expect(statuses(ken)).not.toBe(statuses(mex));
    expect(ken.body.answers.every((a: { answer: { narrative: string } }) => a.answer.narrative.startsWith('EXAMPLE'))).toBe(true);
    const html = await call('GET', '/api/v1/review/countries/KEN/checklists/example-ken/export?format=html', h(who.kenFp));
    expect(html.raw.body).toContain('EXAMPLE — training data, not a real review');
    const pdf = await call('GET', '/api/v1/review/countries/KEN/checklists/example-ken/export?format=pdf', h(who.kenFp));
    if (existsSync('/usr/bin/chromium')) expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    else expect(pdf.body.error.code).toBe('review.export_unavailable');
  });
});
