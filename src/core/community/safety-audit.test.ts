import { describe, expect, it } from 'vitest';
import { aggregateAudits, auditInputSchema, auditParameters, scoresToArray } from './safety-audit.ts';

describe('safety audits', () => {
  it('has the nine parameters', () => {
    expect(auditParameters).toHaveLength(9);
  });

  it('refuses a score outside 0–3 and names the parameter', () => {
    const scores = Object.fromEntries(auditParameters.map((p) => [p, 2]));
    const r = auditInputSchema.safeParse({ location: { unit: 'A' }, scores: { ...scores, lighting: 4 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['scores', 'lighting']);
  });

  it('averages each parameter and overall', () => {
    const a = Object.fromEntries(auditParameters.map((p) => [p, 0])) as Record<(typeof auditParameters)[number], number>;
    const b = { ...a, lighting: 3, feeling: 2 };
    const agg = aggregateAudits([scoresToArray(a), scoresToArray(b)]);
    expect(agg?.audits).toBe(2);
    expect(agg?.means.lighting).toBe(1.5);
    expect(agg?.means.feeling).toBe(1);
    expect(agg?.means.people).toBe(0);
    // (3 + 2) / (2 × 9)
    expect(agg?.overall).toBe(0.28);
    expect(aggregateAudits([])).toBeUndefined();
  });
});
