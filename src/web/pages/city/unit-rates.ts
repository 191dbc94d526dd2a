// Joins a city's units (with population) and the incident counts by unit into the rows of the map
// and the table: count, population and rate per 100,000 residents, and each unit's class.
import { outsideUnit, type SummaryRow, type UnitCollection, type UnitGeometry } from '../../api/types.ts';
import { type Classification, type ClassRange, classBreaks, classOf, classRanges } from './classify.ts';

export const ratePer = 100_000;
export const classCount = 5;

/** Sequential, colour-blind-safe: viridis in five steps, light (few) to dark (many). */
export const palette = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;
export const zeroColour = '#ffffff';
export const suppressedColour = '#b8c2cc';

/**
 * How a unit is drawn: by its rate's class; white when nothing was recorded; grey when the count
 * is suppressed; hatched when the unit has no population (no rate can be computed).
 */
export type UnitKind = 'rate' | 'zero' | 'suppressed' | 'noPopulation';

export type UnitRate = {
  unit: string;
  /** Undefined for a code the counts name but the units of this level do not have. */
  name: string | undefined;
  geometry: UnitGeometry | undefined;
  count: number | null;
  population: number | null;
  populationYear: number | null;
  rate: number | null;
  kind: UnitKind;
  /** The class (0-based) of a `rate` unit. */
  colourClass: number | undefined;
};

export type RateTable = {
  units: UnitRate[];
  /** Records outside every unit: undefined when the answer has no such row. */
  outside: number | null | undefined;
  breaks: number[];
  ranges: ClassRange[];
  /** The distinct population years used, ascending. */
  populationYears: number[];
};

function kindOf(count: number | null, population: number | null): UnitKind {
  if (population === null || population <= 0) return 'noPopulation';
  if (count === null) return 'suppressed';
  return count === 0 ? 'zero' : 'rate';
}

export function rateTable(units: UnitCollection, rows: readonly SummaryRow[], method: Classification): RateTable {
  const counts = new Map<string, number | null>();
  let outside: number | null | undefined;
  for (const row of rows) {
    if (row.unit === undefined) continue;
    if (row.unit === outsideUnit) outside = row.count;
    else counts.set(row.unit, row.count);
  }
  const known = new Set<string>();
  const list: UnitRate[] = units.features.map(({ properties: p, geometry }) => {
    known.add(p.unit);
    const count = counts.has(p.unit) ? (counts.get(p.unit) ?? null) : 0;
    const kind = kindOf(count, p.population);
    const rate = kind === 'rate' || kind === 'zero' ? ((count ?? 0) / p.population!) * ratePer : null;
    return {
      unit: p.unit,
      name: p.name,
      geometry,
      count,
      population: p.population,
      populationYear: p.populationYear,
      rate,
      kind,
      colourClass: undefined,
    };
  });
  for (const [unit, count] of counts) {
    if (known.has(unit)) continue;
    list.push({ unit, name: undefined, geometry: undefined, count, population: null, populationYear: null, rate: null, kind: 'noPopulation', colourClass: undefined });
  }
  const rates = list.filter((u) => u.kind === 'rate').map((u) => u.rate!);
  const breaks = classBreaks(rates, classCount, method);
  for (const u of list) if (u.kind === 'rate') u.colourClass = classOf(u.rate!, breaks);
  const years = new Set(list.flatMap((u) => (u.populationYear === null || u.kind === 'noPopulation' ? [] : [u.populationYear])));
  return { units: list, outside, breaks, ranges: classRanges(rates, breaks), populationYears: [...years].sort((a, b) => a - b) };
}

/** The colour of a unit on the map; null draws it hatched. */
export function colourOf(unit: UnitRate, classes: number): string | null {
  switch (unit.kind) {
    case 'rate':
      return classColour(unit.colourClass ?? 0, classes);
    case 'zero':
      return zeroColour;
    case 'suppressed':
      return suppressedColour;
    case 'noPopulation':
      return null;
    default: {
      const unreachable: never = unit.kind;
      throw new Error(`Unknown unit kind ${String(unreachable)}`);
    }
  }
}

/** With fewer than five classes, spread them over the palette so they stay far apart. */
export function classColour(index: number, classes: number): string {
  if (classes <= 1) return palette[palette.length - 1]!;
  const step = Math.round((index * (palette.length - 1)) / (classes - 1));
  return palette[step]!;
}
