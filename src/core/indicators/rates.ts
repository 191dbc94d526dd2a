import type { PopulationRow } from '../units/population.ts';
import { poissonLimits } from './poisson.ts';
import type { IndicatorBy, IndicatorRow } from './survey-source.ts';

/**
 * Record-based indicator values (issue 5, scope 2): counts per combination of the `by` keys over person-years of the
 * resident population, per 100,000 per year, with exact Poisson 95% intervals. Pure: the server brings the counts
 * and the population rows.
 */
export type RecordBy = Extract<IndicatorBy, 'unit' | 'month' | 'quarter' | 'year' | 'sex' | 'age'>;
export const recordByKeys: readonly RecordBy[] = ['unit', 'month', 'quarter', 'year', 'sex', 'age'];

/** A count with its keys: `unit` a unit code, `month` `YYYY-MM` (absent when not asked), `source` when split. */
export type KeyedCount = { unit?: string; month?: string; sex?: string; age?: string; source?: string; count: number };

export type RecordRow = IndicatorRow & { source?: string };

const DAY = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const dayText = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const daysInYear = (y: number) => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);

/** The time cell a month falls in for the asked time key (undefined: the whole period). */
export function timeCell(month: string, key: 'month' | 'quarter' | 'year' | undefined): string | undefined {
  switch (key) {
    case undefined:
      return undefined;
    case 'month':
      return month;
    case 'quarter':
      return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return month.slice(0, 4);
    default: {
      const never: never = key;
      throw new Error(`unexpected time key ${String(never)}`);
    }
  }
}

/** First and last day of a time cell, clipped to the period. */
function cellBounds(cell: string | undefined, period: { from: string; to: string }): { from: string; to: string } | undefined {
  let from = period.from;
  let to = period.to;
  if (cell !== undefined) {
    let a: string;
    let b: string;
    if (/^\d{4}$/.test(cell)) {
      a = `${cell}-01-01`;
      b = `${cell}-12-31`;
    } else if (/^\d{4}-Q\d$/.test(cell)) {
      const q = Number(cell.slice(6));
      a = `${cell.slice(0, 4)}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      b = dayText(Date.UTC(Number(cell.slice(0, 4)), q * 3, 1) / DAY - 1);
    } else {
      a = `${cell}-01`;
      b = dayText(Date.UTC(Number(cell.slice(0, 4)), Number(cell.slice(5, 7)), 1) / DAY - 1);
    }
    from = a > from ? a : from;
    to = b < to ? b : to;
  }
  return from <= to ? { from, to } : undefined;
}

/** Every time cell of the period for the asked key. */
export function timeCells(period: { from: string; to: string }, key: 'month' | 'quarter' | 'year' | undefined): (string | undefined)[] {
  if (key === undefined) return [undefined];
  const cells: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const endY = Number(period.to.slice(0, 4));
  const endM = Number(period.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    const c = timeCell(`${y}-${String(m).padStart(2, '0')}`, key)!;
    if (cells.at(-1) !== c) cells.push(c);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return cells;
}

/** Days of [from, to] falling in each calendar year, as fractions of that year. */
export function yearShares(span: { from: string; to: string }): { year: number; share: number; days: number }[] {
  const out: { year: number; share: number; days: number }[] = [];
  for (let y = Number(span.from.slice(0, 4)); y <= Number(span.to.slice(0, 4)); y++) {
    const a = Math.max(dayNumber(span.from), dayNumber(`${y}-01-01`));
    const b = Math.min(dayNumber(span.to), dayNumber(`${y}-12-31`));
    if (b >= a) out.push({ year: y, days: b - a + 1, share: (b - a + 1) / daysInYear(y) });
  }
  return out;
}

/**
 * Population of one group in one year from the rows of one unit: an exact row when it exists, else sums that make
 * the group (sex total over SDG age bands, or age band over sexes). Undefined when the rows cannot make it.
 */
export function groupPopulation(rows: readonly PopulationRow[], sex: string | undefined, age: string | undefined): number | undefined {
  const wantSex = sex ?? 'total';
  const wantAge = age ?? 'total';
  const exact = findPopulation(rows, wantSex, wantAge);
  if (exact !== undefined) return exact;
  if (wantSex === 'total' && wantAge === 'total') {
    return sumPopulation(rows, totalList, groupBands) ?? sumPopulation(rows, groupSexes, totalList) ?? sumPopulation(rows, groupSexes, groupBands);
  }
  if (wantAge === 'total') return sumPopulation(rows, [wantSex], groupBands);
  if (wantSex === 'total') return sumPopulation(rows, groupSexes, [wantAge]);
  return undefined;
}

const groupSexes = ['female', 'male', 'other', 'unknown'];
const groupBands = ['0-14', '15-29', '30-44', '45-59', '60+', 'unknown'];
const totalList = ['total'];

function findPopulation(rows: readonly PopulationRow[], sex: string, age: string): number | undefined {
  for (const r of rows) if (r.sex === sex && r.ageBand === age) return r.population;
  return undefined;
}

/** The sum over every (sex, age) pair present; undefined when none is. */
function sumPopulation(rows: readonly PopulationRow[], sexes: readonly string[], ages: readonly string[]): number | undefined {
  let total = 0;
  let any = false;
  for (const s of sexes) {
    for (const a of ages) {
      const v = findPopulation(rows, s, a);
      if (v !== undefined) {
        total += v;
        any = true;
      }
    }
  }
  return any ? total : undefined;
}

/** Population lookup with the nearest-year rule; `year` says which year was used. */
export type PopulationLookup = (unit: string | undefined, year: number, sex: string | undefined, age: string | undefined) => { population: number; year: number } | undefined;

/**
 * Builds the lookup from population rows. `cityUnits`: the codes whose sum makes the city when no unit is asked.
 * A missing year takes the nearest year that has the group (the earlier one on a tie).
 */
export function populationLookup(rows: readonly PopulationRow[], cityUnits: readonly string[]): PopulationLookup {
  const byUnitYear = new Map<string, PopulationRow[]>();
  const yearsOf = new Map<string, Set<number>>();
  for (const r of rows) {
    const k = `${r.unitCode}\u0000${r.year}`;
    const list = byUnitYear.get(k);
    if (list) list.push(r);
    else byUnitYear.set(k, [r]);
    const ys = yearsOf.get(r.unitCode);
    if (ys) ys.add(r.year);
    else yearsOf.set(r.unitCode, new Set([r.year]));
  }
  const sortedYears = new Map([...yearsOf].map(([u, ys]) => [u, [...ys].sort((a, b) => a - b)]));
  const cache = new Map<string, { population: number; year: number } | undefined>();
  const one = (unit: string, year: number, sex: string | undefined, age: string | undefined) => {
    const key = `${unit}\u0000${year}\u0000${sex ?? ''}\u0000${age ?? ''}`;
    if (cache.has(key)) return cache.get(key);
    const have = sortedYears.get(unit) ?? [];
    // The same year first; else the others by distance (the earlier on a tie): walk outwards from where the year
    // falls in the sorted list, taking the nearer side, the earlier on a tie.
    let found: { population: number; year: number } | undefined;
    let hi = 0;
    while (hi < have.length && have[hi]! < year) hi++;
    let lo = hi - 1;
    while (lo >= 0 || hi < have.length) {
      let y: number;
      if (hi >= have.length || (lo >= 0 && year - have[lo]! <= have[hi]! - year)) y = have[lo--]!;
      else y = have[hi++]!;
      const p = groupPopulation(byUnitYear.get(`${unit}\u0000${y}`) ?? [], sex, age);
      if (p !== undefined) {
        found = { population: p, year: y };
        break;
      }
    }
    cache.set(key, found);
    return found;
  };
  return (unit, year, sex, age) => {
    if (unit !== undefined) return one(unit, year, sex, age);
    let total = 0;
    let used: number | undefined;
    let any = false;
    for (const code of cityUnits) {
      const p = one(code, year, sex, age);
      if (!p) continue;
      any = true;
      total += p.population;
      if (used === undefined || Math.abs(p.year - year) > Math.abs(used - year)) used = p.year;
    }
    return any ? { population: total, year: used! } : undefined;
  };
}

export type RateInput = {
  by: readonly RecordBy[];
  /** Split by record source (16.1.1 shows police and health side by side). */
  bySource: boolean;
  period: { from: string; to: string };
  counts: readonly KeyedCount[];
  /** Unit codes listed even without records (when by includes unit). */
  units: readonly string[];
  population: PopulationLookup;
};

export type RateResult = { rows: RecordRow[]; notes: string[] };

/** Rates per 100,000 per year for every combination of the keys, zero-count cells included. */
export function computeRates(input: RateInput): RateResult {
  const timeKey = (['month', 'quarter', 'year'] as const).find((k) => input.by.includes(k));
  const keys = input.by.filter((k) => k !== 'month' && k !== 'quarter' && k !== 'year') as ('unit' | 'sex' | 'age')[];
  const cells = new Map<string, { keys: Partial<Record<IndicatorBy, string>>; source?: string; count: number }>();
  const by = input.by;
  const idOf = (k: Partial<Record<IndicatorBy, string>>, source: string | undefined) => {
    let id = '';
    for (let i = 0; i < by.length; i++) id += `${k[by[i]!] ?? ''}\u0000`;
    return id + (source ?? '');
  };
  const sources = new Set<string>();
  const combos = new Map<string, Partial<Record<IndicatorBy, string>>>();
  for (const c of input.counts) {
    const k: Partial<Record<IndicatorBy, string>> = {};
    for (const b of keys) k[b] = c[b] ?? 'unknown';
    if (timeKey) k[timeKey] = timeCell(c.month!, timeKey);
    const source = input.bySource ? (c.source ?? 'unknown') : undefined;
    if (source) sources.add(source);
    const id = idOf(k, source);
    const hit = cells.get(id);
    if (hit) hit.count += c.count;
    else cells.set(id, { keys: k, ...(source ? { source } : {}), count: c.count });
    combos.set(keys.filter((b) => b !== 'unit').map((b) => k[b]).join('\u0000'), k);
  }
  // Zero cells: every unit and every time cell for each combination of the other keys seen (and each source).
  const units = keys.includes('unit') ? input.units : [undefined];
  const times = timeCells(input.period, timeKey);
  const comboList = combos.size > 0 ? [...combos.values()] : [{}];
  const sourceList = input.bySource ? (sources.size > 0 ? [...sources].sort() : []) : [undefined];
  for (const combo of comboList) {
    for (const unit of units) {
      for (const t of times) {
        for (const source of sourceList) {
          const k: Partial<Record<IndicatorBy, string>> = {};
          for (const b of keys) if (b !== 'unit') k[b] = combo[b];
          if (unit !== undefined) k.unit = unit;
          if (timeKey && t !== undefined) k[timeKey] = t;
          const id = idOf(k, source);
          if (!cells.has(id)) cells.set(id, { keys: k, ...(source ? { source } : {}), count: 0 });
        }
      }
    }
  }
  const nearest = new Set<string>();
  let scaled = false;
  const rows: RecordRow[] = [];
  // Cells share their spans and many share their counts: both are computed once.
  const spans = new Map<string | undefined, { span: { from: string; to: string }; shares: ReturnType<typeof yearShares>; days: number } | undefined>();
  const exposures = new Map<string, { personYears: number; missing: boolean }>();
  const limits = new Map<number, { lower: number; upper: number }>();
  for (const cell of cells.values()) {
    const t = timeKey ? cell.keys[timeKey] : undefined;
    if (!spans.has(t)) {
      const span = cellBounds(t, input.period);
      const shares = span && yearShares(span);
      spans.set(t, span && shares && { span, shares, days: shares.reduce((n, x) => n + x.days, 0) });
    }
    const cached = spans.get(t);
    if (!cached) continue;
    const exposureKey = `${t}\u0000${cell.keys.unit}\u0000${cell.keys.sex}\u0000${cell.keys.age}`;
    let exposure = exposures.get(exposureKey);
    if (!exposure) {
      exposure = { personYears: 0, missing: cell.keys.sex === 'unknown' || cell.keys.age === 'unknown' || cell.keys.unit === 'outside' };
      for (const { year, share } of cached.shares) {
        if (exposure.missing) break;
        const pop = input.population(cell.keys.unit, year, cell.keys.sex, cell.keys.age);
        if (!pop) {
          exposure.missing = true;
          break;
        }
        if (pop.year !== year) nearest.add(`${year} → ${pop.year}`);
        exposure.personYears += pop.population * share;
      }
      exposures.set(exposureKey, exposure);
    }
    const { personYears, missing } = exposure;
    const days = cached.days;
    if (days < 365 || days > 366) scaled = true;
    let r: { value: number | null; lower: number | null; upper: number | null } = { value: null, lower: null, upper: null };
    if (!missing && personYears > 0) {
      let lim = limits.get(cell.count);
      if (!lim) {
        lim = poissonLimits(cell.count);
        limits.set(cell.count, lim);
      }
      const scale = 100_000 / personYears;
      r = { value: cell.count * scale, lower: lim.lower * scale, upper: lim.upper * scale };
    }
    const flags: string[] = [];
    if (missing) flags.push('no_population');
    rows.push({
      keys: cell.keys,
      ...(cell.source ? { source: cell.source } : {}),
      ...r,
      numerator: cell.count,
      denominator: Math.round(personYears * 1000) / 1000,
      flags,
    });
  }
  // In the order of the keys asked, then the source; "outside" after every unit. Keys hold no NUL, so comparing the
  // keys joined with NUL compares them key by key; U+FFFF sorts after any code.
  const sortKey = (r: RecordRow) => {
    let key = '';
    for (let i = 0; i < by.length; i++) {
      const k = by[i]!;
      const v = r.keys[k] ?? '';
      key += `${k === 'unit' && v === 'outside' ? '\uffff' : v}\u0000`;
    }
    return key + (r.source ?? '');
  };
  const keyed = rows.map((r) => ({ key: sortKey(r), r }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) rows[i] = keyed[i]!.r;
  const notes = [
    `Rates are per 100,000 residents per year, with exact Poisson 95% intervals; the denominator is person-years (population × the share of each year covered) from ${input.period.from} to ${input.period.to}.`,
  ];
  if (scaled) notes.push('Periods shorter or longer than one year are scaled to a year (count ÷ person-years × 100,000).');
  if (nearest.size > 0) notes.push(`Population of the same year was missing; the nearest year was used (${[...nearest].sort().join(', ')}).`);
  else notes.push('Population of the same year was used for every year.');
  if (rows.some((r) => r.flags.includes('no_population'))) {
    notes.push('Cells without a population (records outside every unit, sex or age unknown, or no population imported) have no rate.');
  }
  return { rows, notes };
}
