// The incident summary: `IncidentSummaryService.summary(city, { by: unit, month, from, to }, 'exact')` over
// 1,000,000 synthetic incidents of one city (500 units, 24 months, 20 ICCS codes, sex, age bands, 2 sources), with
// partial months at both edges, against the baseline of the same counts grouped from the raw table
// (`select unit_id, month, count(*) from incidents where … group by …`), measured in the same run. Goal: ≥ 20×.
// Runs on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set (a database safer_bench_summary_<pid> is made
// and dropped); each store in its own process, so the peak RSS printed is that store's run.
//
// Data: the units go through the real boundary import (GeoJSON of bench/support/synthetic.ts). The incidents are
// inserted set-wise with `insert … select … from generate_series` (the CSV import runs at ≈ 20,000 rows/s, README
// "Incidents", which would not fit the time), one running batch per source, and each batch is then made visible by
// the import's own `IncidentRepository.finalize`, which builds `incident_aggregates` with the import's SQL.
// Values are derived from hashes of the row number, so both stores hold the same rows. Distributions: unit uniform
// (1 % outside every unit), day uniform over 2023–2024, ICCS code skewed (code k with weight ∝ 1/√k-ish: the
// square of a uniform), sex 50 % male / 45 % female / 5 % unknown, age triangular 0–90 (10 % unknown), 70 % police
// and 30 % health.
//   npx tsx bench/summary.bench.ts [incidents]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { planBounds, type SummaryQuery } from '../src/core/incidents/summary.ts';
import { openPGlite, openPostgres, type Store } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { IncidentSummaryRepository } from '../src/server/incidents/incident-summary.repository.ts';
import { createServices } from '../src/server/services.ts';
import { benchServerUrl, createBenchDatabase } from './support/database.ts';
import { loadIncidents } from './support/incidents-load.ts';
import { fmt, median, peakRssMiB, printTable, type ResultRow, timed, unitGrid, unitsGeoJson } from './support/synthetic.ts';

type Kind = 'pglite' | 'postgres';
type PhaseResult = {
  kind: Kind;
  incidents: number;
  aggregateRows: number;
  resultRows: number;
  unitsMs: number;
  insertMs: number;
  finalizeMs: number;
  serviceMs: number[];
  baselineMs: number[];
  /** The service's parts: whole months from incident_aggregates, partial months from the records. */
  aggregatesMs: number[];
  recordsMs: number[];
  /** For scale: the whole months from a (unit, month) rollup of incident_aggregates, which the schema does not have. */
  rollupMs: number[];
  mismatches: string[];
  peakMiB: number;
};

const FROM = '2023-02-15';
const TO = '2024-11-20';
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
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/summary.bench.ts', kind, String(n)], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) {
    console.error(`${kind} run failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  results.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PhaseResult);
}

const label = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
const rows: ResultRow[] = results.map((r) => {
  const service = median(r.serviceMs);
  const base = median(r.baselineMs);
  return {
    what: `summary by unit, month (${label[r.kind]})`,
    figure: `${service.toFixed(0)} ms`,
    baseline: `${base.toFixed(0)} ms (group by over the raw table)`,
    ratio: `${(base / service).toFixed(1)}×`,
    goal: `≥ ${GOAL}×`,
    met: base / service >= GOAL ? 'yes' : 'NO',
  };
});
console.log(`${fmt(n)} incidents, 500 units, 24 months (2023–2024), 20 ICCS codes, sex, age bands, 2 sources; from ${FROM} to ${TO}`);
console.log(`median of ${ROUNDS} rounds (service and baseline alternate) after a warm-up of each`);
printTable(rows);
for (const r of results) {
  console.log(
    `${label[r.kind]}: ${fmt(r.incidents)} incidents → ${fmt(r.aggregateRows)} rows in incident_aggregates ` +
      `(${(r.incidents / r.aggregateRows).toFixed(2)} incidents per row); answer ${fmt(r.resultRows)} rows; ` +
      `load: units ${(r.unitsMs / 1000).toFixed(1)} s, insert ${(r.insertMs / 1000).toFixed(1)} s, finalize (aggregates) ${(r.finalizeMs / 1000).toFixed(1)} s; ` +
      `service runs ${r.serviceMs.map((x) => x.toFixed(0)).join('/')} ms, baseline ${r.baselineMs.map((x) => x.toFixed(0)).join('/')} ms; ` +
      `peak RSS ${r.peakMiB.toFixed(0)} MiB`,
  );
  console.log(
    `  of the service: whole months from incident_aggregates ${median(r.aggregatesMs).toFixed(0)} ms, partial months from the records ` +
      `${median(r.recordsMs).toFixed(0)} ms; for scale, the whole months from a (unit, month) rollup (not in the schema) ` +
      `${median(r.rollupMs).toFixed(1)} ms`,
  );
}
if (!server) console.log('PostgreSQL not measured: BENCH_DATABASE_URL is not set');
const bad = results.filter((r) => r.mismatches.length > 0);
for (const r of bad) console.error(`FAIL (${label[r.kind]}): the summary and the baseline disagree: ${r.mismatches.slice(0, 5).join('; ')}`);
if (bad.length > 0) process.exit(1);

/** One store: load the data, then time the service against the baseline. */
async function runPhase(kind: Kind, total: number): Promise<PhaseResult> {
  let store: Store;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'safer-bench-summary-'));
    store = await openPGlite(dir, { role: 'cli', skipLock: true });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const bench = await createBenchDatabase(benchServerUrl()!, 'summary');
    store = openPostgres(bench.url);
    cleanup = bench.drop;
  }
  try {
    await migrate(store);
    const services = createServices(store);
    const city = await services.cities.create({ slug: 'bench', name: 'Bench', country: 'KEN', timezone: 'Africa/Nairobi' });
    const units = unitGrid(25, 20);
    const unitsRun = await timed(() =>
      services.unitImports.importFile('bench', { bytes: unitsGeoJson(units), fileName: 'units.geojson' }, { idField: 'code', nameField: 'name' }),
    );
    const stored = await store.db.selectFrom('units').select(['id', 'code']).where('city_id', '=', city.id).orderBy('id').execute();
    const codeOf = new Map(stored.map((u) => [u.id, u.code]));
    const { insertMs, finalizeMs } = await loadIncidents(store, city.id, total, stored.map((u) => u.id));

    const q: SummaryQuery = { by: ['unit', 'month'], from: FROM, to: TO };
    const service = () => services.incidents.summary('bench', q, 'exact');
    const baseline = () =>
      sql<{ unit_id: number | null; month: string; count: number }>`
        select unit_id, month, count(*)::int as count from incidents
        where city_id = ${city.id} and occurred_on between ${FROM}::date and ${TO}::date
        group by unit_id, month`.execute(store.db);
    // The service's two queries alone, and (for scale) a (unit, month) rollup the schema does not have.
    const reads = new IncidentSummaryRepository(store.db);
    const plan = planBounds(FROM, TO);
    const aggregates = () => reads.fromAggregates(city.id, q.by, plan.months!, {});
    const recordsPart = () => reads.fromRecords(city.id, q.by, plan.days, {});
    await sql`create table bench_unit_month as
      select city_id, unit_id, month, sum(count)::int as count from incident_aggregates group by 1, 2, 3`.execute(store.db);
    await sql`analyze bench_unit_month`.execute(store.db);
    const rollup = () =>
      sql`select unit_id::text as unit, to_char(month, 'YYYY-MM') as month, sum(count)::int as count from bench_unit_month
          where city_id = ${city.id} and month between ${plan.months!.from}::date and ${plan.months!.to}::date
          group by 1, 2`.execute(store.db);

    let answer = await service();
    let raw = await baseline();
    await aggregates();
    await recordsPart();
    await rollup();
    const serviceMs: number[] = [];
    const baselineMs: number[] = [];
    const aggregatesMs: number[] = [];
    const recordsMs: number[] = [];
    const rollupMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = await timed(service);
      serviceMs.push(s.ms);
      answer = s.value;
      const b = await timed(baseline);
      baselineMs.push(b.ms);
      raw = b.value;
      aggregatesMs.push((await timed(aggregates)).ms);
      recordsMs.push((await timed(recordsPart)).ms);
      rollupMs.push((await timed(rollup)).ms);
    }

    // The service's counts (zero rows aside) must be the baseline's.
    const expected = new Map<string, number>();
    for (const r of raw.rows) expected.set(`${r.unit_id === null ? 'outside' : codeOf.get(r.unit_id)} ${String(r.month).slice(0, 7)}`, r.count);
    const mismatches: string[] = [];
    let nonZero = 0;
    for (const r of answer.rows) {
      if (!r.count) continue;
      nonZero++;
      const key = `${r.unit} ${r.month}`;
      if (expected.get(key) !== r.count) mismatches.push(`${key}: summary ${r.count}, raw ${expected.get(key)}`);
    }
    if (nonZero !== expected.size) mismatches.push(`${nonZero} non-zero summary rows, ${expected.size} raw groups`);

    const counts = await sql<{ incidents: number; aggregates: number }>`
      select (select count(*)::int from incidents where city_id = ${city.id}) as incidents,
             (select count(*)::int from incident_aggregates where city_id = ${city.id}) as aggregates`.execute(store.db);
    return {
      kind,
      incidents: counts.rows[0]!.incidents,
      aggregateRows: counts.rows[0]!.aggregates,
      resultRows: answer.rows.length,
      unitsMs: unitsRun.ms,
      insertMs,
      finalizeMs,
      serviceMs,
      baselineMs,
      aggregatesMs,
      recordsMs,
      rollupMs,
      mismatches,
      peakMiB: peakRssMiB(),
    };
  } finally {
    await store.close();
    await cleanup();
  }
}
