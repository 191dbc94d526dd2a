import { describe, expect, it } from 'vitest';
import { parsePopulationRecord, populationTotal, sdgBandOf } from './population.ts';

describe('age bands', () => {
  it('accepts the SDG bands and finer bands that nest within one of them', () => {
    expect(sdgBandOf('15-29')).toBe('15-29');
    expect(sdgBandOf('unknown')).toBe('unknown');
    expect(sdgBandOf('total')).toBe('total');
    expect(sdgBandOf('0-4')).toBe('0-14');
    expect(sdgBandOf('15-19')).toBe('15-29');
    expect(sdgBandOf('60-64')).toBe('60+');
    expect(sdgBandOf('80+')).toBe('60+');
  });

  it('refuses bands that straddle two SDG bands or are not bands', () => {
    for (const bad of ['25-34', '10-19', '55+', '30-20', '15 - 29', 'adults', '', '0-14-']) expect(sdgBandOf(bad)).toBeUndefined();
  });
});

describe('population records', () => {
  it('reads a good record', () => {
    expect(parsePopulationRecord({ unit: 'W1', year: '2020', sex: 'female', age_band: '15-19', population: '1200' }, 2)).toEqual({
      ok: true,
      row: { unitCode: 'W1', year: 2020, sex: 'female', ageBand: '15-19', population: 1200 },
    });
  });

  it('names every bad field with its line and value', () => {
    const r = parsePopulationRecord({ unit: '', year: '20x0', sex: 'woman', age_band: '25-34', population: '-3' }, 7);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejections.map((x) => [x.line, x.field, x.value])).toEqual([
      [7, 'unit', ''],
      [7, 'year', '20x0'],
      [7, 'sex', 'woman'],
      [7, 'age_band', '25-34'],
      [7, 'population', '-3'],
    ]);
  });
});

describe('population totals', () => {
  const row = (sex: string, ageBand: string, population: number) => ({ sex: sex as 'total', ageBand, population });

  it('prefers the total row, then sums what makes a total without counting twice', () => {
    expect(populationTotal([row('total', 'total', 100), row('female', 'total', 60)])).toBe(100);
    expect(populationTotal([row('total', '0-14', 30), row('total', '15-29', 20), row('female', 'total', 1)])).toBe(50);
    expect(populationTotal([row('female', 'total', 60), row('male', 'total', 38), row('unknown', 'total', 2)])).toBe(100);
    expect(populationTotal([row('female', '0-14', 5), row('male', '60+', 7), row('male', '60-64', 3)])).toBe(12);
    expect(populationTotal([])).toBeUndefined();
  });
});
