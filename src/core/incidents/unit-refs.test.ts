import { describe, expect, it } from 'vitest';
import { codesAtLevel, finestLevel, type UnitRef, unitCodeLookup, unitCodes } from './unit-refs.ts';

const u = (id: number, code: string, level: number, parentCode: string | null, validFromYear = 0, validToYear: number | null = null): UnitRef => ({
  id,
  code,
  level,
  parentCode,
  validFromYear,
  validToYear,
});

const units = [
  u(1, 'D1', 1, null),
  u(2, 'D2', 1, null),
  u(3, 'W1', 2, 'D1'),
  u(4, 'W2', 2, 'D1', 0, 2020),
  u(5, 'W2', 2, 'D2', 2020),
  u(6, 'D1', 2, 'D1'),
];

describe('unit references', () => {
  it('counts a ward for its district at level 1 by parent codes, version by version', () => {
    const { codeOf, unplaced } = codesAtLevel(units, 1);
    expect([...codeOf]).toEqual([[1, 'D1'], [2, 'D2'], [3, 'D1'], [4, 'D1'], [5, 'D2'], [6, 'D1']]);
    expect(unplaced.size).toBe(0);
  });

  it('keeps a coarser unit under its own code at a finer level, and says so', () => {
    const { codeOf, unplaced } = codesAtLevel(units, 2);
    expect(codeOf.get(1)).toBe('D1');
    expect([...unplaced].sort()).toEqual(['D1', 'D2']);
    expect(codeOf.get(3)).toBe('W1');
  });

  it('finds the unit of a code for a year, at the finest level holding it', () => {
    const lookup = unitCodeLookup(units);
    expect(lookup('W2', 2019)).toBe(4);
    expect(lookup('W2', 2020)).toBe(5);
    expect(lookup('D1', 2024)).toBe(6);
    expect(lookup('D2', 2024)).toBe(2);
    expect(lookup('X', 2024)).toBeUndefined();
  });

  it('lists the codes of a level valid in the years asked', () => {
    expect(finestLevel(units)).toBe(2);
    expect(finestLevel([])).toBeUndefined();
    expect(unitCodes(units, 2)).toEqual(['D1', 'W1', 'W2']);
    expect(unitCodes([u(1, 'A', 1, null, 0, 2010), u(2, 'B', 1, null, 2010)], 1, 2012, 2012)).toEqual(['B']);
  });
});
