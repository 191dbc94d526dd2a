import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Grant } from '../../core/accounts/role.ts';
import { makeUser, platform, sessionFor, strongPassword } from '../accounts/accounts.test-support.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';

const quietLog = { info() {}, error() {} };
const profile = { source: 'police', occurredAt: { date: 'Date', format: 'yyyy-MM-dd' }, location: { lon: 'lon', lat: 'lat' }, category: { iccs: '0401' } };
const secretValue = 'not-a-longitude-7f3a';
const csv = `Date,lon,lat\n2012-01-05,-122.41,37.77\n2012-01-06,${secretValue},37.78\n`;

describe.each(storeKinds())('audit of sensitive reads, export and retention on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let analyst: { id: number; headers: Record<string, string> };
  let secretariat: Record<string, string>;
  let batch = 0;
  const dataDir = `${inject('testRoot')}/audit-reads-${kind}-${process.pid}`;

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    registerJobHandlers(services, { dataDir, auditRetentionDays: 2557 });
    const city = await services.cities.create({ slug: 'sf', name: 'San Francisco', country: 'USA', timezone: 'America/Los_Angeles' });
    const grant: Grant = { role: 'city:analyst', scope: { kind: 'city', id: city.id, slug: 'sf' } };
    const id = (await makeUser(services, 'analyst@example.org', [grant])).id;
    analyst = { id, headers: (await sessionFor(services, id, false)).headers };
    secretariat = (await sessionFor(services, (await makeUser(services, 'sec@example.org', [platform('platform:secretariat')])).id, true)).headers;

    const form = new FormData();
    form.append('profile', JSON.stringify(profile));
    form.append('file', new Blob([csv]), 'two.csv');
    const req = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cities/sf/imports',
      payload: Buffer.from(await req.arrayBuffer()),
      headers: { ...operatorHeaders, 'content-type': req.headers.get('content-type')! },
    });
    expect(res.statusCode, res.body).toBe(202);
    batch = res.json().id;
    await new JobRunner(services.jobs, quietLog).runDue();
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const lastOf = async (action: string) => (await services.audit.list({ action, limit: 10 })).entries;

  it('records who read the rejected rows of an import, and how many, never their values', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/cities/sf/imports/${batch}/rejections.csv`, headers: analyst.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(secretValue);
    const [entry] = await lastOf('import.read_rejections');
    expect(entry).toMatchObject({ actor: `user:${analyst.id}`, target: { type: 'import', id: String(batch) }, scope: { kind: 'city', id: 'sf' }, count: 1 });
  });

  it('records exact counts read by an analyst, and not the suppressed ones anyone sees', async () => {
    const url = '/api/v1/cities/sf/incidents/summary?by=month';
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect(await lastOf('incident.read_exact')).toEqual([]);
    const res = await app.inject({ method: 'GET', url, headers: analyst.headers });
    expect(res.statusCode).toBe(200);
    const [entry] = await lastOf('incident.read_exact');
    expect(entry).toMatchObject({ actor: `user:${analyst.id}`, scope: { kind: 'city', id: 'sf' }, fields: ['by'], count: res.json().rows.length });
  });

  it('exports the log as CSV and JSON with the filters of the list, and records the export', async () => {
    const csvRes = await app.inject({ method: 'GET', url: '/api/v1/audit/export?action=import.*', headers: secretariat });
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csvRes.body.trim().split('\n');
    expect(lines[0]).toBe('id,at,actor,action,target,scope,fields,count');
    expect(lines.slice(1).every((l) => /,import\./.test(l))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    const json = await app.inject({ method: 'GET', url: `/api/v1/audit/export?format=json&actor=user:${analyst.id}`, headers: secretariat });
    const rows = json.json() as { actor: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.actor === `user:${analyst.id}`)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit/export', headers: analyst.headers })).statusCode).toBe(403);
    const [entry] = await lastOf('audit.export');
    expect(entry).toMatchObject({ fields: ['actor'], count: rows.length });
  });

  it('deletes only entries older than the retention period, through the retention job alone', async () => {
    const db = services.store.db;
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set actor = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await sql`insert into audit_log (at, actor, action, target_type) values (now() - interval '8 years', 'user:1', 'city.create', 'city')`.execute(db);
    const before = (await services.audit.list({ limit: 500 })).entries.length;
    await services.jobs.enqueue('audit.retention', {});
    const outcomes = await new JobRunner(services.jobs, quietLog).runDue();
    expect(outcomes.map((o) => [o.kind, o.status])).toEqual([['audit.retention', 'succeeded']]);
    const after = (await services.audit.list({ limit: 500 })).entries;
    // One old entry gone, one entry saying so.
    expect(after.length).toBe(before);
    expect(after[0]).toMatchObject({ actor: 'system:retention', action: 'audit.retention', count: 1 });
    // The next run is queued a day later.
    expect((await services.jobs.list(10, 'queued')).map((j) => j.kind)).toContain('audit.retention');
  });

  it('holds no password, token, e-mail address or imported value', async () => {
    const rows = await sql<Record<string, unknown>>`select * from audit_log`.execute(services.store.db);
    const text = JSON.stringify(rows.rows);
    for (const secret of [strongPassword, secretValue, 'analyst@example.org', 'sec@example.org', analyst.headers.cookie!.split('=')[1]!]) {
      expect(text).not.toContain(secret);
    }
  });
});
