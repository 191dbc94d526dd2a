import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { ProfileInput } from '../../core/incidents/profile.ts';
import { poissonLimits } from '../../core/indicators/poisson.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';
import { printPdf } from './report.job.ts';

const quiet = { info() {}, error() {} };

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 0.01, 0],
      [x + 0.01, 0.01],
      [x, 0.01],
      [x, 0],
    ],
  ],
});
const unitsGeoJson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'A', name: 'Alpha' }, geometry: square(0) },
    { type: 'Feature', properties: { code: 'B', name: 'Beta' }, geometry: square(0.02) },
  ],
});
const populationCsv = ['unit,year,sex,age_band,population', 'A,2021,female,total,50000', 'A,2021,male,total,50000', 'B,2021,female,total,20000', 'B,2021,male,total,30000'].join('\n');

/** Police: A 2021 6 female + 12 male homicides, B 2021 2 male, A 2022 4 female + 8 male, A 2022 7 robberies. Health: A 2021 15 homicides. */
function incidentRows(source: 'police' | 'health'): string {
  const rows = ['id,date,ward,kind,sex'];
  let n = 0;
  const add = (count: number, date: (i: number) => string, ward: string, kind: string, sex: string) => {
    for (let i = 0; i < count; i++) rows.push(`${source}-${++n},${date(i)},${ward},${kind},${sex}`);
  };
  const spread = (year: number) => (i: number) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  if (source === 'police') {
    add(6, spread(2021), 'A', 'H', 'F');
    add(12, spread(2021), 'A', 'H', 'M');
    add(2, spread(2021), 'B', 'H', 'M');
    add(4, spread(2022), 'A', 'H', 'F');
    add(8, spread(2022), 'A', 'H', 'M');
    add(7, spread(2022), 'A', 'R', 'M');
  } else {
    add(15, spread(2021), 'A', 'H', 'M');
  }
  return `${rows.join('\n')}\n`;
}

const profile = (source: string): ProfileInput => ({
  source,
  id: 'id',
  occurredAt: { date: 'date', format: 'yyyy-MM-dd' },
  location: { unit: 'ward' },
  category: { column: 'kind', map: { H: '0101', R: '0401' } },
  victim: { sex: { column: 'sex', map: { F: 'female', M: 'male' } } },
});

describe.each(storeKinds())('indicators on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  let app: FastifyInstance;
  const dir = `${inject('testRoot')}/indicators-${kind}-${process.pid}`;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    registerJobHandlers(services, { dataDir: dir });
    await services.cities.create({ slug: 'ind', name: 'Indicatoria', country: 'KEN', timezone: 'UTC' });
    await services.unitImports.importFile('ind', { bytes: new TextEncoder().encode(unitsGeoJson), fileName: 'units.geojson' }, { idField: 'code', nameField: 'name' });
    await services.population.importCsv('ind', { bytes: new TextEncoder().encode(populationCsv), fileName: 'population.csv' });
    for (const source of ['police', 'health'] as const) {
      const path = `${dir}/${source}.csv`;
      writeFileSync(path, incidentRows(source));
      const { batch } = await services.incidentImports.importFile({ citySlug: 'ind', path, fileName: `${source}.csv`, profile: profile(source) });
      expect(batch.totals.rejected).toBe(0);
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('lists the built-in indicators and says how iccs:<code> works', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities/ind/indicators' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { indicators: { code: string; names: Record<string, { status: string }> }[]; notes: string[] };
    expect(body.indicators.map((d) => d.code)).toEqual(expect.arrayContaining(['16.1.1', '16.1.4', 'umf:5.1.1']));
    expect(body.indicators[0]!.names.fr!.status).toBe('unofficial');
    expect(body.notes.join(' ')).toContain('iccs:<code>');
  });

  it('computes 16.1.1 by unit and sex over a whole year, police and health side by side, with exact intervals', async () => {
    const a = await services.indicators.compute('ind', '16.1.1', { by: ['unit', 'sex'], from: '2021-01-01', to: '2021-12-31' }, 'exact');
    const cell = (unit: string, sex: string, source: string) => a.rows.find((r) => r.unit === unit && r.sex === sex && r.source === source)!;
    expect(cell('A', 'female', 'police')).toMatchObject({ numerator: 6, denominator: 50_000, value: 12 });
    const lim = poissonLimits(6);
    expect(cell('A', 'female', 'police').lower).toBeCloseTo((lim.lower / 50_000) * 100_000, 9);
    expect(cell('A', 'female', 'police').upper).toBeCloseTo((lim.upper / 50_000) * 100_000, 9);
    expect(cell('A', 'male', 'police')).toMatchObject({ numerator: 12, value: 24 });
    expect(cell('A', 'male', 'health')).toMatchObject({ numerator: 15, value: 30 });
    expect(cell('B', 'male', 'police')).toMatchObject({ numerator: 2, denominator: 30_000 });
    expect(cell('B', 'female', 'health')).toMatchObject({ numerator: 0, value: 0 });
    expect(a.notes.join(' ')).toContain('yearly rollup');
    expect(a.notes.join(' ')).toContain('side by side');
  });

  it('gives the same counts from the monthly aggregates as from the yearly rollup, and takes 2021 population for 2022', async () => {
    const yearly = await services.indicators.compute('ind', '16.1.1', { by: ['year'], from: '2021-01-01', to: '2022-12-31' }, 'exact');
    const quarterly = await services.indicators.compute('ind', '16.1.1', { by: ['quarter'], from: '2021-01-01', to: '2022-12-31' }, 'exact');
    expect(quarterly.notes.join(' ')).toContain('monthly incident aggregates');
    const sum = new Map<string, number>();
    for (const r of quarterly.rows) sum.set(`${r.quarter!.slice(0, 4)} ${r.source}`, (sum.get(`${r.quarter!.slice(0, 4)} ${r.source}`) ?? 0) + r.numerator!);
    for (const r of yearly.rows) expect(sum.get(`${r.year} ${r.source}`)).toBe(r.numerator);
    const p2022 = yearly.rows.find((r) => r.year === '2022' && r.source === 'police')!;
    expect(p2022).toMatchObject({ numerator: 12, denominator: 150_000 });
    expect(yearly.notes.join(' ')).toContain('2022 → 2021');
  });

  it('scales part of a year to a year and says so', async () => {
    const r = await services.indicators.compute('ind', 'iccs:0401', { by: [], from: '2022-01-01', to: '2022-06-30' }, 'exact');
    // Robberies on days 1–7 of months 1–7: those in January to June count (6).
    expect(r.rows[0]).toMatchObject({ numerator: 6 });
    expect(r.rows[0]!.denominator).toBeCloseTo((150_000 * 181) / 365, 3);
    expect(r.notes.join(' ')).toContain('scaled to a year');
  });

  it('answers CSV with suppressed small cells to the public and exact figures to the operator', async () => {
    const url = '/api/v1/cities/ind/indicators/16.1.1?by=unit&from=2021-01-01&to=2021-12-31';
    const pub = await app.inject({ method: 'GET', url, headers: { accept: 'text/csv' } });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toContain('text/csv');
    const rows = parse(pub.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['unit', 'source', 'value', 'lower', 'upper', 'numerator', 'denominator', 'flags', 'suppressed']);
    const b = rows.find((r) => r.unit === 'B' && r.source === 'police')!;
    expect(b).toMatchObject({ suppressed: 'true', value: '', numerator: '' });
    expect(rows.find((r) => r.unit === 'A' && r.source === 'police')).toMatchObject({ numerator: '18', suppressed: 'false' });
    const exact = await app.inject({ method: 'GET', url, headers: { ...operatorHeaders, accept: 'text/csv' } });
    const exactRows = parse(exact.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(exactRows[0]!)).not.toContain('suppressed');
    expect(exactRows.find((r) => r.unit === 'B' && r.source === 'police')!.numerator).toBe('2');
  });

  it('says honestly that survey indicators have no data', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities/ind/indicators/16.1.4?by=sex' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: [] });
    expect((res.json() as { notes: string[] }).notes.join(' ')).toContain('No survey data');
  });

  it('rejects a breakdown the indicator does not allow, and an unknown code', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/v1/cities/ind/indicators/16.1.1?by=place' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation' } });
    const none = await app.inject({ method: 'GET', url: '/api/v1/cities/ind/indicators/iccs:99' });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ error: { code: 'indicator.not_found' } });
  });

  it('creates, computes, updates and deletes a city indicator', async () => {
    const body = { code: 'robbery', names: { en: 'Robbery', fr: 'Vols' }, source: 'record', iccs: '0401', denominator: 'residents' };
    const created = await app.inject({ method: 'POST', url: '/api/v1/cities/ind/indicators', headers: operatorHeaders, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'city:robbery', iccs: '0401' });
    const again = await app.inject({ method: 'POST', url: '/api/v1/cities/ind/indicators', headers: operatorHeaders, payload: body });
    expect(again.statusCode).toBe(409);
    const value = await services.indicators.compute('ind', 'city:robbery', { by: [], from: '2022-01-01', to: '2022-12-31' }, 'exact');
    expect(value.rows[0]!.numerator).toBe(7);
    const put = await app.inject({ method: 'PUT', url: '/api/v1/cities/ind/indicators/city:robbery', headers: operatorHeaders, payload: { ...body, iccs: '0101' } });
    expect(put.statusCode).toBe(200);
    const anon = await app.inject({ method: 'POST', url: '/api/v1/cities/ind/indicators', payload: { ...body, code: 'x' } });
    expect(anon.statusCode).toBe(401);
    const del = await app.inject({ method: 'DELETE', url: '/api/v1/cities/ind/indicators/city:robbery', headers: operatorHeaders });
    expect(del.statusCode).toBe(204);
    const builtIn = await app.inject({ method: 'DELETE', url: '/api/v1/cities/ind/indicators/16.1.1', headers: operatorHeaders });
    expect(builtIn.statusCode).toBe(400);
  });

  it('keeps a monitoring framework, shows progress and builds a report as a job', async () => {
    const p = await app.inject({ method: 'POST', url: '/api/v1/cities/ind/monitoring/priorities', headers: operatorHeaders, payload: { title: 'Reduce lethal violence' } });
    expect(p.statusCode).toBe(201);
    const priorityId = (p.json() as { id: number }).id;
    const t = await app.inject({
      method: 'POST',
      url: '/api/v1/cities/ind/monitoring/targets',
      headers: operatorHeaders,
      payload: { priorityId, indicatorCode: '16.1.1', baseline: { value: 12, year: 2021 }, target: { value: 6, year: 2030 } },
    });
    expect(t.statusCode).toBe(201);
    const progress = await app.inject({ method: 'GET', url: '/api/v1/cities/ind/monitoring', headers: operatorHeaders });
    expect(progress.statusCode).toBe(200);
    const target = (progress.json() as { priorities: { targets: { latest: { year: number; value: number }; trend: unknown; status: string }[] }[] }).priorities[0]!.targets[0]!;
    // Police, whole city: 2021 20 / 150,000; 2022 12 homicides up to 31 August (the last month with records), so
    // 243 days of 2021's population, scaled to a year.
    expect(target.latest.year).toBe(2022);
    expect(target.latest.value).toBeCloseTo((12 / ((150_000 * 243) / 365)) * 100_000, 9);
    expect(target.trend).not.toBeNull();
    expect(['on_track', 'off_track', 'uncertain']).toContain(target.status);

    const queued = await app.inject({ method: 'POST', url: '/api/v1/cities/ind/monitoring/reports', headers: operatorHeaders, payload: { from: '2021-01-01', to: '2022-12-31', lang: 'ar' } });
    expect(queued.statusCode).toBe(202);
    const id = (queued.json() as { id: number }).id;
    const outcomes = await new JobRunner(services.jobs, quiet).runDue();
    expect(outcomes.map((o) => [o.kind, o.status])).toEqual([['monitoring.report', 'succeeded']]);
    const report = await app.inject({ method: 'GET', url: `/api/v1/cities/ind/monitoring/reports/${id}`, headers: operatorHeaders });
    expect(report.json()).toMatchObject({ status: 'done', hasHtml: true });
    const html = await app.inject({ method: 'GET', url: `/api/v1/cities/ind/monitoring/reports/${id}/html`, headers: operatorHeaders });
    expect(html.body).toContain('dir="rtl"');
    expect(html.body).toContain('تقرير التقدم');
    expect(html.body).toContain('<svg');
    const r = report.json() as { hasPdf: boolean; note: string | null };
    if (r.hasPdf) {
      const pdf = await app.inject({ method: 'GET', url: `/api/v1/cities/ind/monitoring/reports/${id}/pdf`, headers: operatorHeaders });
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(r.note).toMatch(/No PDF/);
    }
    // Without Chromium the report keeps its HTML and says why there is no PDF.
    expect(await printPdf('<p>x</p>', `${dir}/no-chromium-here`)).toEqual({ pdf: null, note: expect.stringMatching(/Chromium is not installed/) });
  }, 120_000);

  it('brings the yearly rollup up to date as an import finishes, once, with the new records counted', async () => {
    const before = await services.indicators.compute('ind', '16.1.1', { by: ['unit'], from: '2021-01-01', to: '2021-12-31' }, 'exact');
    const bPolice = () => before.rows.find((r) => r.unit === 'B' && r.source === 'police')!.numerator;
    const path = `${dir}/police-more.csv`;
    writeFileSync(path, ['id,date,ward,kind,sex', 'more-1,2021-03-04,B,H,F', 'more-2,2021-05-06,B,H,M', ''].join('\n'));
    await services.incidentImports.importFile({ citySlug: 'ind', path, fileName: 'police-more.csv', profile: profile('police') });
    expect(await services.indicators.refreshRollup('ind')).toBe(true);
    expect(await services.indicators.refreshRollup('ind')).toBe(false);
    const after = await services.indicators.compute('ind', '16.1.1', { by: ['unit'], from: '2021-01-01', to: '2021-12-31' }, 'exact');
    expect(after.notes.join(' ')).toContain('yearly rollup');
    expect(after.rows.find((r) => r.unit === 'B' && r.source === 'police')!.numerator).toBe(bPolice()! + 2);
  });
});
