import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MultiPolygon, Polygon } from 'geojson';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { ProfileInput } from '../../core/incidents/profile.ts';
import { buildUnitIndex } from '../../core/units/unit-index.ts';
import { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import { createServices, type Services } from '../services.ts';
import { IncidentRepository } from './incident.repository.ts';
import { IncidentImportService } from './incident-import.service.ts';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);
const robberyPath = new URL('incidents/sfcrime2012_sf_robbery.csv', fixtures).pathname;
const robberyText = readFileSync(robberyPath, 'utf8');
const robberyLines = robberyText.trimEnd().split('\n');
/** The file's records, parsed independently of the importer: { IncidntNum, Date, lon, lat, … }. */
const robberies = parse(robberyText, { columns: true }) as Record<string, string>[];

/** The profile an analyst writes from the file's header. */
const robberyProfile: ProfileInput = {
  source: 'police',
  occurredAt: { date: 'Date', format: 'yyyy-MM-dd' },
  location: { lon: 'lon', lat: 'lat' },
  category: { iccs: '0401' },
};

describe.each(storeKinds())('incident imports on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  const dir = `${inject('testRoot')}/incidents-${kind}-${process.pid}`;
  const file = (name: string, text: string) => {
    writeFileSync(`${dir}/${name}`, text);
    return `${dir}/${name}`;
  };
  const importFile = (city: string, path: string, profile: ProfileInput = robberyProfile) =>
    services.incidentImports.importFile({ citySlug: city, path, fileName: path.split('/').pop()!, profile });
  const total = async (city: string, query: Record<string, string> = {}) => {
    const s = await services.incidents.summary(city, { by: ['source'], ...query } as never, 'exact');
    return s.rows.reduce((n, r) => n + (r.count ?? 0), 0);
  };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    store = await openTestStore(kind);
    services = createServices(store);
    for (const slug of ['sf', 'sf-ids', 'sf-bad', 'levels']) {
      await services.cities.create({ slug, name: slug, country: 'USA', timezone: 'America/Los_Angeles' });
    }
    const blocks = readFileSync(new URL('units/sf-block-groups-2010.geojson', fixtures));
    await services.unitImports.importFile('sf', { bytes: new Uint8Array(blocks), fileName: 'blocks.geojson' }, {
      idField: 'GEO_id2',
      nameField: 'GEO_displa',
    });
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('imports every row of the San Francisco robbery file as one record (2,761)', async () => {
    const { batch, notes } = await importFile('sf', robberyPath);
    expect(batch).toMatchObject({ status: 'complete', source: 'police', fileName: 'sfcrime2012_sf_robbery.csv' });
    expect(batch.totals).toMatchObject({ read: 2761, imported: 2761, updated: 0, unchanged: 0, rejected: 0 });
    expect(batch.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(notes[0]).toContain('0401');
    expect(await total('sf')).toBe(2761);
  });

  it('counts per unit what the unit index locates, block group by block group', async () => {
    const fc = await services.units.featureCollection('sf', {});
    const index = buildUnitIndex(
      fc.features.map((f, i) => ({ id: i, code: f.properties.unit, geometry: f.geometry as Polygon | MultiPolygon })),
    );
    const expected = new Map<string, number>(fc.features.map((f) => [f.properties.unit, 0]));
    let outside = 0;
    for (const r of robberies) {
      const slot = index.locate(Number(r.lon), Number(r.lat));
      if (slot === undefined) outside++;
      else expected.set(fc.features[slot]!.properties.unit, expected.get(fc.features[slot]!.properties.unit)! + 1);
    }
    const s = await services.incidents.summary('sf', { by: ['unit'] }, 'exact');
    const got = new Map(s.rows.map((r) => [r.unit!, r.count]));
    expect(s.rows).toHaveLength(579 + (outside > 0 ? 1 : 0));
    for (const [code, n] of expected) expect(got.get(code), code).toBe(n);
    expect(got.get('outside') ?? 0).toBe(outside);
    const [batch] = await services.imports.list('sf');
    expect(batch!.totals.outside).toBe(outside);
  });

  it('counts per month what a direct count of the file gives, July to December 2012', async () => {
    const direct = new Map<string, number>();
    for (const r of robberies) {
      const month = r.Date!.slice(0, 7);
      direct.set(month, (direct.get(month) ?? 0) + 1);
    }
    const s = await services.incidents.summary('sf', { by: ['month'] }, 'exact');
    expect(s.rows).toEqual([...direct].sort().map(([month, count]) => ({ month, count })));
    expect(s.rows.map((r) => r.month)).toEqual(['2012-07', '2012-08', '2012-09', '2012-10', '2012-11', '2012-12']);
  });

  it('answers bounds inside months from the records of the partial months', async () => {
    const direct = robberies.filter((r) => r.Date! >= '2012-07-15' && r.Date! <= '2012-08-10');
    expect(await total('sf', { from: '2012-07-15', to: '2012-08-10' })).toBe(direct.length);
    const byMonth = await services.incidents.summary('sf', { by: ['month'], from: '2012-07-15', to: '2012-08-10' }, 'exact');
    expect(byMonth.rows.map((r) => r.month)).toEqual(['2012-07', '2012-08']);
    expect(byMonth.notes.join(' ')).toMatch(/2012-07-15 to 2012-07-31, 2012-08-01 to 2012-08-10/);
    const oneDay = robberies.filter((r) => r.Date === '2012-09-30').length;
    expect(await total('sf', { from: '2012-09-30', to: '2012-09-30' })).toBe(oneDay);
    expect(await total('sf', { from: '2012-08-01', to: '2012-11-30' })).toBe(497 + 438 + 483 + 497);
  });

  it('filters by ICCS code with descendants and by source', async () => {
    expect(await total('sf', { iccs: '04' })).toBe(2761);
    expect(await total('sf', { iccs: '0401' })).toBe(2761);
    expect(await total('sf', { iccs: '0501' })).toBe(0);
    expect(await total('sf', { source: 'health' })).toBe(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await services.incidents.summary('sf', { by: ['unit', 'month'] }, 'exact');
    const { batch } = await importFile('sf', robberyPath);
    expect(batch.totals).toMatchObject({ read: 2761, imported: 0, updated: 0, unchanged: 2761, rejected: 0, outside: 0 });
    expect(await services.incidents.summary('sf', { by: ['unit', 'month'] }, 'exact')).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from incidents`.execute(store.db);
    expect(rows[0]!.n).toBe(2761);
  });

  it('leaves nothing visible when an import dies midway, and the next import succeeds', async () => {
    const small = new IncidentImportService(
      new IncidentRepository(store.db),
      new ImportBatchRepository(store.db),
      services.cities,
      services.units,
      store.kind,
      500,
    );
    await services.imports.undo('sf', (await services.imports.list('sf'))[1]!.id);
    expect(await total('sf')).toBe(0);
    let calls = 0;
    await expect(
      small.importFile({
        citySlug: 'sf',
        path: robberyPath,
        fileName: 'robbery.csv',
        profile: robberyProfile,
        onProgress: () => {
          if (++calls === 3) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await total('sf')).toBe(0);
    const [failed] = await services.imports.list('sf');
    expect(failed).toMatchObject({ status: 'failed', error: 'power cut' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from incidents where batch_id = ${failed!.id}`.execute(store.db);
    expect(rows[0]!.n).toBe(0);

    const abort = new AbortController();
    const aborted = small.importFile({
      citySlug: 'sf',
      path: robberyPath,
      fileName: 'robbery.csv',
      profile: robberyProfile,
      signal: abort.signal,
      onProgress: () => abort.abort(new Error('Ctrl-C')),
    });
    await expect(aborted).rejects.toThrow('Ctrl-C');
    expect(await total('sf')).toBe(0);

    const { batch } = await importFile('sf', robberyPath);
    expect(batch.totals).toMatchObject({ imported: 2761, unchanged: 0 });
    expect(await total('sf')).toBe(2761);
  });

  it('cleans up a batch left running by a process that died', async () => {
    const batches = new ImportBatchRepository(store.db);
    const city = await services.cities.get('sf');
    const dead = await batches.create({ cityId: city.id, kind: 'incidents', source: 'police', fileName: 'x.csv', fileSha256: 'pending', profile: {} });
    await new IncidentRepository(store.db).insertChunk(city.id, dead.id, 'police', [], [{ line: 2, field: 'Date', value: '', reason: 'x' }], {
      skipVisible: true,
    });
    await sql`update import_batches set heartbeat_at = now() - interval '1 day' where id = ${dead.id}`.execute(store.db);
    const fresh = createServices(store);
    registerJobHandlers(fresh, { dataDir: dir });
    const job = await fresh.jobs.enqueue('imports.cleanup', {});
    expect(await new JobRunner(fresh.jobs, { info() {}, error() {} }).runDue()).toEqual([{ id: job.id, kind: 'imports.cleanup', status: 'succeeded' }]);
    expect((await fresh.jobs.get(job.id)).result).toEqual({ cleaned: 1 });
    expect((await batches.get(city.id, dead.id))!.status).toBe('failed');
    expect(await batches.rejections(city.id, dead.id)).toEqual([]);
    expect(await total('sf')).toBe(2761);
  });

  it('removes a whole import with undo, aggregates included', async () => {
    const latest = (await services.imports.list('sf')).find((b) => b.status === 'complete');
    const undone = await services.imports.undo('sf', latest!.id);
    expect(undone.status).toBe('undone');
    expect(await total('sf')).toBe(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from incident_aggregates where city_id = ${latest!.cityId}`.execute(store.db);
    expect(rows[0]!.n).toBe(0);
    await expect(services.imports.undo('sf', latest!.id)).rejects.toMatchObject({ code: 'import.not_undoable' });
  });

  it('updates exactly the changed record of an id-keyed newer extract, and undo restores the old one', async () => {
    const header = 'IncidntNum;Offence;Date;lon;lat';
    const rows = robberies.slice(0, 100).map((r, i) => `${r.IncidntNum};${i};${r.Date};${r.lon};${r.lat}`);
    const profile: ProfileInput = { ...robberyProfile, file: { delimiter: ';' }, id: ['IncidntNum', 'Offence'] };
    const first = await importFile('sf-ids', file('extract-1.csv', [header, ...rows].join('\n')), profile);
    expect(first.batch.totals).toMatchObject({ read: 100, imported: 100 });
    const changed = [...rows];
    changed[41] = changed[41]!.replace(/;2012-(\d\d)-(\d\d);/, ';2012-12-31;');
    const extra = '999;0;2012-12-30;-122.4;37.78';
    const second = await importFile('sf-ids', file('extract-2.csv', [header, ...changed, extra].join('\n')), profile);
    expect(second.batch.totals).toMatchObject({ read: 101, imported: 1, updated: 1, unchanged: 99, rejected: 0 });
    expect(await total('sf-ids')).toBe(101);
    expect(await total('sf-ids', { from: '2012-12-31', to: '2012-12-31' })).toBe(1);
    const replaced = await sql<{ n: number }>`
      select count(*)::int as n from incidents where replaced_by_batch = ${second.batch.id}`.execute(store.db);
    expect(replaced.rows[0]!.n).toBe(1);
    await services.imports.undo('sf-ids', second.batch.id);
    expect(await total('sf-ids')).toBe(100);
    expect(await total('sf-ids', { from: '2012-12-31', to: '2012-12-31' })).toBe(0);
  });

  it('reports each rejected row with its line number and reason, and still completes', async () => {
    const lines = robberyLines.slice(0, 11);
    lines[2] = lines[2]!.replace(/2012-07-01/, '2012-13-01'); // line 3: no such month
    lines[4] = lines[4]!.replace(/-122\.\d+,37\.\d+$/, ',37.7'); // line 5: lon empty
    lines[7] = lines[7]!.replace(/-122\.\d+,37\.\d+$/, 'abc,95'); // line 8: lon and lat bad
    const { batch } = await importFile('sf-bad', file('bad.csv', `${lines.join('\n')}\n`));
    expect(batch.totals).toMatchObject({ read: 10, imported: 7, rejected: 3 });
    const rejections = await services.imports.rejections('sf-bad', batch.id);
    expect(rejections).toEqual([
      { line: 3, field: 'Date', value: '2012-13-01', reason: 'date does not match the format "yyyy-MM-dd"' },
      { line: 5, field: 'lon', value: '', reason: 'coordinate is empty' },
      { line: 8, field: 'lon', value: 'abc', reason: 'coordinate is not a number' },
    ]);
  });

  it('counts a ward for its district at level 1, by parent codes, and reads unit codes in files', async () => {
    const square = (code: string, x: number, w: number, parent?: string) => ({
      type: 'Feature',
      properties: { code, name: code, parent },
      geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + w, 0], [x + w, 1], [x, 1], [x, 0]]] },
    });
    const geojson = (features: unknown[]) => ({ bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })), fileName: 'u.geojson' });
    await services.unitImports.importFile('levels', geojson([square('D1', 0, 2), square('D2', 2, 1)]), { idField: 'code', nameField: 'name' });
    await services.unitImports.importFile(
      'levels',
      geojson([square('W1', 0, 1, 'D1'), square('W2', 1, 1, 'D1'), square('W3', 2, 1, 'D2')]),
      { idField: 'code', nameField: 'name', parentField: 'parent', level: 2 },
    );
    const csv = 'date,lon,lat,ward\n2024-01-01,0.5,0.5,\n2024-01-02,1.5,0.5,\n2024-01-03,1.6,0.5,\n2024-01-04,9,9,\n';
    await importFile('levels', file('levels.csv', csv), { ...robberyProfile, occurredAt: { date: 'date', format: 'yyyy-MM-dd' } });
    const byCode = { ...robberyProfile, source: 'health', occurredAt: { date: 'date', format: 'yyyy-MM-dd' }, location: { unit: 'ward' } };
    const coded = await importFile('levels', file('coded.csv', 'date,lon,lat,ward\n2024-01-05,,,W3\n2024-01-06,,,W9\n'), byCode);
    expect(coded.batch.totals).toMatchObject({ imported: 1, rejected: 1 });
    const finest = await services.incidents.summary('levels', { by: ['unit'] }, 'exact');
    expect(finest.rows).toEqual([
      { unit: 'W1', count: 1 },
      { unit: 'W2', count: 2 },
      { unit: 'W3', count: 1 },
      { unit: 'outside', count: 1 },
    ]);
    const districts = await services.incidents.summary('levels', { by: ['unit', 'source'], level: 1 }, 'exact');
    expect(districts.rows).toEqual([
      { unit: 'D1', source: 'health', count: 0 },
      { unit: 'D1', source: 'police', count: 3 },
      { unit: 'D2', source: 'health', count: 1 },
      { unit: 'D2', source: 'police', count: 0 },
      { unit: 'outside', source: 'police', count: 1 },
    ]);
  });

  it('fails without a batch when the header lacks a column the profile names', async () => {
    const before = (await services.imports.list('sf-bad')).length;
    const bad = { ...robberyProfile, occurredAt: { date: 'date_faits', format: 'yyyy-MM-dd' } };
    await expect(importFile('sf-bad', robberyPath, bad)).rejects.toMatchObject({
      code: 'import.missing_column',
      message: expect.stringContaining('"date_faits" (occurredAt.date)'),
    });
    await expect(importFile('sf-bad', `${dir}/nope.csv`)).rejects.toMatchObject({ code: 'import.file_unreadable' });
    await expect(importFile('nowhere', robberyPath)).rejects.toMatchObject({ code: 'city.not_found' });
    await expect(importFile('sf-bad', robberyPath, { ...robberyProfile, category: { iccs: '9999' } })).rejects.toMatchObject({
      code: 'import.profile_invalid',
      message: expect.stringContaining('category.iccs'),
    });
    expect(await services.imports.list('sf-bad')).toHaveLength(before);
  });
});
