import { describe, expect, it } from 'vitest';
import { countryCodeSchema, isOverdue, newCycleSchema, reviewIdOf } from './cycle.ts';

const base = {
  id: 'c1',
  title: 'First cycle',
  boardDecision: { symbol: 'HSP/EB.2026/7', date: '2026-11-20' },
  scope: ['principles'],
  stages: [
    { stage: 'self_assessment', deadline: '2027-03-31' },
    { stage: 'dialogue', deadline: '2027-06-30' },
  ],
};

describe('cycles', () => {
  it('takes stages in any order but refuses a deadline before an earlier stage’s, naming the field', () => {
    expect(newCycleSchema.safeParse({ ...base, stages: [...base.stages].reverse() }).success).toBe(true);
    const bad = newCycleSchema.safeParse({ ...base, stages: [{ stage: 'dialogue', deadline: '2027-01-01' }, { stage: 'self_assessment', deadline: '2027-02-01' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['stages', 0, 'deadline']);
    const twice = newCycleSchema.safeParse({ ...base, stages: [base.stages[0], base.stages[0]] });
    expect(twice.error!.issues.some((i) => i.message.includes('given twice'))).toBe(true);
  });

  it('names a review by cycle and country, takes Member States only, and flags a passed deadline', () => {
    expect(reviewIdOf('c1', 'KEN')).toBe('c1-ken');
    expect(countryCodeSchema.safeParse('KEN').success).toBe(true);
    expect(countryCodeSchema.safeParse('ATA').success).toBe(false);
    expect(isOverdue('self_assessment', base.stages as never, '2027-04-01')).toBe(true);
    expect(isOverdue('self_assessment', base.stages as never, '2027-03-31')).toBe(false);
    expect(isOverdue('report', base.stages as never, '2030-01-01')).toBe(false);
  });
});
