import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { buildUnitIndex } from '../../core/units/unit-index.ts';
import { PopulationRepository } from '../population/population.repository.ts';
import { createServices, type Services } from '../services.ts';

const fixtures = new URL('../../../test/fixtures/units/', import.meta.url);
const fixture = (name: string) => ({ bytes: new Uint8Array(readFileSync(new URL(name, fixtures))), fileName: name });
const sq = (x: number, y: number, s = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});
function geojson(features: { id: string; name?: string; parent?: string; pop?: number; geometry: Polygon | null }[], crs?: string) {
  const doc = {
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: features.map((f) => ({ type: 'Feature', properties: { id: f.id, name: f.name ?? `Unit ${f.id}`, parent: f.parent, pop: f.pop }, geometry: f.geometry })),
  };
  return { bytes: new TextEncoder().encode(JSON.stringify(doc)), fileName: 'units.geojson' };
}
const outerRing = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!);
const shoelace = (ring: number[][]) => ring.reduce((s, p, i) => s + (ring[(i + 1) % ring.length]![0]! - p[0]!) * (ring[(i + 1) % ring.length]![1]! + p[1]!), 0);

describe.each(storeKinds())('units import on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  const counts = async () => ({
    units: (await store.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    population: (await store.db.selectFrom('population').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    batches: (await store.db.selectFrom('import_batches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  });

  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store);
    for (const [slug, country, timezone] of [
      ['sf', 'USA', 'America/Los_Angeles'],
      ['sf-shp', 'USA', 'America/Los_Angeles'],
      ['london', 'GBR', 'Europe/London'],
      ['testville', 'KEN', 'Africa/Nairobi'],
    ] as const) {
      await services.cities.create({ slug, name: slug, country, timezone });
    }
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('imports the 579 San Francisco block groups from GeoJSON with their 2010 population', async () => {
    const s = await services.unitImports.importFile('sf', fixture('sf-block-groups-2010.geojson'), {
      idField: 'GEO_ID',
      nameField: 'GEO_displa',
      populationField: 'Population',
      year: 2010,
    });
    expect(s).toMatchObject({ read: 579, imported: 579, updated: 0, unchanged: 0, flagged: 0, skipped: 0, populationRows: 579, crs: 'WGS 84' });
    const fc = await services.units.featureCollection('sf', { year: 2010 });
    expect(fc.features).toHaveLength(579);
    expect(fc.features.reduce((sum, f) => sum + (f.properties.population ?? 0), 0)).toBe(805_235);
    const batch = await store.db.selectFrom('import_batches').selectAll().where('id', '=', s.batchId).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'units', status: 'complete', rows_read: 579, rows_imported: 579, file_name: 'sf-block-groups-2010.geojson' });
    // Every stored outer ring is counter-clockwise (RFC 7946).
    expect(fc.features.every((f) => shoelace(outerRing(f.geometry)) < 0)).toBe(true);
  });

  it('builds the point index for a year and keeps it until the next import', async () => {
    const city = await services.cities.get('sf');
    const index = await services.units.indexFor(city.id, 2012);
    expect(index.size).toBe(579);
    // Same answers as an index built straight from the fixture, for every robbery of the golden test.
    const codeOf = new Map((await services.units.list('sf', {})).map((u) => [u.id, u.code]));
    const fc = JSON.parse(readFileSync(new URL('sf-block-groups-2010.geojson', fixtures), 'utf8'));
    const direct = buildUnitIndex(fc.features.map((f: { properties: { GEO_ID: string }; geometry: MultiPolygon }, i: number) => ({ id: i, code: f.properties.GEO_ID, geometry: f.geometry })));
    const points = readFileSync(new URL('sf-robbery-2012-points.csv', fixtures), 'utf8').trim().split('\n').slice(1);
    for (const line of points) {
      const [, lon, lat] = line.split(',').map(Number);
      const fromStore = index.locate(lon!, lat!);
      const fromFile = direct.locate(lon!, lat!);
      expect(fromStore === undefined ? undefined : codeOf.get(fromStore)).toBe(fromFile === undefined ? undefined : fc.features[fromFile].properties.GEO_ID);
    }
    expect(await services.units.indexFor(city.id, 2012)).toBe(index);
    await services.unitImports.importFile('sf', fixture('sf-4-groups-2227.zip'), { idField: 'GEOID', nameField: 'NAME', level: 2 });
    const finer = await services.units.indexFor(city.id, 2012);
    expect(finer).not.toBe(index);
    expect(finer.size).toBe(4); // the finest level now
  });

  it('imports a zipped Shapefile in EPSG:2227 (ESRI .prj) to the same places as the GeoJSON', async () => {
    const s = await services.unitImports.importFile('sf-shp', fixture('sf-4-groups-2227.zip'), { idField: 'GEOID', nameField: 'NAME' });
    expect(s).toMatchObject({ read: 4, imported: 4, flagged: 0, crs: 'WKT "NAD_1983_StatePlane_California_III_FIPS_0403_Feet"' });
    const fromShp = await services.units.list('sf-shp', {});
    const fromGeoJson = new Map((await services.units.list('sf', { level: 1 })).map((u) => [u.code, u]));
    for (const u of fromShp) {
      const ref = fromGeoJson.get(u.code)!;
      expect(u.name).toBe(ref.name);
      expect(u.areaM2).toBeCloseTo(ref.areaM2, -1);
      for (const [i, v] of u.bbox.entries()) expect(Math.abs(v - ref.bbox[i]!)).toBeLessThan(1e-8);
      expect(shoelace(outerRing(u.geometry))).toBeLessThan(0); // clockwise in the .shp, counter-clockwise stored
    }
  });

  it('imports a GeoPackage in EPSG:27700 with the Helmert note', async () => {
    const s = await services.unitImports.importFile('london', fixture('london-grid-27700.gpkg'), { idField: 'code', nameField: 'name' });
    expect(s).toMatchObject({ read: 4, imported: 4, flagged: 0, crs: 'EPSG:27700 (OSGB36 / British National Grid)' });
    expect(s.notes.join('\n')).toMatch(/Helmert/);
    const sw = (await services.units.list('london', {})).find((u) => u.code === 'SW')!;
    // E 530 000, N 180 000 is in central London, about 51.50°N 0.13°W.
    expect(sw.bbox[0]).toBeCloseTo(-0.1295, 2);
    expect(sw.bbox[1]).toBeCloseTo(51.5, 1);
    expect(sw.areaM2).toBeGreaterThan(990_000);
    expect(sw.areaM2).toBeLessThan(1_005_000);
    expect(sw.name).toBe('Ward SW');
  });

  it('keeps older boundary versions for earlier years', async () => {
    const v2010 = [sq(0, 0), sq(0.01, 0), sq(0, 0.01)].map((geometry, i) => ({ id: `U${i}`, geometry }));
    let s = await services.unitImports.importFile('testville', geojson(v2010), { idField: 'id', nameField: 'name', year: 2010 });
    expect(s).toMatchObject({ imported: 3, updated: 0, unchanged: 0 });
    const v2020 = [...v2010.slice(0, 2), { id: 'U2', geometry: sq(0, 0.01, 0.02) }, { id: 'U3', geometry: sq(0.05, 0.05) }];
    s = await services.unitImports.importFile('testville', geojson(v2020), { idField: 'id', nameField: 'name', year: 2020 });
    expect(s).toMatchObject({ imported: 1, updated: 1, unchanged: 2 });
    const at = async (year?: number) =>
      Object.fromEntries(
        (await services.units.list('testville', { year })).map((u) => [u.code, [u.validFromYear, u.validToYear, Math.round(u.bbox[2] * 1000) / 1000]]),
      );
    expect(await at(2015)).toEqual({ U0: [2010, null, 0.01], U1: [2010, null, 0.02], U2: [2010, 2020, 0.01] });
    expect(await at(2020)).toEqual({ U0: [2010, null, 0.01], U1: [2010, null, 0.02], U2: [2020, null, 0.02], U3: [2020, null, 0.06] });
    expect(await at(2009)).toEqual({});
    // The same file again changes nothing.
    s = await services.unitImports.importFile('testville', geojson(v2020), { idField: 'id', nameField: 'name', year: 2020 });
    expect(s).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
  });

  it('flags nested units whose parent is not at the level above, and bad geometry, and goes on', async () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[1, 1], [1.02, 1.02], [1.02, 1], [1, 1.02], [1, 1]]] };
    const wards = [
      { id: 'W1', parent: 'U0', geometry: sq(0, 0, 0.005) },
      { id: 'W2', parent: 'NOPE', geometry: sq(0.005, 0, 0.005) },
      { id: 'W3', parent: 'U1', geometry: bowtie },
      { id: 'W1', parent: 'U0', geometry: sq(0, 0.005, 0.005) },
    ];
    const s = await services.unitImports.importFile('testville', geojson(wards), { idField: 'id', nameField: 'name', parentField: 'parent', level: 2, year: 2020 });
    expect(s).toMatchObject({ read: 4, imported: 3, skipped: 1, flagged: 3 });
    expect(s.report.map((r) => `${r.unit},${r.code}`)).toEqual(['W1,duplicate_id', 'W2,unknown_parent', 'W3,self_intersection']);
    const stored = new Map((await services.units.list('testville', { level: 2 })).map((u) => [u.code, u]));
    expect(stored.get('W2')?.issues).toEqual([{ code: 'unknown_parent', parent: 'NOPE', level: 2 }]);
    expect(stored.get('W3')?.issues).toEqual([{ code: 'self_intersection', at: [1.01, 1.01] }]);
    const repaired = await services.unitImports.importFile('testville', geojson(wards.slice(2, 3)), {
      idField: 'id',
      nameField: 'name',
      parentField: 'parent',
      level: 2,
      year: 2020,
      repair: true,
    });
    expect(repaired).toMatchObject({ updated: 1, flagged: 0, repaired: 1 });
    expect(repaired.report[0]?.detail).toMatch(/split self-intersecting part 1 into 2 part\(s\)/);
  });

  it('leaves the store unchanged when a file fails mid-way', async () => {
    const before = await counts();
    const entries = unzipSync(fixture('sf-4-groups-2227.zip').bytes);
    entries['sf4/sf4.shp'] = entries['sf4/sf4.shp']!.subarray(0, 700); // cut inside a record
    await expect(
      services.unitImports.importFile('testville', { bytes: zipSync(entries), fileName: 'cut.zip' }, { idField: 'GEOID', nameField: 'NAME' }),
    ).rejects.toMatchObject({ code: 'units.bad_file' });
    expect(await counts()).toEqual(before);
  });

  it('rolls back every write when the store fails after the units were written', async () => {
    const before = await counts();
    const spy = vi.spyOn(PopulationRepository.prototype, 'upsert').mockRejectedValueOnce(new Error('disk full'));
    try {
      await expect(
        services.unitImports.importFile('testville', geojson([{ id: 'Z1', pop: 5, geometry: sq(3, 3) }]), {
          idField: 'id',
          nameField: 'name',
          populationField: 'pop',
          year: 2030,
        }),
      ).rejects.toThrow('disk full');
    } finally {
      spy.mockRestore();
    }
    expect(await counts()).toEqual(before);
  });

  it('names the missing field, a projected file without CRS, and an unknown CRS', async () => {
    const file = geojson([{ id: 'A', geometry: sq(0, 0) }]);
    await expect(services.unitImports.importFile('testville', file, { idField: 'code', nameField: 'name' })).rejects.toMatchObject({
      code: 'units.bad_field',
      message: expect.stringContaining('--id code: no such field in units.geojson; its fields are id, name'),
    });
    const projected = geojson([{ id: 'A', geometry: sq(530000, 180000, 1000) }]);
    await expect(services.unitImports.importFile('testville', projected, { idField: 'id', nameField: 'name' })).rejects.toMatchObject({
      code: 'units.bad_crs',
    });
    const s = await services.unitImports.importFile('london', geojson([{ id: 'X', geometry: sq(530000, 180000, 1000) }], 'urn:ogc:def:crs:EPSG::27700'), {
      idField: 'id',
      nameField: 'name',
    });
    expect(s).toMatchObject({ imported: 1, crs: 'EPSG:27700 (OSGB36 / British National Grid)' });
    await expect(services.unitImports.importFile('testville', file, { idField: 'id', nameField: 'name', crs: 'LOCAL:1' })).rejects.toMatchObject({
      code: 'units.bad_crs',
    });
  });
});
