import type { Services } from './services.ts';

/** The demo city that `npm start` loads into an empty store (never the CLI). */
export const demoCity = {
  slug: 'san-francisco',
  name: 'San Francisco',
  country: 'USA',
  timezone: 'America/Los_Angeles',
} as const;

/** Loads the demo city when the store holds no city yet; returns whether it did. */
export async function loadDemoIfEmpty(services: Services): Promise<boolean> {
  if ((await services.cities.list()).length > 0) return false;
  await services.cities.create({ ...demoCity });
  return true;
}
