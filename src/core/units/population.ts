/**
 * Population per unit, year, sex and age band (DESIGN §4). `total` stands for all sexes or all ages.
 */
export const populationSexes = ['female', 'male', 'other', 'unknown', 'total'] as const;
export type PopulationSex = (typeof populationSexes)[number];

/** The age bands of SDG 16.1.1, plus `unknown` and `total`. */
export const sdgAgeBands = ['0-14', '15-29', '30-44', '45-59', '60+', 'unknown', 'total'] as const;
export type SdgAgeBand = (typeof sdgAgeBands)[number];

const sdgRanges: [SdgAgeBand, number, number][] = [
  ['0-14', 0, 14],
  ['15-29', 15, 29],
  ['30-44', 30, 44],
  ['45-59', 45, 59],
  ['60+', 60, Number.POSITIVE_INFINITY],
];

export const populationColumns = ['unit', 'year', 'sex', 'age_band', 'population'] as const;

export type PopulationRow = { unitCode: string; year: number; sex: PopulationSex; ageBand: string; population: number };

/** A rejected input row; `line` counts the header as line 1. */
import type { Rejection } from '../imports/rejection.ts';

export type { Rejection };

/**
 * The SDG band an age band belongs to: itself for an SDG band, else the one band a finer `a-b` or `a+` nests in.
 * Undefined when the text is no band or straddles two SDG bands (e.g. `25-34`).
 */
export function sdgBandOf(band: string): SdgAgeBand | undefined {
  if ((sdgAgeBands as readonly string[]).includes(band)) return band as SdgAgeBand;
  const m = /^(\d{1,3})(?:-(\d{1,3})|(\+))$/.exec(band);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[3] ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (hi < lo || lo > 130) return undefined;
  return sdgRanges.find(([, a, b]) => a <= lo && hi <= b)?.[0];
}

/** Checks one CSV record; every bad field is a rejection. */
export function parsePopulationRecord(
  record: Record<string, string | undefined>,
  line: number,
): { ok: true; row: PopulationRow } | { ok: false; rejections: Rejection[] } {
  const rejections: Rejection[] = [];
  const reject = (field: string, reason: string) => rejections.push({ line, field, value: record[field] ?? '', reason });
  const unitCode = (record.unit ?? '').trim();
  if (!unitCode) reject('unit', 'empty');
  const yearText = (record.year ?? '').trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1800 || year > 2200) reject('year', 'not a year between 1800 and 2200');
  const sex = (record.sex ?? '').trim();
  if (!(populationSexes as readonly string[]).includes(sex)) reject('sex', `not one of ${populationSexes.join(', ')}`);
  const ageBand = (record.age_band ?? '').trim();
  if (!sdgBandOf(ageBand)) {
    reject('age_band', `not one of ${sdgAgeBands.join(', ')}, nor a band a-b or a+ within one of them`);
  }
  const popText = (record.population ?? '').trim();
  const population = Number(popText);
  if (popText === '' || !/^\d+(\.\d+)?$/.test(popText) || !Number.isFinite(population)) reject('population', 'not a number ≥ 0');
  if (rejections.length > 0) return { ok: false, rejections };
  return { ok: true, row: { unitCode, year, sex: sex as PopulationSex, ageBand, population } };
}

const countedSexes = new Set<string>(['female', 'male', 'other', 'unknown']);
const countedBands = new Set<string>(['0-14', '15-29', '30-44', '45-59', '60+', 'unknown']);

/**
 * A unit's total population for one year from whatever rows it has: the `total/total` row; else the sum over SDG
 * bands of `total` sex; else the sum over sexes of `total` age; else the sum over sexes and SDG bands. Finer bands
 * are not summed (they may not cover every age). Undefined when none of these exists.
 */
export function populationTotal(rows: readonly Pick<PopulationRow, 'sex' | 'ageBand' | 'population'>[]): number | undefined {
  const sum = (pick: (r: Pick<PopulationRow, 'sex' | 'ageBand'>) => boolean) => {
    const chosen = rows.filter(pick);
    return chosen.length > 0 ? chosen.reduce((s, r) => s + r.population, 0) : undefined;
  };
  return (
    sum((r) => r.sex === 'total' && r.ageBand === 'total') ??
    sum((r) => r.sex === 'total' && countedBands.has(r.ageBand)) ??
    sum((r) => countedSexes.has(r.sex) && r.ageBand === 'total') ??
    sum((r) => countedSexes.has(r.sex) && countedBands.has(r.ageBand))
  );
}
