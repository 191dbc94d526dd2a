import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defineJob } from './jobs/job.handler.ts';
import type { Services } from './services.ts';

/**
 * The demo city that `npm start` loads into an empty store (never the CLI): San Francisco's 579 census block groups
 * with their 2010 population, and four files of police records from July–December 2012 (demo/san-francisco,
 * CC0 1.0; see its SOURCE.md).
 */
export const demoCity = {
  slug: 'san-francisco',
  name: 'San Francisco',
  country: 'USA',
  timezone: 'America/Los_Angeles',
} as const;

export const demoDir = fileURLToPath(new URL('../../demo/san-francisco/', import.meta.url));

export const demoIncidentFiles = ['robbery', 'cartheft', 'drugs', 'vandalism'] as const;

export const DEMO_LOAD_JOB = 'demo.load';

/** Creates the demo city when the store holds no city yet and queues the loading of its data; says whether it did. */
export async function loadDemoIfEmpty(services: Services): Promise<boolean> {
  if ((await services.cities.list()).length > 0) return false;
  await services.cities.create({ ...demoCity });
  await services.jobs.enqueue(DEMO_LOAD_JOB, { city: demoCity.slug });
  return true;
}

/** Loads the demo units, population and incidents into the demo city, with progress per file. */
export function demoLoadJob(services: Services) {
  return defineJob({
    kind: DEMO_LOAD_JOB,
    payload: z.object({ city: z.string() }),
    maxAttempts: 2,
    async run(ctx) {
      const steps = 1 + demoIncidentFiles.length;
      await ctx.progress(0, steps, 'units');
      const units = await services.unitImports.importFile(
        ctx.payload.city,
        { bytes: await readFile(`${demoDir}SFCrime_blocks.geojson`), fileName: 'SFCrime_blocks.geojson' },
        { idField: 'GEO_id2', nameField: 'GEO_displa', populationField: 'Population', year: 2010 },
      );
      const imported: Record<string, number> = {};
      for (const [i, name] of demoIncidentFiles.entries()) {
        await ctx.progress(i + 1, steps, name);
        const profile = JSON.parse(await readFile(`${demoDir}profile-${name}.json`, 'utf8')) as unknown;
        const file = `sfcrime2012_sf_${name}.csv`;
        const { batch } = await services.incidentImports.importFile({
          citySlug: ctx.payload.city,
          path: `${demoDir}${file}`,
          fileName: file,
          profile,
          signal: ctx.signal,
        });
        imported[name] = batch.totals.imported;
      }
      await ctx.progress(steps, steps, null);
      return { units: units.imported, incidents: imported };
    },
  });
}
