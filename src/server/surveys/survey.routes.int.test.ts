import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';

const root = new URL('../../../', import.meta.url);
const form = readFileSync(new URL('forms/safer-cities-standard-modules.xlsx', root));
const mapping = readFileSync(new URL('forms/safer-cities-standard-modules.mapping.json', root), 'utf8');
const data = readFileSync(new URL('test/fixtures/survey/standard-submissions.csv', root), 'utf8');
const quietLog = { info() {}, error() {} };

async function multipart(fields: Record<string, string>, files: Record<string, { name: string; body: Uint8Array | string }>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, f] of Object.entries(files)) body.append(k, new Blob([typeof f.body === 'string' ? f.body : new Uint8Array(f.body)]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

describe.each(storeKinds())('surveys API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const dataDir = `${inject('testRoot')}/surveys-api-${kind}-${process.pid}`;
  const post = async (fields: Record<string, string>, files = { form: { name: 'form.xlsx', body: form }, data: { name: 'data.csv', body: data } }) => {
    const body = await multipart(fields, files);
    return app.inject({ method: 'POST', url: '/api/v1/cities/town/surveys', payload: body.payload, headers: { ...operatorHeaders, ...body.headers } });
  };

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    registerJobHandlers(services, { dataDir });
    await services.cities.create({ slug: 'town', name: 'Town', country: 'KEN', timezone: 'Africa/Nairobi' });
    const square = (code: string, x: number) => ({
      type: 'Feature',
      properties: { code, name: code },
      geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
    });
    const units = { type: 'FeatureCollection', features: [square('N1', 0), square('N2', 1)] };
    await services.unitImports.importFile('town', { bytes: new TextEncoder().encode(JSON.stringify(units)), fileName: 'u.geojson' }, { idField: 'code', nameField: 'name' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('answers a mapping that does not match the form with 400 naming the field, keeping no file', async () => {
    const bad = JSON.parse(mapping);
    bad.modules.violence.physical.question = 'violence/punched';
    const res = await post({ mapping: JSON.stringify(bad) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'survey.bad_mapping', messageId: 'error.survey.bad_mapping' });
    expect(res.json().error.details.problems).toEqual([{ field: 'modules.violence.physical.question', reason: 'no question "violence/punched" in the form\'s survey sheet' }]);
    expect(readdirSync(`${dataDir}/uploads/surveys/town`)).toEqual([]);
  });

  it('uploads, imports as a job, lists, reports rejected rows and deletes', async () => {
    const res = await post({ mapping, weight: 'weight', strata: 'stratum', cluster: 'cluster', name: 'Safety survey 2026' });
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ name: 'Safety survey 2026', status: 'running', job: { status: 'queued' } });
    const outcomes = await new JobRunner(services.jobs, quietLog).runDue();
    expect(outcomes).toEqual([{ id: queued.job.id, kind: 'surveys.import', status: 'succeeded' }]);
    const url = `/api/v1/cities/town/surveys/${queued.id}`;
    const done = (await app.inject({ method: 'GET', url, headers: operatorHeaders })).json();
    expect(done).toMatchObject({ status: 'complete', totals: { rejected: 3 }, firstDate: '2026-03-01', job: { status: 'succeeded' } });
    expect(done.questions.map((q: { path: string }) => q.path)).toContain('harassment/harassment_place');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/cities/town/surveys', headers: operatorHeaders })).json();
    expect(list.surveys.map((s: { id: number }) => s.id)).toEqual([queued.id]);
    const csv = await app.inject({ method: 'GET', url: `${url}/rejections.csv`, headers: operatorHeaders });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('line,field,value,reason');
    expect(csv.body).toContain('weight,-1,the weight must be a positive number');
    // Rejected rows hold respondents' answers: reading them is audited with their number, never their values.
    const [read] = (await services.audit.list({ action: 'import.read_rejections', limit: 1 })).entries;
    expect(read).toMatchObject({ actor: 'system:operator', target: { type: 'survey', id: String(queued.id) }, scope: { kind: 'city', id: 'town' }, count: 3 });
    const del = await app.inject({ method: 'DELETE', url, headers: operatorHeaders });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url, headers: operatorHeaders })).statusCode).toBe(404);
  });

  it('serves the standard form to anyone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/surveys/standard-form.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
