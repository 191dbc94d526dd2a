import { REGIONAL_GROUP_IDS, type RegionalGroupId, stateByAlpha3 } from '../reference/states.ts';

/**
 * Regional balance of a cycle's participants (seeds/002 para 13, DESIGN §7): counts per UN regional group and
 * warnings when a group is absent or over-represented. It never blocks a participation. "Over-represented" means a
 * group holding more than half the participants while at least three states take part (our working rule, stated
 * in the warning); "10–15 states" is the first cycle's target, "not limited to".
 */
export type BalanceWarning =
  | { kind: 'group_absent'; group: RegionalGroupId }
  | { kind: 'group_over_represented'; group: RegionalGroupId; count: number; total: number }
  | { kind: 'below_target'; total: number; target: { min: number; max: number } }
  | { kind: 'above_target'; total: number; target: { min: number; max: number } };

export type RegionalBalance = {
  counts: { group: RegionalGroupId; count: number }[];
  total: number;
  warnings: BalanceWarning[];
};

export const FIRST_CYCLE_TARGET = { min: 10, max: 15 } as const;

export function regionalBalance(countries: readonly string[], opts: { firstCycle?: boolean } = {}): RegionalBalance {
  const counts = new Map<RegionalGroupId, number>(REGIONAL_GROUP_IDS.map((g) => [g, 0]));
  for (const code of new Set(countries.map((c) => c.toUpperCase()))) {
    const group = stateByAlpha3(code)?.group;
    if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const warnings: BalanceWarning[] = [];
  for (const [group, count] of counts) {
    if (count === 0) warnings.push({ kind: 'group_absent', group });
    else if (total >= 3 && count * 2 > total) warnings.push({ kind: 'group_over_represented', group, count, total });
  }
  if (opts.firstCycle) {
    if (total < FIRST_CYCLE_TARGET.min) warnings.push({ kind: 'below_target', total, target: { ...FIRST_CYCLE_TARGET } });
    // "not limited to": more is allowed, and said.
    if (total > FIRST_CYCLE_TARGET.max) warnings.push({ kind: 'above_target', total, target: { ...FIRST_CYCLE_TARGET } });
  }
  return { counts: REGIONAL_GROUP_IDS.map((group) => ({ group, count: counts.get(group) ?? 0 })), total, warnings };
}
