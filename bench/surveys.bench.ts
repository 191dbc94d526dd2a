// Survey indicators: `services.surveys.indicators.compute` for 16.1.4 by unit and sex over 50,000 responses (one
// survey, 10 strata, 1,000 clusters, 50 units), which reads the stored response columns (weights, design, keys, one
// outcome), against the baseline of the same computation from the raw response rows in one query (the weighted sums
// per domain, stratum and PSU grouped from `survey_responses`, then the same Taylor variance in JavaScript), measured
// in the same run on PGlite. Both must give the same values. Goal: ≥ 20×. Two figures: a fresh service that reads
// the columns from the store, and the server's service whose decoded columns stay in memory between queries.
// The responses go through the real import (the standard modules form, a generated KoBoToolbox-style CSV export,
// the shipped mapping), whose time is printed too.
//   npx tsx bench/surveys.bench.ts [responses]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Z_975 } from '../src/core/surveys/design-estimate.ts';
import { openPGlite } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { createServices } from '../src/server/services.ts';
import { SurveyRepository } from '../src/server/surveys/survey.repository.ts';
import { SurveyIndicatorService } from '../src/server/surveys/survey-indicator.service.ts';
import { fmt, median, peakRssMiB, printTable, rng, timed, unitGrid, unitsGeoJson } from './support/synthetic.ts';

const N = Number(process.argv[2] ?? 50_000);
const ROUNDS = 15;
const GOAL = 20;
const root = new URL('../', import.meta.url);

const dir = mkdtempSync(join(tmpdir(), 'safer-bench-surveys-'));
const store = await openPGlite(join(dir, 'data'), { role: 'cli', skipLock: true });
try {
  await migrate(store);
  const services = createServices(store);
  await services.cities.create({ slug: 'bench', name: 'Bench', country: 'KEN', timezone: 'Africa/Nairobi' });
  const units = unitGrid(10, 5);
  await services.unitImports.importFile('bench', { bytes: unitsGeoJson(units), fileName: 'units.geojson' }, { idField: 'code', nameField: 'name' });

  // A KoBoToolbox-style export of the standard modules form.
  const rand = rng(20261125);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const yes = (p: number) => (rand() < p ? 'yes' : pick(['no', 'no', 'no', 'dont_know']));
  const header = 'today;respondent/sex;respondent/age;respondent/disability;respondent/unit;safety/safe_after_dark;violence/physical;violence/psychological;violence/sexual;violence/reported_police;harassment/physical_harassment;harassment/sexual_harassment;harassment/harassment_place;stratum;cluster;weight';
  const lines = [header];
  for (let i = 0; i < N; i++) {
    const cluster = Math.floor((i * 1000) / N);
    const stratum = `s${cluster % 10}`;
    const unit = units[cluster % units.length]!.code;
    const violence = [yes(0.1), yes(0.2), yes(0.05)];
    lines.push(
      [
        `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
        pick(['female', 'male', 'female', 'male', 'other', 'prefer_not']),
        String(15 + Math.floor(rand() * 70)),
        pick(['yes', 'no', 'no', 'no']),
        unit,
        pick(['very_safe', 'safe', 'unsafe', 'very_unsafe', 'never_alone', 'dont_know']),
        ...violence,
        violence.includes('yes') ? pick(['yes', 'no']) : '',
        yes(0.15),
        yes(0.2),
        rand() < 0.3 ? pick(['street', 'public_transport', 'market street', 'online']) : '',
        stratum,
        `c${cluster}`,
        (50 + rand() * 150).toFixed(2),
      ].join(';'),
    );
  }
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  const imported = await timed(() =>
    services.surveys.imports.importFiles({
      citySlug: 'bench',
      formPath: new URL('forms/safer-cities-standard-modules.xlsx', root).pathname,
      formName: 'form.xlsx',
      dataPath: join(dir, 'data.csv'),
      dataName: 'data.csv',
      mapping: JSON.parse(readFileSync(new URL('forms/safer-cities-standard-modules.mapping.json', root), 'utf8')),
      design: { weight: 'weight', strata: 'stratum', cluster: 'cluster' },
    }),
  );
  const city = await services.cities.get('bench');
  const query = { cityId: city.id, code: '16.1.4', by: ['unit', 'sex'] as ('unit' | 'sex')[], minRespondents: 30 };
  const repo = new SurveyRepository(store.db);

  /** The baseline: weighted sums per (unit, sex, stratum, PSU) from the raw rows in one query, then the variance. */
  const baseline = async () => {
    const sums = await repo.rawPsuSums(city.id, '16.1.4');
    const psusIn = new Map<string, Set<string>>();
    const dom = new Map<string, { y: number; d: number; n: number }>();
    for (const r of sums) {
      const h = `${r.survey_id}/${r.stratum}`;
      if (!psusIn.has(h)) psusIn.set(h, new Set());
      psusIn.get(h)!.add(r.psu ?? '');
      const g = `${r.unit}/${r.sex}`;
      const t = dom.get(g) ?? { y: 0, d: 0, n: 0 };
      t.y += r.yw;
      t.d += r.dw;
      t.n += r.n;
      dom.set(g, t);
    }
    const acc = new Map<string, { s1: number; s2: number }>();
    for (const r of sums) {
      const g = `${r.unit}/${r.sex}`;
      const t = dom.get(g)!;
      if (t.d === 0) continue;
      const z = (r.yw - (t.y / t.d) * r.dw) / t.d;
      const key = `${g}|${r.survey_id}/${r.stratum}`;
      const a = acc.get(key) ?? { s1: 0, s2: 0 };
      a.s1 += z;
      a.s2 += z * z;
      acc.set(key, a);
    }
    const out = new Map<string, { value: number; lower: number }>();
    for (const [g, t] of dom) {
      if (t.d === 0) continue;
      let v = 0;
      for (const [h, psus] of psusIn) {
        const a = acc.get(`${g}|${h}`);
        const nh = psus.size;
        if (!a || nh < 2) continue;
        v += (nh / (nh - 1)) * Math.max(0, a.s2 - (a.s1 * a.s1) / nh);
      }
      const share = t.y / t.d;
      out.set(g, { value: share * 100, lower: Math.max(0, (share - Z_975 * Math.sqrt(v)) * 100) });
    }
    return out;
  };

  // One round of each first, uncounted (JIT warm-up on both sides).
  await services.surveys.indicators.compute(query);
  await baseline();
  const warm: number[] = [];
  const cold: number[] = [];
  const base: number[] = [];
  let rows = 0;
  const mismatches: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Cold: a fresh service reads the columns from the store; warm: the server's service, columns in memory.
    const c = await timed(() => new SurveyIndicatorService(repo).compute(query));
    const a = await timed(() => services.surveys.indicators.compute(query));
    const b = await timed(baseline);
    cold.push(c.ms);
    warm.push(a.ms);
    base.push(b.ms);
    rows = a.value.rows.length;
    if (round === 0) {
      for (const r of [...a.value.rows, ...c.value.rows]) {
        const want = b.value.get(`${r.keys.unit}/${r.keys.sex}`);
        if (!want || Math.abs(want.value - r.value!) > 1e-9 || Math.abs(want.lower - r.lower!) > 1e-9) mismatches.push(`${r.keys.unit}/${r.keys.sex}`);
      }
      if (b.value.size !== a.value.rows.length) mismatches.push(`rows ${a.value.rows.length} vs ${b.value.size}`);
    }
  }
  console.log(
    `${fmt(N)} responses imported in ${fmt(imported.ms)} ms (${fmt((N / imported.ms) * 1000)} rows/s); 16.1.4 by unit and sex: ${rows} rows; ` +
      `median of ${ROUNDS} rounds; peak RSS ${fmt(peakRssMiB())} MiB; values equal to the baseline: ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.slice(0, 5).join(', ')})`}`,
  );
  const row = (what: string, ms: number[]) => {
    const ratio = median(base) / median(ms);
    return {
      what,
      figure: `${median(ms).toFixed(1)} ms`,
      baseline: `${median(base).toFixed(1)} ms (raw rows, one query)`,
      ratio: `${ratio.toFixed(1)}×`,
      goal: `≥ ${GOAL}×`,
      met: ratio >= GOAL ? 'yes' : 'no',
    };
  };
  printTable([
    row(`16.1.4 by unit, sex, ${fmt(N)} responses: columns read from the store`, cold),
    row(`16.1.4 by unit, sex, ${fmt(N)} responses: columns in memory`, warm),
  ]);
  if (mismatches.length) process.exitCode = 1;
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
