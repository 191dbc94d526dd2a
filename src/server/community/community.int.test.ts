import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorHeaders, TEST_OPERATOR_TOKEN } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { makeUser, sessionFor } from '../accounts/accounts.test-support.ts';
import { buildApp } from '../http/app.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { createServices, type Services } from '../services.ts';
import { CONTACT_RETENTION_JOB, contactRetentionJob, scheduleNext } from './contact-retention.job.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe.each(storeKinds())('community reports on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let moderator: Record<string, string>;
  let otherModerator: Record<string, string>;
  const url = '/api/v1/cities/nairobi/community/reports';
  const report = (body: Record<string, unknown>, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload: body, headers });

  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store);
    app = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN, community: { perAddressPerMinute: 0, perCityPerMinute: 0, powBits: 0 } });
    const city = await services.cities.create({ slug: 'nairobi', name: 'Nairobi', country: 'KEN', timezone: 'Africa/Nairobi' });
    const other = await services.cities.create({ slug: 'kampala', name: 'Kampala', country: 'UGA', timezone: 'Africa/Kampala' });
    const units = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'WEST', name: 'West' }, geometry: square(36.7, -1.4, 36.8, -1.2) },
        { type: 'Feature', properties: { code: 'EAST', name: 'East' }, geometry: square(36.8, -1.4, 36.9, -1.2) },
      ],
    };
    await services.unitImports.importFile(
      'nairobi',
      { bytes: new TextEncoder().encode(JSON.stringify(units)), fileName: 'units.geojson' },
      { idField: 'code', nameField: 'name' },
    );
    const m = await makeUser(services, 'mod@example.org', [{ role: 'city:moderator', scope: { kind: 'city', id: city.id, slug: 'nairobi' } }]);
    moderator = (await sessionFor(services, m.id, false)).headers;
    const o = await makeUser(services, 'mod2@example.org', [{ role: 'city:moderator', scope: { kind: 'city', id: other.id, slug: 'kampala' } }]);
    otherModerator = (await sessionFor(services, o.id, false)).headers;
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('lists the default categories with names in six languages, service codes and the sensitive flag', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi/community/categories' });
    expect(res.statusCode).toBe(200);
    const cats = res.json().categories as { code: string; names: Record<string, string>; sensitive: boolean }[];
    expect(cats.map((c) => c.code)).toContain('poor-lighting');
    for (const c of cats) expect(Object.keys(c.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(cats.find((c) => c.code === 'harassment')?.sensitive).toBe(true);
  });

  it('stores a report, keeps the exact point private and derives the H3 cell at write time', async () => {
    const res = await report({ category: 'poor-lighting', description: 'Three lamps out on the footpath', location: { lat: -1.2921, lon: 36.8219 } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^[a-z2-7]{10}$/);
    expect(body.followToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await store.db.selectFrom('community_reports').selectAll().where('public_id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.cell).toMatch(/^88/);
    expect(row.public_lat).not.toBe(-1.2921);
    expect(Math.abs(row.public_lat! - -1.2921)).toBeLessThan(0.01);
    expect(row.unit_code).toBe('EAST');
  });

  it('answers a retry with the same Idempotency-Key with the first answer and never stores a second report', async () => {
    const body = { category: 'isolated-space', description: 'Empty lot behind the market', location: { landmark: 'behind the Gikomba market' } };
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const answers = await Promise.all([report(body, headers), report(body, headers), report(body, headers)]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const count = await store.db.selectFrom('community_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('idempotency_key', '=', 'retry-key-0001').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await report({ ...body, description: 'Another text' }, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('community.idempotency_mismatch');
  });

  it('keeps contact details apart and the retention job deletes them when due', async () => {
    const res = await report({ category: 'poor-lighting', description: 'dark corner', location: { unit: 'WEST' }, contact: 'amina@example.org' });
    expect(res.statusCode).toBe(201);
    const contact = await store.db.selectFrom('community_contacts').selectAll().executeTakeFirstOrThrow();
    expect(contact.contact).toBe('amina@example.org');
    expect(contact.delete_after.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    expect(await services.community.deleteExpiredContacts(new Date())).toBe(0);
    expect(await services.community.deleteExpiredContacts(new Date(Date.now() + 91 * 86_400_000))).toBe(1);
    expect(await store.db.selectFrom('community_contacts').selectAll().execute()).toEqual([]);
  });

  it('runs the retention as a persisted job that deletes what is due and queues its next run', async () => {
    const jobs = services.jobs;
    jobs.register(contactRetentionJob(services.community, jobs));
    const { id } = (await report({ category: 'poor-lighting', description: 'expired contact', location: { unit: 'WEST' }, contact: '+254 700 000 000' })).json();
    await store.db
      .updateTable('community_contacts')
      .set({ delete_after: new Date(Date.now() - 1000) })
      .where('report_id', '=', (await store.db.selectFrom('community_reports').select('id').where('public_id', '=', id).executeTakeFirstOrThrow()).id)
      .execute();
    await scheduleNext(jobs, new Date());
    await scheduleNext(jobs, new Date());
    const queued = (await jobs.list(100, 'queued')).filter((j) => j.kind === CONTACT_RETENTION_JOB);
    expect(queued).toHaveLength(1);
    const outcomes = await new JobRunner(jobs, { info() {}, error() {} }).runDue();
    expect(outcomes).toContainEqual(expect.objectContaining({ kind: CONTACT_RETENTION_JOB, status: 'succeeded' }));
    expect(await store.db.selectFrom('community_contacts').selectAll().execute()).toEqual([]);
    const next = (await jobs.list(100, 'queued')).filter((j) => j.kind === CONTACT_RETENTION_JOB);
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
  });

  it('refuses an unknown category or unit, naming the field', async () => {
    const bad = await report({ category: 'nope', description: 'something', location: { unit: 'WEST' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('category');
    const unit = await report({ category: 'poor-lighting', description: 'something', location: { unit: 'MARS' } });
    expect(unit.json().error.details.field).toBe('location.unit');
  });

  it('lets the resident follow the report and add to it without an account', async () => {
    const res = await report({ category: 'transport-stop', description: 'Bus stop with no light', location: { unit: 'WEST' } });
    const { followToken, id } = res.json();
    const follow = await app.inject({ method: 'GET', url: `/api/v1/cities/nairobi/community/follow/${followToken}` });
    expect(follow.json()).toMatchObject({ id, status: 'received', published: false });
    const add = await app.inject({ method: 'POST', url: `/api/v1/cities/nairobi/community/follow/${followToken}`, payload: { text: 'Still dark today' } });
    expect(add.statusCode).toBe(200);
    const wrong = await app.inject({ method: 'GET', url: `/api/v1/cities/nairobi/community/follow/${'A'.repeat(43)}` });
    expect(wrong.statusCode).toBe(404);
  });

  it('flags personal data, and a moderator publishes only the moderated text; the public map shows only approved, generalised, non-sensitive reports with small counts suppressed', async () => {
    const flagged = await report({ category: 'poor-lighting', description: 'Call me on +254 712 345 678 about the dark road', location: { lat: -1.3, lon: 36.75 } });
    expect(flagged.json().flags).toEqual(['phone']);
    const queue = await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi/community/moderation/reports', headers: moderator });
    expect(queue.statusCode).toBe(200);
    const item = (queue.json().reports as { id: string; suggestedPublicDescription: string }[]).find((r) => r.id === flagged.json().id)!;
    expect(item.suggestedPublicDescription).toBe('Call me on […] about the dark road');
    const act = (id: string, body: Record<string, unknown>, headers = moderator) =>
      app.inject({ method: 'POST', url: `/api/v1/cities/nairobi/community/moderation/reports/${id}/actions`, headers, payload: body });
    expect((await act(item.id, { action: 'approve' })).statusCode).toBe(400);
    expect((await act(item.id, { action: 'approve' }, otherModerator)).statusCode).toBe(403);
    const ok = await act(item.id, { action: 'approve', publicDescription: item.suggestedPublicDescription });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().report).toMatchObject({ moderation: 'approved', status: 'acknowledged' });

    // Four more in the same cell (one sensitive, not counted) → 4 public: not shown; a fifth → shown as 5, at the cell's centre.
    const ids: string[] = [];
    for (const [i, cat] of ['poor-lighting', 'poor-lighting', 'poor-lighting', 'harassment', 'poor-lighting'].entries()) {
      const r = await report({ category: cat, description: `dark again ${i}`, location: { lat: -1.3001, lon: 36.7501 } });
      ids.push(r.json().id);
    }
    for (const id of ids.slice(0, 4)) await act(id, { action: 'approve' });
    let map = (await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi/community/map' })).json();
    expect(map.features).toEqual([]);
    expect(map.notes[0]).toContain('(1 of 1)');
    await act(ids[4]!, { action: 'approve' });
    map = (await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi/community/map' })).json();
    expect(map.features.map((f: { properties: { category: string; count: number } }) => f.properties)).toEqual([
      expect.objectContaining({ category: 'poor-lighting', count: 5 }),
    ]);
    expect(JSON.stringify(map)).not.toContain('36.7501');
    expect(JSON.stringify(map)).not.toContain('36.75,');
  });

  it('forwards to a department, answers publicly, records statuses with dates, and gives private details only to moderators (audited)', async () => {
    const { id, followToken } = (await report({ category: 'poor-lighting', description: 'Lamp 12 broken', location: { lat: -1.25, lon: 36.72 }, contact: '0712 000 111' })).json();
    const base = `/api/v1/cities/nairobi/community/moderation/reports/${id}`;
    for (const body of [
      { action: 'approve' },
      { action: 'forward', department: 'Public lighting' },
      { action: 'answer', body: 'A crew is scheduled for Friday.' },
      { action: 'status', status: 'resolved' },
    ]) {
      expect((await app.inject({ method: 'POST', url: `${base}/actions`, headers: moderator, payload: body })).statusCode).toBe(200);
    }
    const follow = (await app.inject({ method: 'GET', url: `/api/v1/cities/nairobi/community/follow/${followToken}` })).json();
    expect(follow.status).toBe('resolved');
    expect(follow.events.map((e: { kind: string }) => e.kind)).toEqual(['approve', 'forward', 'answer', 'status']);
    expect(follow.events.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect((await app.inject({ method: 'GET', url: `${base}/private` })).statusCode).toBe(401);
    const priv = await app.inject({ method: 'GET', url: `${base}/private`, headers: moderator });
    expect(priv.json()).toEqual({ lat: -1.25, lon: 36.72, contact: '0712 000 111' });
    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit?action=community.read_private', headers: operatorHeaders });
    expect(audit.json().entries[0]).toMatchObject({ target: { type: 'community_report', id } });
    expect(JSON.stringify(audit.json())).not.toContain('0712');
    const stats = (await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi/community/stats' })).json();
    expect(stats.departments).toEqual([{ department: 'Public lighting', reports: null, resolved: null, medianDaysToResolve: null }]);
  });

  it('merges a duplicate into the report kept, and the duplicate says which', async () => {
    const kept = (await report({ category: 'drug-dealing', description: 'Dealing at the corner', location: { unit: 'EAST' } })).json();
    const twin = (await report({ category: 'drug-dealing', description: 'Same corner, same thing', location: { unit: 'EAST' } })).json();
    const url = `/api/v1/cities/nairobi/community/moderation/reports/${twin.id}/actions`;
    expect((await app.inject({ method: 'POST', url, headers: moderator, payload: { action: 'merge', into: twin.id } })).statusCode).toBe(400);
    const merged = await app.inject({ method: 'POST', url, headers: moderator, payload: { action: 'merge', into: kept.id } });
    expect(merged.json().report).toMatchObject({ moderation: 'merged', mergedInto: kept.id });
    const follow = (await app.inject({ method: 'GET', url: `/api/v1/cities/nairobi/community/follow/${twin.followToken}` })).json();
    expect(follow.events).toEqual([expect.objectContaining({ kind: 'merge', body: kept.id })]);
  });

  it('aggregates safety audits per cell and per unit', async () => {
    const scores = { lighting: 0, openness: 1, visibility: 1, people: 2, security: 0, walkpath: 3, transport: 2, gender_usage: 1, feeling: 0 };
    for (const lighting of [0, 2]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cities/nairobi/community/audits',
        payload: { location: { lat: -1.31, lon: 36.85 }, place: 'Market road', scores: { ...scores, lighting } },
      });
      expect(res.statusCode).toBe(201);
    }
    const audits = (await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi/community/audits' })).json();
    expect(audits.cells).toHaveLength(1);
    expect(audits.cells[0]).toMatchObject({ audits: 2, means: { lighting: 1, walkpath: 3 } });
    expect(audits.units).toEqual([expect.objectContaining({ unit: 'EAST', audits: 2 })]);
  });
});
