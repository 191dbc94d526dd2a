import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Services } from '../services.ts';

const square = (x: number, y: number, s = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});
const file = (features: { id: string; parent?: string; pop?: number; geometry: ReturnType<typeof square> }[]) => ({
  fileName: 'units.geojson',
  bytes: new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature', properties: { id: f.id, name: `Unit ${f.id}`, parent: f.parent, pop: f.pop }, geometry: f.geometry })),
    }),
  ),
});

describe.each(storeKinds())('units API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    await services.cities.create({ slug: 'kisumu', name: 'Kisumu', country: 'KEN', timezone: 'Africa/Nairobi' });
    const districts = [
      { id: 'D1', pop: 1000, geometry: square(0, 0) },
      { id: 'D2', pop: 2000, geometry: square(0.01, 0) },
    ];
    const opts = { idField: 'id', nameField: 'name', populationField: 'pop' } as const;
    await services.unitImports.importFile('kisumu', file(districts), { ...opts, year: 2019 });
    await services.unitImports.importFile('kisumu', file([{ ...districts[0]!, pop: 1100 }]), { ...opts, year: 2023 });
    await services.unitImports.importFile(
      'kisumu',
      file([
        { id: 'W1', parent: 'D1', geometry: square(0, 0, 0.005) },
        { id: 'W2', parent: 'D9', geometry: square(0.005, 0, 0.005) },
      ]),
      { idField: 'id', nameField: 'name', parentField: 'parent', level: 2 },
    );
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('serves a level as a public GeoJSON FeatureCollection with the population of the nearest year', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities/kisumu/units?year=2020' });
    expect(res.statusCode).toBe(200);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { unit: 'D1', name: 'Unit D1', level: 1, parent: null, population: 1000, populationYear: 2019, issues: 0, areaM2: expect.any(Number) },
      { unit: 'D2', name: 'Unit D2', level: 1, parent: null, population: 2000, populationYear: 2019, issues: 0, areaM2: expect.any(Number) },
    ]);
    expect(fc.features[0].geometry.type).toBe('Polygon');
    const latest = (await app.inject({ method: 'GET', url: '/api/v1/cities/kisumu/units' })).json();
    expect(latest.features.map((f: { properties: { population: number; populationYear: number } }) => [f.properties.population, f.properties.populationYear])).toEqual([
      [1100, 2023],
      [2000, 2019],
    ]);
  });

  it('serves the finer level with parents and issue counts', async () => {
    const fc = (await app.inject({ method: 'GET', url: '/api/v1/cities/kisumu/units?level=2' })).json();
    expect(fc.features.map((f: { properties: { unit: string; parent: string; issues: number; population: null } }) => f.properties)).toMatchObject([
      { unit: 'W1', parent: 'D1', issues: 0, population: null, populationYear: null },
      { unit: 'W2', parent: 'D9', issues: 1 },
    ]);
  });

  it('lists levels, and names one for the operator only', async () => {
    const anon = await app.inject({ method: 'PUT', url: '/api/v1/cities/kisumu/units/levels/1', payload: { name: 'sub-county' } });
    expect(anon.statusCode).toBe(401);
    const named = await app.inject({ method: 'PUT', url: '/api/v1/cities/kisumu/units/levels/1', headers: operatorHeaders, payload: { name: 'sub-county' } });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toEqual({ level: 1, name: 'sub-county', units: 2 });
    const levels = await app.inject({ method: 'GET', url: '/api/v1/cities/kisumu/units/levels' });
    expect(levels.json()).toEqual({
      levels: [
        { level: 1, name: 'sub-county', units: 2 },
        { level: 2, name: null, units: 2 },
      ],
    });
  });

  it('answers bad parameters and unknown cities with translatable errors', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/v1/cities/kisumu/units?level=12' });
    expect(bad.statusCode).toBe(400);
    const none = await app.inject({ method: 'GET', url: '/api/v1/cities/atlantis/units' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.messageId).toBe('error.city.not_found');
  });

  it('describes its routes in a valid OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect((await new Validator().validate(doc)).valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cities/{city}/units', '/api/v1/cities/{city}/units/levels', '/api/v1/cities/{city}/units/levels/{level}']),
    );
  });
});
