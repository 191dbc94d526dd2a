import { describe, expect, it } from 'vitest';
import { ageBand, ageBands, isSex } from './demographics.ts';

describe('SDG 16.1.1 age bands', () => {
  it('bands ages at 15, 30, 45 and 60', () => {
    const cases: [number | null, string][] = [
      [0, '0-14'], [14, '0-14'], [15, '15-29'], [29, '15-29'], [30, '30-44'], [44, '30-44'],
      [45, '45-59'], [59, '45-59'], [60, '60+'], [130, '60+'], [null, 'unknown'],
    ];
    for (const [age, band] of cases) expect(ageBand(age), String(age)).toBe(band);
    expect(ageBands).toEqual(['0-14', '15-29', '30-44', '45-59', '60+', 'unknown']);
  });

  it('knows the four sex codes', () => {
    expect(['female', 'male', 'other', 'unknown'].every(isSex)).toBe(true);
    expect(isSex('F')).toBe(false);
  });
});
