import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import spdep from '../../../test/fixtures/hotspots/spdep-sf-blocks.json' with { type: 'json' };
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { localG } from '../../core/hotspots/getis-ord.ts';
import { fromLists, withSelf } from '../../core/hotspots/weights.ts';
import { makeUser, sessionFor } from '../accounts/accounts.test-support.ts';
import { demoCity, loadDemoIfEmpty } from '../demo.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';

const quiet = { info() {}, error() {} };
const base = `/api/v1/cities/${demoCity.slug}/hotspots`;

type Feature = { properties: Record<string, unknown> };
type Collection = { features: Feature[]; parameters: Record<string, unknown>; notes: string[]; global?: { z: number }; knox?: { p: number } };

describe.each(storeKinds())('hotspots on the demo city on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    registerJobHandlers(services, { dataDir: store.where });
    await loadDemoIfEmpty(services);
    await new JobRunner(services.jobs, quiet).runDue();
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const get = async (query: string, headers: Record<string, string> = operatorHeaders) =>
    app.inject({ method: 'GET', url: `${base}?${query}`, headers });

  it('gives Gi* on the block groups as R spdep does, from the imported robbery records', async () => {
    const res = await get('method=gistar&grid=units&weights=queen&iccs=0401');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Collection;
    expect(body.features).toHaveLength(579);
    const byUnit = new Map(body.features.map((f) => [f.properties.unit as string, f.properties]));
    // The imported records land in the same block groups as the published per-group counts where they agree.
    const agree = spdep.ids.filter((id, i) => byUnit.get(id)?.records === spdep.y[i]);
    expect(agree.length).toBeGreaterThan(570);
    // Gi* from the API's own counts on spdep's queen neighbours: the server built the same weights from the stored units.
    const y = Float64Array.from(spdep.ids, (id) => byUnit.get(id)!.records as number);
    const z = localG(y, withSelf(fromLists(spdep.queen)), { star: true }).z;
    for (const [i, id] of spdep.ids.entries()) expect(byUnit.get(id)!.z as number).toBeCloseTo(z[i]!, 10);
    expect(body.parameters).toMatchObject({ method: 'gistar', grid: 'units', weights: 'queen', transform: 'binary', exact: true });
    expect(body.notes.join(' ')).toMatch(/Benjamini–Hochberg/);
    const classes = new Set(body.features.map((f) => f.properties.class));
    expect(classes.has('hot_99')).toBe(true);
  });

  it('writes the CSV columns of the issue', async () => {
    const res = await get('method=gi&grid=h3:8&iccs=0401', { ...operatorHeaders, accept: 'text/csv' });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('cell,value,statistic,z,p,p_fdr,class');
    expect(lines[1]).toMatch(/^88[0-9a-f]{13},/);
  });

  it('hides areas resting on fewer than five records from the public, and gives analysts exact figures', async () => {
    const q = 'method=gistar&grid=h3:9&from=2012-07-01&to=2012-07-31';
    const exact = (await get(q)).json() as Collection;
    const anonymous = (await get(q, {})).json() as Collection;
    expect(anonymous.parameters.exact).toBe(false);
    const small = exact.features.filter((f) => (f.properties.records as number) > 0 && (f.properties.records as number) < 5);
    expect(small.length).toBeGreaterThan(0);
    const pub = new Map(anonymous.features.map((f) => [f.properties.cell, f.properties]));
    for (const f of small) expect(pub.get(f.properties.cell)).toMatchObject({ class: 'suppressed', z: null, value: null, records: null });
    expect(anonymous.features.every((f) => f.properties.records === null)).toBe(true);
    const sf = await services.cities.get(demoCity.slug);
    const analyst = await makeUser(services, `analyst-${kind}@sf.example`, [{ role: 'city:analyst', scope: { kind: 'city', id: sf.id, slug: sf.slug } }]);
    const viewer = await makeUser(services, `viewer-${kind}@sf.example`, [{ role: 'city:viewer', scope: { kind: 'city', id: sf.id, slug: sf.slug } }]);
    expect(((await get(q, (await sessionFor(services, analyst.id, false)).headers)).json() as Collection).features).toEqual(exact.features);
    expect(((await get(q, (await sessionFor(services, viewer.id, false)).headers)).json() as Collection).features).toEqual(anonymous.features);
  });

  it('repeats local Moran permutations with the same seed', async () => {
    const q = 'method=lisa&grid=units&permutations=99&iccs=0601';
    const a = (await get(`${q}&seed=5`)).json() as Collection;
    const b = (await get(`${q}&seed=5`)).json() as Collection;
    const c = (await get(`${q}&seed=6`)).json() as Collection;
    const ps = (x: Collection) => x.features.map((f) => f.properties.p);
    expect(ps(a)).toEqual(ps(b));
    expect(ps(a)).not.toEqual(ps(c));
    expect(a.global!.z).toBeGreaterThan(3);
    expect(new Set(a.features.map((f) => f.properties.class))).toContain('high_high');
  });

  it('draws a kernel density, emerging hot spots and a Knox test', async () => {
    const kde = (await get('method=kde&grid=square:500&iccs=0401')).json() as Collection;
    expect(kde.parameters.bandwidth).toBeGreaterThan(0);
    expect(kde.features.some((f) => (f.properties.density as number) > 0)).toBe(true);
    const emerging = (await get('method=emerging&grid=h3:8&iccs=0601')).json() as Collection;
    expect(emerging.features.length).toBeGreaterThan(50);
    expect(emerging.features.some((f) => f.properties.category !== 'no_pattern')).toBe(true);
    const knox = await get('method=knox&iccs=0401&permutations=49&distance=300&days=7', { ...operatorHeaders, accept: 'text/csv' });
    expect(knox.body.split('\n')[0]).toBe('space,time,pairs,expected,p');
  }, 120_000);

  it('takes queen on hexagons as the first ring, and says so', async () => {
    const queen = (await get('method=gistar&grid=h3:8&weights=queen&iccs=0401')).json() as Collection;
    const ring = (await get('method=gistar&grid=h3:8&weights=ring:1&iccs=0401')).json() as Collection;
    expect(queen.features.map((f) => f.properties.z)).toEqual(ring.features.map((f) => f.properties.z));
    expect(queen.notes.join(' ')).toContain('queen on hexagons is the first ring (ring:1)');
  });

  it('names the parameter that cannot work', async () => {
    const ring = await get('method=gi&grid=units&weights=ring:1');
    expect(ring.statusCode).toBe(400);
    expect(ring.json().error.details).toEqual({ field: 'weights' });
    const res = await get('method=gi&grid=h3:12');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/grid/);
  });
});
