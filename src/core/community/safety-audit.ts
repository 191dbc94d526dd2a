import { z } from 'zod';

/**
 * A walk audit of a place (issue 7): the nine parameters of women's safety audit apps, each scored 0 (poor) to
 * 3 (good). The aggregate of a place or unit is the mean of each parameter over its audits and their overall mean.
 */
export const auditParameters = [
  'lighting',
  'openness',
  'visibility',
  'people',
  'security',
  'walkpath',
  'transport',
  'gender_usage',
  'feeling',
] as const;
export type AuditParameter = (typeof auditParameters)[number];

const score = z.number().int().min(0).max(3);

export const auditInputSchema = z.object({
  location: z.union([
    z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
    z.object({ unit: z.string().trim().min(1).max(100) }).strict(),
  ]),
  place: z.string().trim().max(200).optional(),
  scores: z.object(Object.fromEntries(auditParameters.map((p) => [p, score])) as Record<AuditParameter, typeof score>),
});
export type AuditInput = z.output<typeof auditInputSchema>;

export type AuditAggregate = {
  audits: number;
  /** Mean score per parameter, 0–3, to two decimals. */
  means: Record<AuditParameter, number>;
  /** Mean of the nine means. */
  overall: number;
};

/** Scores in the order of `auditParameters` (how the store keeps them). */
export function scoresToArray(scores: Record<AuditParameter, number>): number[] {
  return auditParameters.map((p) => scores[p]);
}

export function aggregateAudits(rows: readonly (readonly number[])[]): AuditAggregate | undefined {
  if (rows.length === 0) return undefined;
  const sums = auditParameters.map(() => 0);
  for (const r of rows) for (let i = 0; i < sums.length; i++) sums[i]! += r[i] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  const means = Object.fromEntries(auditParameters.map((p, i) => [p, round(sums[i]! / rows.length)])) as Record<AuditParameter, number>;
  const overall = round(sums.reduce((a, b) => a + b, 0) / (rows.length * auditParameters.length));
  return { audits: rows.length, means, overall };
}
