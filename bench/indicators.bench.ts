// A record-based indicator: `IndicatorService.compute(city, '16.1.1', { by: unit, sex, from: 2020-01-01, to:
// 2024-12-31 }, 'exact')` — homicide rates per 100,000 per year by unit and sex, police and health side by side, with
// exact Poisson intervals — over 1,000,000 synthetic incidents of one city (500 units, five years 2020–2024, 20 ICCS
// divisions, sex, age bands, 2 sources; bench/support/incidents-load.ts), against the baseline of the same
// computation from the raw rows in one query (counts of visible records by unit, sex and source joined to the
// person-years of the population, rate in SQL, the same intervals in JS), measured in the same run. Goal: ≥ 20×.
// The service reads the yearly rollup (indicator_rollups) that it rebuilds from incident_aggregates when the city's
// imports have changed; the rebuild is timed and printed apart (it happens once per import, not per question).
// Runs on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set; each store in its own process.
//   npx tsx bench/indicators.bench.ts [incidents]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { poissonRate } from '../src/core/indicators/poisson.ts';
import type { PopulationRow } from '../src/core/units/population.ts';
import { openPGlite, openPostgres, type Store } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { IndicatorRepository } from '../src/server/indicators/indicator.repository.ts';
import { PopulationRepository } from '../src/server/population/population.repository.ts';
import { createServices } from '../src/server/services.ts';
import { benchServerUrl, createBenchDatabase } from './support/database.ts';
import { loadIncidents } from './support/incidents-load.ts';
import { fmt, median, peakRssMiB, printTable, type ResultRow, timed, unitGrid, unitsGeoJson } from './support/synthetic.ts';

type Kind = 'pglite' | 'postgres';
type PhaseResult = {
  kind: Kind;
  incidents: number;
  aggregateRows: number;
  rollupRows: number;
  resultRows: number;
  loadMs: number;
  rebuildMs: number;
  serviceMs: number[];
  baselineMs: number[];
  /** Each run right after another of its own kind (its pages in the buffer cache), not after the other. */
  serviceWarmMs: number[];
  baselineWarmMs: number[];
  mismatches: string[];
  peakMiB: number;
};

const FROM = '2020-01-01';
const TO = '2024-12-31';
const ROUNDS = 5;
const GOAL = 20;

const [phase = 'main', arg] = process.argv.slice(2);

if (phase === 'pglite' || phase === 'postgres') {
  const result = await runPhase(phase, Number(arg));
  console.log(JSON.stringify(result));
  process.exit(0);
}

const n = Number(phase === 'main' ? (arg ?? 1_000_000) : phase);
const server = benchServerUrl();
const results: PhaseResult[] = [];
for (const kind of ['pglite', 'postgres'] as const) {
  if (kind === 'postgres' && !server) continue;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/indicators.bench.ts', kind, String(n)], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) {
    console.error(`${kind} run failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  results.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PhaseResult);
}

const label = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
const rows: ResultRow[] = results.flatMap((r) =>
  (
    [
      ['alternating', r.serviceMs, r.baselineMs],
      ['each repeated', r.serviceWarmMs, r.baselineWarmMs],
    ] as const
  ).map(([how, s, b]) => {
    const service = median(s);
    const base = median(b);
    return {
      what: `16.1.1 by unit, sex, 5 years (${label[r.kind]}, ${how})`,
      figure: `${service.toFixed(1)} ms`,
      baseline: `${base.toFixed(0)} ms (one query over the raw rows)`,
      ratio: `${(base / service).toFixed(1)}×`,
      goal: `≥ ${GOAL}×`,
      met: base / service >= GOAL ? 'yes' : 'NO',
    };
  }),
);
console.log(`${fmt(n)} incidents, 500 units, 60 months (2020–2024), 20 ICCS codes, sex, age bands, 2 sources; ${FROM} to ${TO}`);
console.log(
  `median of ${ROUNDS} rounds after a warm-up of each: "alternating" runs the service and the baseline in turn (each finds ` +
    `the other's pages in the buffer cache); "each repeated" runs ${ROUNDS} of one, then ${ROUNDS} of the other`,
);
printTable(rows);
for (const r of results) {
  console.log(
    `${label[r.kind]}: ${fmt(r.incidents)} incidents → ${fmt(r.aggregateRows)} rows in incident_aggregates → ${fmt(r.rollupRows)} rows in ` +
      `indicator_rollups; answer ${fmt(r.resultRows)} rows; load ${(r.loadMs / 1000).toFixed(1)} s; rollup rebuild after an import ` +
      `${(r.rebuildMs / 1000).toFixed(2)} s (once per import); service runs ${r.serviceMs.map((x) => x.toFixed(1)).join('/')} ms, baseline ` +
      `${r.baselineMs.map((x) => x.toFixed(0)).join('/')} ms; repeated: service ${r.serviceWarmMs.map((x) => x.toFixed(1)).join('/')} ms, baseline ` +
      `${r.baselineWarmMs.map((x) => x.toFixed(0)).join('/')} ms; peak RSS ${r.peakMiB.toFixed(0)} MiB`,
  );
}
if (!server) console.log('PostgreSQL not measured: BENCH_DATABASE_URL is not set');
const bad = results.filter((r) => r.mismatches.length > 0);
for (const r of bad) console.error(`FAIL (${label[r.kind]}): the service and the baseline disagree: ${r.mismatches.slice(0, 5).join('; ')}`);
if (bad.length > 0) process.exit(1);

async function runPhase(kind: Kind, total: number): Promise<PhaseResult> {
  let store: Store;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'safer-bench-indicators-'));
    store = await openPGlite(dir, { role: 'cli', skipLock: true });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const bench = await createBenchDatabase(benchServerUrl()!, 'indicators');
    store = openPostgres(bench.url);
    cleanup = bench.drop;
  }
  try {
    await migrate(store);
    const services = createServices(store);
    const city = await services.cities.create({ slug: 'bench', name: 'Bench', country: 'KEN', timezone: 'Africa/Nairobi' });
    const t0 = performance.now();
    const units = unitGrid(25, 20);
    await services.unitImports.importFile('bench', { bytes: unitsGeoJson(units), fileName: 'units.geojson' }, { idField: 'code', nameField: 'name' });
    const stored = await store.db.selectFrom('units').select(['id', 'code']).where('city_id', '=', city.id).orderBy('id').execute();
    await loadIncidents(store, city.id, total, stored.map((u) => u.id), { first: FROM, count: 1827 });
    // Population: every unit, 2020–2024, female and male, growing 1 % a year.
    const population: PopulationRow[] = [];
    for (const [i, u] of stored.entries()) {
      for (let y = 2020; y <= 2024; y++) {
        const base = 4000 + ((i * 37) % 3000);
        for (const sex of ['female', 'male'] as const) population.push({ unitCode: u.code, year: y, sex, ageBand: 'total', population: Math.round(base * 1.01 ** (y - 2020)) });
      }
    }
    await new PopulationRepository(store.db).upsert(city.id, population);
    await sql`analyze population`.execute(store.db);
    const loadMs = performance.now() - t0;

    // The first question after an import rebuilds the rollup; timed apart.
    const repo = new IndicatorRepository(store.db);
    const rebuild = await timed(async () => repo.rebuildRollup(city.id, await repo.importStamp(city.id)));
    await sql`analyze indicator_rollups`.execute(store.db);

    const q = { by: ['unit', 'sex'] as ('unit' | 'sex')[], from: FROM, to: TO };
    const service = () => services.indicators.compute('bench', '16.1.1', q, 'exact');
    const baseline = async () => {
      const { rows } = await sql<{ unit: string | null; sex: string; source: string; n: number; py: number | null; rate: number | null }>`
        with c as (
          select coalesce(i.unit_id, 0) as unit_id, i.sex, i.source, count(*)::int as n
          from incidents i join import_batches b on b.city_id = i.city_id and b.id = i.batch_id
          where i.city_id = ${city.id} and b.status = 'complete' and i.replaced_by_batch is null
            and i.occurred_on between ${FROM}::date and ${TO}::date and i.iccs like '0101%'
          group by 1, 2, 3),
        p as (
          select unit_code, sex, sum(population)::float8 as py from population
          where city_id = ${city.id} and year between 2020 and 2024 and age_band = 'total' group by 1, 2)
        select u.code as unit, c.sex, c.source, c.n, p.py, c.n / p.py * 100000 as rate
        from c left join units u on u.city_id = ${city.id} and u.id = c.unit_id
        left join p on p.unit_code = u.code and p.sex = c.sex`.execute(store.db);
      return rows.map((r) => ({ ...r, ...(r.py ? poissonRate(r.n, r.py) : {}) }));
    };

    let answer = await service();
    let raw = await baseline();
    const serviceMs: number[] = [];
    const baselineMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = await timed(service);
      serviceMs.push(s.ms);
      answer = s.value;
      const b = await timed(baseline);
      baselineMs.push(b.ms);
      raw = b.value;
    }

    // Then each repeated on its own: what a dashboard asking again sees, and what the raw query gets at its best.
    const serviceWarmMs: number[] = [];
    const baselineWarmMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) serviceWarmMs.push((await timed(service)).ms);
    for (let r = 0; r < ROUNDS; r++) baselineWarmMs.push((await timed(baseline)).ms);

    const expected = new Map<string, { n: number; rate: number | null }>();
    for (const r of raw) expected.set(`${r.unit ?? 'outside'} ${r.sex} ${r.source}`, { n: r.n, rate: r.rate });
    const mismatches: string[] = [];
    let nonZero = 0;
    for (const r of answer.rows) {
      if (!r.numerator) continue;
      nonZero++;
      const key = `${r.unit} ${r.sex} ${r.source}`;
      const e = expected.get(key);
      if (e?.n !== r.numerator) mismatches.push(`${key}: service ${r.numerator}, raw ${e?.n}`);
      else if (e.rate !== null && r.value !== null && Math.abs(e.rate - r.value) > 1e-6 * e.rate) mismatches.push(`${key}: rate ${r.value} vs ${e.rate}`);
    }
    if (nonZero !== expected.size) mismatches.push(`${nonZero} non-zero service rows, ${expected.size} raw groups`);

    const counts = await sql<{ incidents: number; aggregates: number; rollups: number }>`
      select (select count(*)::int from incidents where city_id = ${city.id}) as incidents,
             (select count(*)::int from incident_aggregates where city_id = ${city.id}) as aggregates,
             (select count(*)::int from indicator_rollups where city_id = ${city.id}) as rollups`.execute(store.db);
    return {
      kind,
      incidents: counts.rows[0]!.incidents,
      aggregateRows: counts.rows[0]!.aggregates,
      rollupRows: counts.rows[0]!.rollups,
      resultRows: answer.rows.length,
      loadMs,
      rebuildMs: rebuild.ms,
      serviceMs,
      baselineMs,
      serviceWarmMs,
      baselineWarmMs,
      mismatches,
      peakMiB: peakRssMiB(),
    };
  } finally {
    await store.close();
    await cleanup();
  }
}
