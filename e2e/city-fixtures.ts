// Units and incident counts of an invented city, "Gridville": nine square wards in a 3 × 3 grid
// (ward 9 without population). The server under test cannot hold units yet — they are imported
// with the CLI, which a running server's API does not take (README "Administrative units") — so
// the city page's map and table are tested against these, answered in place of the server by
// stubs that count like the server does (filters, zero rows, `outside`, suppression of 1–4).
import type { Route } from '@playwright/test';

export const gridCity = { slug: 'e2e-gridville', name: 'Gridville', country: 'KEN', timezone: 'Africa/Nairobi' };

const west = 36.75;
const north = -1.25;
const size = 0.03;
export const populations = [12_000, 8_000, 15_000, 5_000, 20_000, 9_000, 11_000, 7_000, null] as const;

export const gridUnits = {
  type: 'FeatureCollection',
  features: populations.map((population, i) => {
    const x = west + (i % 3) * size;
    const y = north - Math.floor(i / 3) * size;
    return {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [[[x, y], [x, y - size], [x + size, y - size], [x + size, y], [x, y]]],
      },
      properties: {
        unit: `W0${i + 1}`,
        name: `Ward ${i + 1}`,
        level: 1,
        parent: null,
        population,
        populationYear: population === null ? null : 2024,
        issues: 0,
        areaM2: 11_000_000,
      },
    };
  }),
};

type Record = { unit: string; day: string; iccs: string; source: string; n: number };

/** Counts of records per unit, day, ICCS code and source. */
export const gridIncidents: Record[] = [
  ...populations.flatMap((_, i) => {
    const unit = `W0${i + 1}`;
    return [
      { unit, day: '2024-01-15', iccs: '0401', source: 'police', n: (i + 1) * 3 },
      { unit, day: '2024-03-10', iccs: '0201', source: 'health', n: 10 - i },
      { unit, day: '2024-06-01', iccs: '0101', source: 'police', n: (i % 3) + 1 },
    ];
  }),
  { unit: 'outside', day: '2024-02-01', iccs: '0401', source: 'police', n: 7 },
];

/** What the server answers to `summary?by=unit&…` for these records. */
export function gridSummary(url: URL, anonymous: boolean) {
  const q = (k: string) => url.searchParams.get(k) ?? undefined;
  const [from, to, iccs, source] = [q('from'), q('to'), q('iccs'), q('source')];
  const counts = new Map<string, number>(gridUnits.features.map((f) => [f.properties.unit, 0]));
  for (const r of gridIncidents) {
    if ((from && r.day < from) || (to && r.day > to)) continue;
    if ((iccs && !r.iccs.startsWith(iccs)) || (source && r.source !== source)) continue;
    counts.set(r.unit, (counts.get(r.unit) ?? 0) + r.n);
  }
  const rows = [...counts].map(([unit, count]) => ({
    unit,
    count: anonymous && count > 0 && count < 5 ? null : count,
  }));
  const notes = ['Days and months are counted in Africa/Nairobi.'];
  if (anonymous) notes.push('Public figures: counts from 1 to 4 are suppressed (shown empty).');
  return { rows, notes };
}

/**
 * Answers Gridville's units and counts by unit; every other request (the city, its counts by
 * month, its imports) goes to the real server. Returns the summary queries the page made.
 */
export async function stubGridville(page: import('@playwright/test').Page): Promise<URL[]> {
  const queries: URL[] = [];
  const base = `/api/v1/cities/${gridCity.slug}`;
  // STUB until POST /api/v1/cities/{city}/units (a units import over HTTP) exists: the real
  // endpoint answers, but with no units, since a running server cannot be given any.
  await page.route(
    (url) => url.pathname === `${base}/units`,
    (route: Route) => route.fulfill({ json: gridUnits }),
  );
  // STUB until POST /api/v1/cities/{city}/units exists: without units the real server counts
  // every record as `outside`; by month it answers itself (fallback).
  await page.route((url) => url.pathname === `${base}/incidents/summary`, (route: Route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('by') !== 'unit') return route.fallback();
    queries.push(url);
    const anonymous = !route.request().headers().authorization;
    return route.fulfill({ json: gridSummary(url, anonymous) });
  });
  return queries;
}
