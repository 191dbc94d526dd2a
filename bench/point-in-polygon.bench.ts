// Point → unit assignment: `buildUnitIndex(units).locate(lon, lat)` (flatbush R-tree + exact half-open crossing
// test) over 500 synthetic units that tile a city-sized box (bench/support/synthetic.ts), for N random points
// (default 1,000,000). Goal: ≥ 1,000,000 points/s. Baselines measured in the same run:
//   (a) brute force: every polygon in code order with the same exact test, no R-tree, on a 50,000-point sample;
//   (b) PostGIS ST_Contains with a GiST index, on the same units and points, when BENCH_DATABASE_URL names a
//       PostgreSQL server where PostGIS is installed (a database safer_bench_pip_<pid> is made and dropped).
// Correctness is checked here too: on the sample, the index and the brute force agree and every point lies in
// exactly one unit (exit 1 otherwise).
//   npx tsx bench/point-in-polygon.bench.ts [points]
import pg from 'pg';
import { buildUnitIndex, ringsContain } from '../src/core/units/unit-index.ts';
import { benchServerUrl, createBenchDatabase } from './support/database.ts';
import { fmt, median, peakRssMiB, printTable, type ResultRow, randomPoints, type SyntheticUnit, timed, unitGrid } from './support/synthetic.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const SAMPLE = Math.min(50_000, N);
const RUNS = 3;
const GOAL = 1_000_000;

const units = unitGrid(25, 20);
const vertices = units.reduce((n, u) => n + u.geometry.coordinates[0]!.length - 1, 0);
const points = randomPoints(N, 7);

// Index build, separately.
const builds: number[] = [];
let index = buildUnitIndex(units);
for (let r = 0; r < 5; r++) {
  const t = await timed(() => buildUnitIndex(units));
  builds.push(t.ms);
  index = t.value;
}

// locate over all N points; the checksum keeps the work from being optimised away and is compared with PostGIS.
function locateAll(): { ms: number; sum: number; missed: number } {
  const t0 = performance.now();
  let sum = 0;
  let missed = 0;
  for (let k = 0; k < N; k++) {
    const id = index.locate(points.lon[k]!, points.lat[k]!);
    if (id === undefined) missed++;
    else sum += id;
  }
  return { ms: performance.now() - t0, sum, missed };
}
locateAll(); // warm-up (JIT)
const locateRuns = Array.from({ length: RUNS }, locateAll);
const locateMs = median(locateRuns.map((r) => r.ms));
const locateRate = (N / locateMs) * 1000;
const indexed = new Float64Array(SAMPLE);
for (let k = 0; k < SAMPLE; k++) indexed[k] = index.locate(points.lon[k]!, points.lat[k]!) ?? 0;

// Brute force: the same geometry in flat arrays, the same half-open crossing test (ringsContain from unit-index.ts), every unit in
// code order, first hit wins (= lowest code).
const sorted = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const flat = flatten(sorted);

function contains(u: number, x: number, y: number): boolean {
  return ringsContain(flat.coords, flat.ringStart, flat.unitRingStart[u]!, flat.unitRingStart[u + 1]!, x, y);
}

function bruteForce(out: Float64Array): number {
  const t0 = performance.now();
  for (let k = 0; k < SAMPLE; k++) {
    const x = points.lon[k]!;
    const y = points.lat[k]!;
    let found = 0;
    for (let u = 0; u < sorted.length; u++) {
      if (contains(u, x, y)) {
        found = sorted[u]!.id;
        break;
      }
    }
    out[k] = found;
  }
  return performance.now() - t0;
}
const brute = new Float64Array(SAMPLE);
bruteForce(brute); // warm-up
const bruteMs = median(Array.from({ length: RUNS }, () => bruteForce(brute)));
const bruteRate = (SAMPLE / bruteMs) * 1000;

// Correctness: same answers, and every sample point in exactly one unit (the tiling has no gaps or overlaps).
let disagree = 0;
let notOnce = 0;
for (let k = 0; k < SAMPLE; k++) {
  if (indexed[k] !== brute[k]) disagree++;
  let hits = 0;
  for (let u = 0; u < sorted.length; u++) if (contains(u, points.lon[k]!, points.lat[k]!)) hits++;
  if (hits !== 1) notOnce++;
}

const postgis = await measurePostgis();

const speed = (rate: number) => `${fmt(rate)} points/s`;
const rows: ResultRow[] = [
  {
    what: `locate, ${fmt(N)} points`,
    figure: `${speed(locateRate)} (${(locateMs / 1000).toFixed(2)} s)`,
    baseline: '–',
    ratio: '–',
    goal: `≥ ${speed(GOAL)}`,
    met: locateRate >= GOAL ? 'yes' : 'NO',
  },
  {
    what: '(a) vs brute force, same test',
    figure: speed(locateRate),
    baseline: `${speed(bruteRate)} (${fmt(SAMPLE)}-point sample; ${fmt(N)} would take ${(N / bruteRate).toFixed(1)} s)`,
    ratio: `${(locateRate / bruteRate).toFixed(0)}×`,
    goal: '–',
    met: '–',
  },
  typeof postgis === 'string'
    ? { what: '(b) vs PostGIS ST_Contains', figure: speed(locateRate), baseline: postgis, ratio: '–', goal: '–', met: '–' }
    : {
        what: '(b) vs PostGIS ST_Contains',
        figure: speed(locateRate),
        baseline: `${speed(postgis.rate)} (${(postgis.ms / 1000).toFixed(2)} s, GiST index, parallel query, ${postgis.version})`,
        ratio: `${(locateRate / postgis.rate).toFixed(1)}×`,
        goal: '–',
        met: '–',
      },
  { what: 'index build, 500 units', figure: `${median(builds).toFixed(1)} ms`, baseline: '–', ratio: '–', goal: '–', met: '–' },
];

console.log(`${units.length} units, ${vertices / units.length} vertices per ring, tiling a ${boxKm()} box; ${fmt(N)} random points in it`);
console.log(`locate: median of ${RUNS} runs after a warm-up; brute force: median of ${RUNS} runs on the first ${fmt(SAMPLE)} points`);
printTable(rows);
console.log(`index build (flatbush + typed arrays): median ${median(builds).toFixed(1)} ms of 5 builds`);
if (typeof postgis === 'string') console.log(postgis);
else {
  console.log(
    `PostGIS agreement on the sample: ${fmt(SAMPLE - postgis.sampleMismatches)}/${fmt(SAMPLE)} points; ` +
      `checksum of unit ids over all points ${postgis.sum === locateRuns[0]!.sum ? 'equal' : `differs (${postgis.sum} vs ${locateRuns[0]!.sum})`}`,
  );
}
console.log(`correctness on the sample: index = brute force for ${fmt(SAMPLE - disagree)}/${fmt(SAMPLE)} points; in exactly one unit: ${fmt(SAMPLE - notOnce)}/${fmt(SAMPLE)}`);
console.log(`points outside every unit: ${fmt(locateRuns[0]!.missed)}; peak RSS ${peakRssMiB().toFixed(0)} MiB`);
if (disagree > 0 || notOnce > 0 || locateRuns[0]!.missed > 0) {
  console.error('FAIL: the index and the brute force disagree, or the synthetic units are not a tiling');
  process.exit(1);
}

function flatten(list: readonly SyntheticUnit[]) {
  const rings = list.flatMap((u) => u.geometry.coordinates);
  const vertexCount = rings.reduce((n, r) => n + r.length, 0);
  const coords = new Float64Array(vertexCount * 2);
  const ringStart = new Uint32Array(rings.length + 1);
  const unitRingStart = new Uint32Array(list.length + 1);
  let v = 0;
  let r = 0;
  list.forEach((u, i) => {
    unitRingStart[i] = r;
    for (const ring of u.geometry.coordinates) {
      ringStart[r++] = v;
      for (const [x, y] of ring) {
        coords[2 * v] = x!;
        coords[2 * v + 1] = y!;
        v++;
      }
    }
  });
  ringStart[r] = v;
  unitRingStart[list.length] = r;
  return { coords, ringStart, unitRingStart };
}

function boxKm(): string {
  const ring = units.flatMap((u) => u.geometry.coordinates[0]!);
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const kmLat = 111.32;
  const kmLon = 111.32 * Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  return `${((Math.max(...lons) - Math.min(...lons)) * kmLon).toFixed(0)} km × ${((Math.max(...lats) - Math.min(...lats)) * kmLat).toFixed(0)} km`;
}

/** PostGIS ST_Contains over the same units and all N points, or why it was not measured. */
async function measurePostgis(): Promise<{ ms: number; rate: number; sum: number; sampleMismatches: number; version: string } | string> {
  const server = benchServerUrl();
  if (!server) return 'PostGIS not installed: ratio not measured (BENCH_DATABASE_URL is not set)';
  const probe = new pg.Client({ connectionString: server });
  await probe.connect();
  const available = await probe.query(`select 1 from pg_available_extensions where name = 'postgis'`).finally(() => probe.end());
  if (available.rowCount === 0) return 'PostGIS not installed: ratio not measured';
  const bench = await createBenchDatabase(server, 'pip');
  const client = new pg.Client({ connectionString: bench.url });
  try {
    await client.connect();
    await client.query('create extension postgis');
    const version = (await client.query<{ v: string }>('select postgis_lib_version() as v')).rows[0]!.v;
    await client.query('create table units (id integer primary key, geom geometry(Polygon, 4326) not null)');
    await client.query(
      `insert into units select u.id, st_setsrid(st_geomfromgeojson(u.g), 4326) from unnest($1::int[], $2::text[]) as u(id, g)`,
      [units.map((u) => u.id), units.map((u) => JSON.stringify(u.geometry))],
    );
    await client.query('create index units_geom_idx on units using gist (geom)');
    await client.query('create table pts (id integer primary key, geom geometry(Point, 4326) not null)');
    const chunk = 100_000;
    for (let k = 0; k < N; k += chunk) {
      const end = Math.min(N, k + chunk);
      await client.query(
        `insert into pts select p.id, st_setsrid(st_makepoint(p.x, p.y), 4326) from unnest($1::int[], $2::float8[], $3::float8[]) as p(id, x, y)`,
        [Array.from({ length: end - k }, (_, i) => k + i), Array.from(points.lon.subarray(k, end)), Array.from(points.lat.subarray(k, end))],
      );
    }
    await client.query('vacuum analyze units');
    await client.query('vacuum analyze pts');
    const query = 'select count(*)::int as n, coalesce(sum(u.id), 0)::float8 as s from pts p join units u on st_contains(u.geom, p.geom)';
    let sum = 0;
    const runs: number[] = [];
    for (let r = 0; r < 2; r++) {
      const t = await timed(() => client.query<{ n: number; s: number }>(query));
      runs.push(t.ms);
      sum = t.value.rows[0]!.s;
    }
    const ms = Math.min(...runs);
    const sample = await client.query<{ id: number; unit: number }>(
      'select p.id, u.id as unit from pts p join units u on st_contains(u.geom, p.geom) where p.id < $1',
      [SAMPLE],
    );
    const got = new Float64Array(SAMPLE);
    for (const row of sample.rows) got[row.id] = row.unit;
    let sampleMismatches = 0;
    for (let k = 0; k < SAMPLE; k++) if (got[k] !== indexed[k]) sampleMismatches++;
    return { ms, rate: (N / ms) * 1000, sum, sampleMismatches, version: `PostGIS ${version}, best of 2` };
  } finally {
    await client.end().catch(() => {});
    await bench.drop();
  }
}
