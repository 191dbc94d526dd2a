import { describe, expect, it } from 'vitest';
import { canRead } from './confidentiality.ts';
import { regionalBalance } from './regional-balance.ts';
import { reviewSideOf } from './review-side.ts';

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

describe('review side', () => {
  const review = { country: 'KEN', reviewId: 'c1-ken' };
  const user = (grants: Parameters<typeof reviewSideOf>[0] extends infer P ? (P extends { grants: infer G } ? G : never) : never, secondFactor = true) =>
    ({ kind: 'user' as const, userId: 1, grants, secondFactor });
  it('finds the side from grants that act now', () => {
    expect(reviewSideOf({ kind: 'operator' }, review)).toBe('secretariat');
    expect(reviewSideOf(user([{ role: 'country:expert', scope: { kind: 'country', id: 'KEN' } }]), review)).toBe('state');
    expect(reviewSideOf(user([{ role: 'country:expert', scope: { kind: 'country', id: 'UGA' } }]), review)).toBe('outsider');
    expect(reviewSideOf(user([{ role: 'review:peer_reviewer', scope: { kind: 'review', id: 'c1-ken' } }]), review)).toBe('reviewer');
    expect(reviewSideOf(user([{ role: 'review:peer_reviewer', scope: { kind: 'review', id: 'c1-uga' } }]), review)).toBe('outsider');
    // a focal point without the second factor acts as nobody in particular
    expect(reviewSideOf(user([{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }], false), review)).toBe('outsider');
  });
});
