import { describe, expect, it } from 'vitest';
import type { UnitCollection } from '../../api/types.ts';
import { classColour, colourOf, palette, rateTable } from './unit-rates.ts';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const units = (populations: (number | null)[]): UnitCollection => ({
  type: 'FeatureCollection',
  features: populations.map((population, i) => ({
    type: 'Feature',
    geometry: square,
    properties: { unit: `U${i}`, name: `Unit ${i}`, level: 1, parent: null, population, populationYear: population === null ? null : 2020, issues: 0 },
  })),
});

describe('rates per 100,000 residents', () => {
  it('joins counts to units, with kinds for zero, suppressed and no population, and keeps outside apart', () => {
    const table = rateTable(
      units([50_000, 10_000, 2_000, null, 0]),
      [
        { unit: 'U0', count: 25 },
        { unit: 'U1', count: 0 },
        { unit: 'U2', count: null },
        { unit: 'U3', count: 7 },
        { unit: 'outside', count: 3 },
      ],
      'quantile',
    );
    expect(table.units.map((u) => [u.unit, u.kind, u.rate])).toEqual([
      ['U0', 'rate', 50],
      ['U1', 'zero', 0],
      ['U2', 'suppressed', null],
      ['U3', 'noPopulation', null],
      ['U4', 'noPopulation', null],
    ]);
    expect(table.outside).toBe(3);
    expect(table.populationYears).toEqual([2020]);
    expect(table.units.map((u) => colourOf(u, table.ranges.length))).toEqual([palette[4], '#ffffff', '#b8c2cc', null, null]);
  });

  it('counts a unit the answer leaves out as zero, and lists a code the units lack', () => {
    const table = rateTable(units([1_000]), [{ unit: 'X9', count: 6 }], 'jenks');
    expect(table.units.map((u) => [u.unit, u.count, u.name])).toEqual([
      ['U0', 0, 'Unit 0'],
      ['X9', 6, undefined],
    ]);
    expect(table.outside).toBeUndefined();
  });

  it('spreads fewer than five classes over the palette', () => {
    expect([0, 1, 2].map((i) => classColour(i, 3))).toEqual([palette[0], palette[2], palette[4]]);
  });
});
