import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { makeUser, sessionFor } from '../accounts/accounts.test-support.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';

const robbery = readFileSync(new URL('../../../test/fixtures/incidents/sfcrime2012_sf_robbery.csv', import.meta.url), 'utf8');
const quietLog = { info() {}, error() {} };
const profile = {
  source: 'police',
  occurredAt: { date: 'Date', format: 'yyyy-MM-dd' },
  location: { lon: 'lon', lat: 'lat' },
  category: { iccs: '0401' },
};

/** A multipart body as a browser sends it. */
async function multipart(fields: Record<string, string>, file?: { name: string; text: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.text]), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

describe.each(storeKinds())('imports API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const dataDir = `${inject('testRoot')}/imports-api-${kind}-${process.pid}`;
  const post = async (fields: Record<string, string>, file?: { name: string; text: string }, headers = operatorHeaders) => {
    const body = await multipart(fields, file);
    return app.inject({ method: 'POST', url: '/api/v1/cities/sf/imports', payload: body.payload, headers: { ...headers, ...body.headers } });
  };

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    registerJobHandlers(services, { dataDir });
    await services.cities.create({ slug: 'sf', name: 'San Francisco', country: 'USA', timezone: 'America/Los_Angeles' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('refuses an anonymous upload before reading it', async () => {
    const res = await post({ profile: JSON.stringify(profile) }, { name: 'r.csv', text: robbery }, {} as typeof operatorHeaders);
    expect(res.statusCode).toBe(401);
  });

  it('answers a bad profile with 400 naming the key, and a header without the column likewise', async () => {
    const bad = await post({ profile: JSON.stringify({ ...profile, category: { iccs: '99' } }) }, { name: 'r.csv', text: robbery });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'import.profile_invalid', messageId: 'error.import.profile_invalid' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['category.iccs']);
    const missing = await post({ profile: JSON.stringify({ ...profile, location: { lon: 'x', lat: 'lat' } }) }, { name: 'r.csv', text: robbery });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('import.missing_column');
    expect(readdirSync(`${dataDir}/uploads/incidents/sf`)).toEqual([]);
  });

  it('stores the upload, queues the job, answers 202, then reports progress and totals', async () => {
    const res = await post({ profile: JSON.stringify(profile) }, { name: 'robbery.csv', text: robbery });
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'running', fileName: 'robbery.csv', job: { status: 'queued' } });
    expect(readdirSync(`${dataDir}/uploads/incidents/sf`)).toHaveLength(1);
    const url = `/api/v1/cities/sf/imports/${queued.id}`;
    // Invisible until the job has run.
    const before = await app.inject({ method: 'GET', url: '/api/v1/cities/sf/incidents/summary?by=source', headers: operatorHeaders });
    expect(before.json().rows).toEqual([]);

    const outcomes = await new JobRunner(services.jobs, quietLog).runDue();
    expect(outcomes).toEqual([{ id: queued.job.id, kind: 'incidents.import', status: 'succeeded' }]);
    const done = (await app.inject({ method: 'GET', url, headers: operatorHeaders })).json();
    expect(done).toMatchObject({ status: 'complete', totals: { read: 2761, imported: 2761, rejected: 0 }, job: { status: 'succeeded' } });
    expect(done.job.progress.total).toBe(Buffer.byteLength(robbery));
    expect(done.job.progress.done).toBe(done.job.progress.total);

    const csv = await app.inject({ method: 'GET', url: `${url}/rejections.csv`, headers: operatorHeaders });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe('line,field,value,reason\n');
    const list = await app.inject({ method: 'GET', url: '/api/v1/cities/sf/imports', headers: operatorHeaders });
    expect(list.json().imports.map((b: { id: number }) => b.id)).toEqual([queued.id]);
  });

  it('gives the operator exact counts and the public suppressed ones, saying so', async () => {
    const url = '/api/v1/cities/sf/incidents/summary?by=month&from=2012-07-01&to=2012-07-03';
    const exact = (await app.inject({ method: 'GET', url, headers: operatorHeaders })).json();
    const anonymous = (await app.inject({ method: 'GET', url })).json();
    expect(exact.rows).toHaveLength(1);
    const n = exact.rows[0].count as number;
    expect(anonymous.rows).toEqual([{ month: '2012-07', count: n < 5 ? null : n }]);
    expect(anonymous.notes.join(' ')).toMatch(/suppressed/);
    expect(exact.notes.join(' ')).not.toMatch(/suppressed/);
    const byDay = (await app.inject({ method: 'GET', url: '/api/v1/cities/sf/incidents/summary?by=month,unit&from=2012-07-01&to=2012-07-01' })).json();
    expect(byDay.rows.every((r: { count: number | null }) => r.count === null || r.count === 0 || r.count >= 5)).toBe(true);
  });

  it("gives the city's analysts exact counts, and a viewer or another city's analyst the public ones", async () => {
    const url = '/api/v1/cities/sf/incidents/summary?by=month&from=2012-07-01&to=2012-07-03';
    const exact = (await app.inject({ method: 'GET', url, headers: operatorHeaders })).json();
    const sf = await services.cities.get('sf');
    const other = await services.cities.create({ slug: 'oakland', name: 'Oakland', country: 'USA', timezone: 'America/Los_Angeles' });
    const grant = (role: 'city:analyst' | 'city:viewer', city: { id: number; slug: string }) => ({
      role,
      scope: { kind: 'city' as const, id: city.id, slug: city.slug },
    });
    const countsAs = async (email: string, g: ReturnType<typeof grant>) => {
      const user = await makeUser(services, email, [g]);
      const session = await sessionFor(services, user.id, false);
      return (await app.inject({ method: 'GET', url, headers: session.headers })).json();
    };
    expect((await countsAs('analyst@sf.example', grant('city:analyst', sf))).rows).toEqual(exact.rows);
    const suppressed = (await app.inject({ method: 'GET', url })).json().rows;
    expect((await countsAs('viewer@sf.example', grant('city:viewer', sf))).rows).toEqual(suppressed);
    expect((await countsAs('analyst@oakland.example', grant('city:analyst', other))).rows).toEqual(suppressed);
  });

  it('validates the summary query, naming the parameter', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities/sf/incidents/summary?by=unit,colour&to=2012-02-30' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['by.1', 'to']));
  });

  it('undoes an import through the API', async () => {
    const [batch] = (await app.inject({ method: 'GET', url: '/api/v1/cities/sf/imports', headers: operatorHeaders })).json().imports;
    const undone = await app.inject({ method: 'POST', url: `/api/v1/admin/imports/${batch.id}/undo`, headers: operatorHeaders });
    expect(undone.json()).toMatchObject({ id: batch.id, status: 'undone' });
    const again = await app.inject({ method: 'POST', url: `/api/v1/cities/sf/imports/${batch.id}/undo`, headers: operatorHeaders });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('import.not_undoable');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/cities/sf/imports/999999', headers: operatorHeaders });
    expect(missing.statusCode).toBe(404);
    expect(existsSync(dataDir)).toBe(true);
  });
});
