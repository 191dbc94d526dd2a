import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.ts';
import { demoCity, demoDir, demoIncidentFiles, loadDemoIfEmpty } from './demo.ts';
import { JobRunner } from './jobs/job.runner.ts';
import { registerJobHandlers } from './jobs/job-handlers.ts';
import { createServices, type Services } from './services.ts';

const quiet = { info() {}, error() {} };

/** Rows in one of the demo CSV files (one record per data row). */
function csvRows(name: string): number {
  return readFileSync(`${demoDir}sfcrime2012_sf_${name}.csv`, 'utf8').trim().split('\n').length - 1;
}

describe.each(storeKinds())('the demo city on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store);
    registerJobHandlers(services, { dataDir: store.where });
  });
  afterAll(() => store.dispose());

  it('is created in an empty store and its data loads as a job', async () => {
    expect(await loadDemoIfEmpty(services)).toBe(true);
    const outcomes = await new JobRunner(services.jobs, quiet).runDue();
    expect(outcomes.map((o) => [o.kind, o.status])).toEqual([['demo.load', 'succeeded']]);
  }, 300_000);

  it('holds the 579 block groups and their 2010 population', async () => {
    const fc = await services.units.featureCollection(demoCity.slug, {});
    expect(fc.features).toHaveLength(579);
    const total = fc.features.reduce((s, f) => s + (f.properties.population ?? 0), 0);
    expect(total).toBe(805_235);
  });

  it('holds one record per data row of each file, by ICCS category', async () => {
    const byIccs = await services.incidents.summary(demoCity.slug, { by: ['iccs'] }, 'exact');
    const count = (code: string) => byIccs.rows.find((r) => r.iccs === code)?.count;
    expect(count('0401')).toBe(csvRows('robbery'));
    expect(count('05021')).toBe(csvRows('cartheft'));
    expect(count('0601')).toBe(csvRows('drugs'));
    expect(count('0504')).toBe(csvRows('vandalism'));
    expect(demoIncidentFiles).toHaveLength(4);
  });

  it('is not loaded again into a store that has a city', async () => {
    expect(await loadDemoIfEmpty(services)).toBe(false);
  });
});
