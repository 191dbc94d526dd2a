import { describe, expect, it } from 'vitest';
import { canRead } from './confidentiality.ts';
import { regionalBalance } from './regional-balance.ts';

describe('regional balance', () => {
  it('counts per UN regional group and warns for absent groups', () => {
    const b = regionalBalance(['KEN', 'MEX', 'ZAF']);
    expect(b.counts).toEqual([
      { group: 'african', count: 2 },
      { group: 'asia-pacific', count: 0 },
      { group: 'eastern-european', count: 0 },
      { group: 'latin-american-caribbean', count: 1 },
      { group: 'western-european-other', count: 0 },
    ]);
    expect(b.warnings).toContainEqual({ kind: 'group_absent', group: 'asia-pacific' });
    expect(b.warnings).toContainEqual({ kind: 'group_over_represented', group: 'african', count: 2, total: 3 });
  });

  it('warns below and above the first cycle target, and is silent when balanced', () => {
    expect(regionalBalance(['KEN'], { firstCycle: true }).warnings).toContainEqual({ kind: 'below_target', total: 1, target: { min: 10, max: 15 } });
    const balanced = ['KEN', 'NGA', 'JPN', 'IND', 'POL', 'CZE', 'MEX', 'BRA', 'FRA', 'CAN'];
    expect(regionalBalance(balanced, { firstCycle: true }).warnings).toEqual([]);
    const many = [...balanced, 'EGY', 'GHA', 'CHN', 'ROU', 'CHL', 'DEU'];
    expect(regionalBalance(many, { firstCycle: true }).warnings).toEqual([{ kind: 'above_target', total: 16, target: { min: 10, max: 15 } }]);
  });
});

describe('confidentiality', () => {
  it('lets each side read only its levels', () => {
    expect(canRead('state', 'reviewer')).toBe(false);
    expect(canRead('state', 'state')).toBe(true);
    expect(canRead('state_and_reviewers', 'reviewer')).toBe(true);
    expect(canRead('state_and_reviewers', 'outsider')).toBe(false);
    expect(canRead('secretariat', 'state')).toBe(false);
    expect(canRead('secretariat', 'secretariat')).toBe(true);
    expect(canRead('public', 'outsider')).toBe(true);
  });
});
