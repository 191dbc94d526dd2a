import { describe, expect, it } from 'vitest';
import type { PopulationRow } from '../units/population.ts';
import published from './fixtures/published-rate.json' with { type: 'json' };
import { computeRates, groupPopulation, populationLookup, timeCells, yearShares } from './rates.ts';

const pop = (unitCode: string, year: number, sex: PopulationRow['sex'], ageBand: string, population: number): PopulationRow => ({
  unitCode,
  year,
  sex,
  ageBand,
  population,
});

describe('record-based rates', () => {
  it('recompute a published homicide rate from its count and population', () => {
    const { rows } = computeRates({
      by: [],
      bySource: false,
      period: { from: `${published.year}-01-01`, to: `${published.year}-12-31` },
      counts: [{ count: published.count }],
      units: [],
      population: populationLookup([pop('world', published.year, 'total', 'total', published.population)], ['world']),
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value!.toFixed(published.decimals)).toBe(published.publishedRate.toFixed(published.decimals));
    expect(rows[0]!.lower!).toBeLessThan(rows[0]!.value!);
    expect(rows[0]!.upper!).toBeGreaterThan(rows[0]!.value!);
  });

  it('give each unit and sex a rate over person-years, zero cells included, nearest-year population said', () => {
    const population = [
      pop('A', 2022, 'female', 'total', 50_000),
      pop('A', 2022, 'male', 'total', 50_000),
      pop('B', 2022, 'total', '0-14', 10_000),
      pop('B', 2022, 'total', '15-29', 10_000),
      pop('B', 2022, 'female', 'total', 10_000),
      pop('B', 2022, 'male', 'total', 10_000),
    ];
    const res = computeRates({
      by: ['unit', 'sex'],
      bySource: false,
      period: { from: '2022-01-01', to: '2023-12-31' },
      counts: [
        { unit: 'A', sex: 'female', count: 10 },
        { unit: 'A', sex: 'male', count: 30 },
        { unit: 'B', sex: 'male', count: 2 },
      ],
      units: ['A', 'B'],
      population: populationLookup(population, ['A', 'B']),
    });
    const byKey = new Map(res.rows.map((r) => [`${r.keys.unit}/${r.keys.sex}`, r]));
    // 2023 has no population: 2022's is used for it too, so person-years = 2 × 50,000.
    expect(byKey.get('A/female')!.value).toBeCloseTo(10, 10);
    expect(byKey.get('A/female')!.denominator).toBe(100_000);
    expect(byKey.get('A/male')!.value).toBeCloseTo(30, 10);
    expect(byKey.get('B/female')!.numerator).toBe(0);
    expect(byKey.get('B/female')!.value).toBe(0);
    expect(byKey.get('B/female')!.upper).toBeCloseTo((3.689 / 20_000) * 100_000, 2);
    expect(res.notes.join(' ')).toContain('2023 → 2022');
  });

  it('scale a part of a year to a year and say so', () => {
    const res = computeRates({
      by: ['quarter'],
      bySource: true,
      period: { from: '2021-01-01', to: '2021-06-30' },
      counts: [
        { month: '2021-01', source: 'police', count: 5 },
        { month: '2021-05', source: 'health', count: 7 },
      ],
      units: [],
      population: populationLookup([pop('C', 2021, 'total', 'total', 365_000)], ['C']),
    });
    expect(res.rows.map((r) => `${r.keys.quarter} ${r.source} ${r.numerator}`)).toEqual([
      '2021-Q1 health 0',
      '2021-Q1 police 5',
      '2021-Q2 health 7',
      '2021-Q2 police 0',
    ]);
    const q1 = res.rows[1]!;
    expect(q1.denominator).toBeCloseTo((365_000 * 90) / 365, 6);
    expect(q1.value).toBeCloseTo((5 / ((365_000 * 90) / 365)) * 100_000, 8);
    expect(res.notes.join(' ')).toContain('scaled to a year');
  });

  it('sum a group from bands and sexes', () => {
    const rows = [pop('U', 2020, 'female', '0-14', 3), pop('U', 2020, 'female', '15-29', 4), pop('U', 2020, 'male', '0-14', 5)];
    expect(groupPopulation(rows, 'female', undefined)).toBe(7);
    expect(groupPopulation(rows, undefined, '0-14')).toBe(8);
    expect(groupPopulation(rows, undefined, undefined)).toBe(12);
  });

  it('take the nearest year with the group, the earlier on a tie, the same year first', () => {
    const rows = [pop('U', 2018, 'male', 'total', 18), pop('U', 2020, 'female', 'total', 1), pop('U', 2022, 'male', 'total', 22), pop('U', 2025, 'male', 'total', 25)];
    const look = populationLookup(rows, ['U']);
    expect(look('U', 2020, 'male', undefined)).toEqual({ population: 18, year: 2018 });
    expect(look('U', 2021, 'male', undefined)).toEqual({ population: 22, year: 2022 });
    expect(look('U', 2024, 'male', undefined)).toEqual({ population: 25, year: 2025 });
    expect(look('U', 2030, 'male', undefined)).toEqual({ population: 25, year: 2025 });
    expect(look('U', 2010, 'male', undefined)).toEqual({ population: 18, year: 2018 });
    expect(look('U', 2022, 'male', undefined)).toEqual({ population: 22, year: 2022 });
    expect(look('U', 2021, 'female', undefined)).toEqual({ population: 1, year: 2020 });
    expect(look('U', 2021, 'other', undefined)).toBeUndefined();
    expect(look('V', 2020, undefined, undefined)).toBeUndefined();
  });

  it('cut periods into time cells and years', () => {
    expect(timeCells({ from: '2020-11-15', to: '2021-02-01' }, 'quarter')).toEqual(['2020-Q4', '2021-Q1']);
    expect(yearShares({ from: '2020-07-01', to: '2021-06-30' }).map((s) => s.days)).toEqual([184, 181]);
  });
});
