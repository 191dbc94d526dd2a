import { describe, expect, it } from 'vitest';
import { planBounds, shapeSummary, summaryQuerySchema } from './summary.ts';

describe('bounds: whole months from the aggregates, partial months from the records', () => {
  it('splits bounds inside two months', () => {
    expect(planBounds('2012-07-15', '2012-08-10')).toEqual({
      months: null,
      days: [
        { from: '2012-07-15', to: '2012-07-31' },
        { from: '2012-08-01', to: '2012-08-10' },
      ],
    });
  });

  it('keeps whole months whole', () => {
    expect(planBounds('2012-07-01', '2012-12-31')).toEqual({ months: { from: '2012-07-01', to: '2012-12-01' }, days: [] });
    expect(planBounds('2012-07-01', '2012-07-31')).toEqual({ months: { from: '2012-07-01', to: '2012-07-01' }, days: [] });
    expect(planBounds(undefined, undefined)).toEqual({ months: { from: undefined, to: undefined }, days: [] });
  });

  it('mixes whole and partial months, and open bounds', () => {
    expect(planBounds('2012-07-15', '2012-10-10')).toEqual({
      months: { from: '2012-08-01', to: '2012-09-01' },
      days: [
        { from: '2012-07-15', to: '2012-07-31' },
        { from: '2012-10-01', to: '2012-10-10' },
      ],
    });
    expect(planBounds('2012-07-15', undefined)).toEqual({ months: { from: '2012-08-01', to: undefined }, days: [{ from: '2012-07-15', to: '2012-07-31' }] });
    expect(planBounds(undefined, '2024-02-28')).toEqual({ months: { from: undefined, to: '2024-01-01' }, days: [{ from: '2024-02-01', to: '2024-02-28' }] });
    expect(planBounds(undefined, '2024-02-29')).toEqual({ months: { from: undefined, to: '2024-02-01' }, days: [] });
  });

  it('reads one partial month once', () => {
    expect(planBounds('2012-07-03', '2012-07-09')).toEqual({ months: null, days: [{ from: '2012-07-03', to: '2012-07-09' }] });
    expect(planBounds('2012-07-01', '2012-07-09')).toEqual({ months: null, days: [{ from: '2012-07-01', to: '2012-07-09' }] });
    expect(planBounds('2012-07-03', '2012-07-31')).toEqual({ months: null, days: [{ from: '2012-07-03', to: '2012-07-31' }] });
    expect(planBounds('2012-12-31', '2012-12-31')).toEqual({ months: null, days: [{ from: '2012-12-31', to: '2012-12-31' }] });
  });
});

describe('summary rows', () => {
  it('adds a zero row for every unit without records and puts outside last', () => {
    const rows = shapeSummary(['unit'], [{ unit: 'B', count: 2 }, { unit: 'outside', count: 1 }, { unit: 'A', count: 3 }, { unit: 'B', count: 1 }], ['A', 'B', 'C']);
    expect(rows).toEqual([
      { unit: 'A', count: 3 },
      { unit: 'B', count: 3 },
      { unit: 'C', count: 0 },
      { unit: 'outside', count: 1 },
    ]);
  });

  it('fills zero rows for each combination of the other keys, sorted by the keys in the order asked', () => {
    const rows = shapeSummary(['month', 'unit'], [{ unit: 'A', month: '2024-02', count: 1 }, { unit: 'B', month: '2024-01', count: 2 }], ['A', 'B']);
    expect(rows).toEqual([
      { month: '2024-01', unit: 'A', count: 0 },
      { month: '2024-01', unit: 'B', count: 2 },
      { month: '2024-02', unit: 'A', count: 1 },
      { month: '2024-02', unit: 'B', count: 0 },
    ]);
  });

  it('lists every unit even when there is no record at all', () => {
    expect(shapeSummary(['unit'], [], ['A', 'B'])).toEqual([{ unit: 'A', count: 0 }, { unit: 'B', count: 0 }]);
    expect(shapeSummary(['month'], [], ['A', 'B'])).toEqual([]);
  });
});

describe('summary query', () => {
  it('reads by keys, day bounds, an ICCS code and a level', () => {
    expect(summaryQuerySchema.parse({ by: 'unit, month', from: '2012-07-15', iccs: '04', level: '1' })).toEqual({
      by: ['unit', 'month'],
      from: '2012-07-15',
      iccs: '04',
      level: 1,
    });
  });

  it('names what is wrong', () => {
    const r = summaryQuerySchema.safeParse({ by: 'unit,unit', from: '2012-02-30', to: '2012-01-01', iccs: '77' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['by', 'from', 'iccs']));
    const order = summaryQuerySchema.safeParse({ by: 'unit', from: '2012-02-03', to: '2012-02-01' });
    expect(order.error!.issues.map((i) => i.path.join('.'))).toEqual(['to']);
  });
});
