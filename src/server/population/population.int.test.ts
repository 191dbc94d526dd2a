import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { createServices, type Services } from '../services.ts';

const csv = (text: string) => ({ bytes: new TextEncoder().encode(text), fileName: 'population.csv' });
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]]] });

describe.each(storeKinds())('population import on %s', (kind) => {
  let store: TestStore;
  let services: Services;

  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store);
    await services.cities.create({ slug: 'mombasa', name: 'Mombasa', country: 'KEN', timezone: 'Africa/Nairobi' });
    const units = {
      type: 'FeatureCollection',
      features: ['M1', 'M2'].map((id, i) => ({ type: 'Feature', properties: { id, name: id }, geometry: square(i / 100) })),
    };
    await services.unitImports.importFile('mombasa', { bytes: new TextEncoder().encode(JSON.stringify(units)), fileName: 'm.geojson' }, { idField: 'id', nameField: 'name' });
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('upserts good rows and rejects each bad one with its line, field, value and reason', async () => {
    const s = await services.population.importCsv(
      'mombasa',
      csv(
        [
          'unit,year,sex,age_band,population',
          'M1,2019,female,15-29,1200',
          'M1,2019,male,15-19,600',
          'M2,2019,total,total,5000',
          'M9,2019,total,total,10',
          'M1,2019,woman,25-34,12',
          'M1,19,female,0-14,-1',
          'M2,2019,total,total,5001',
          '',
        ].join('\n'),
      ),
    );
    expect(s).toMatchObject({ read: 7, imported: 3, updated: 0, unchanged: 0, rejected: 4 });
    expect(s.rejections).toEqual([
      { line: 5, field: 'unit', value: 'M9', reason: 'no unit with this code in the city' },
      { line: 6, field: 'sex', value: 'woman', reason: 'not one of female, male, other, unknown, total' },
      { line: 6, field: 'age_band', value: '25-34', reason: expect.stringContaining('within one of them') },
      { line: 7, field: 'year', value: '19', reason: 'not a year between 1800 and 2200' },
      { line: 7, field: 'population', value: '-1', reason: 'not a number ≥ 0' },
      { line: 8, field: 'unit', value: 'M2', reason: 'repeats the unit, year, sex and age band of line 4' },
    ]);
    const stored = await store.db.selectFrom('import_rejections').select(['line', 'field']).where('batch_id', '=', s.batchId).orderBy('line').execute();
    expect(stored).toHaveLength(6);
    const batch = await store.db.selectFrom('import_batches').selectAll().where('id', '=', s.batchId).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'population', rows_read: 7, rows_imported: 3, rows_rejected: 4, status: 'complete' });
  });

  it('counts updated and unchanged rows on a second import', async () => {
    const s = await services.population.importCsv('mombasa', csv('unit,year,sex,age_band,population\nM1,2019,female,15-29,1250\nM2,2019,total,total,5000\n'));
    expect(s).toMatchObject({ read: 2, imported: 0, updated: 1, unchanged: 1, rejected: 0 });
    const fc = await services.units.featureCollection('mombasa', { year: 2019 });
    // M1 has no total row: its total sums the SDG-band rows (1250); the finer band 15-19 is not summed.
    expect(fc.features.map((f) => f.properties.population)).toEqual([1250, 5000]);
  });

  it('refuses a header without the required columns, naming them', async () => {
    await expect(services.population.importCsv('mombasa', csv('unit,yr,sex,population\nM1,2019,total,1\n'))).rejects.toMatchObject({
      code: 'population.bad_header',
      message: expect.stringContaining('lacks column(s) year, age_band'),
    });
  });
});
