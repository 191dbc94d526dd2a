import { z } from 'zod';
import { UN_LANGUAGES } from '../reference/un-languages.ts';
import { indicatorCodeSchema } from './query.ts';
import type { ProgressStatus } from './trend.ts';

/** The city's monitoring framework (issue 5, scope 4): priorities, and indicators with baseline and target. */
export type MonitoringTarget = {
  id: number;
  priorityId: number;
  indicatorCode: string;
  baseline: { value: number; year: number };
  target: { value: number; year: number };
};

export type MonitoringPriority = { id: number; title: string; position: number; targets: MonitoringTarget[] };

const year = z.number().int().min(1900).max(2200);

export const priorityInputSchema = z.object({
  title: z.string().trim().min(1).max(300),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type PriorityInput = z.output<typeof priorityInputSchema>;

export const targetInputSchema = z
  .object({
    priorityId: z.number().int().positive(),
    indicatorCode: indicatorCodeSchema,
    baseline: z.object({ value: z.number().finite().min(0), year }),
    target: z.object({ value: z.number().finite().min(0), year }),
  })
  .refine((t) => t.target.year > t.baseline.year, { path: ['target', 'year'], message: 'must be after the baseline year' });
export type TargetInput = z.output<typeof targetInputSchema>;

export const reportInputSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'),
    lang: z.enum(UN_LANGUAGES),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'must not be before from' });
export type ReportInput = z.output<typeof reportInputSchema>;

/** Where a target stands: the latest value, the trend and its projection, and the status. */
export type TargetProgress = {
  target: MonitoringTarget;
  latest: { year: number; value: number | null; lower: number | null; upper: number | null; suppressed?: boolean } | null;
  series: { year: number; value: number | null; lower: number | null; upper: number | null; numerator: number | null; denominator: number | null }[];
  trend: {
    method: string;
    annualChangePercent: number;
    projection: { year: number; value: number; lower: number; upper: number };
  } | null;
  status: ProgressStatus;
  notes: string[];
};

export const TREND_METHOD =
  'Poisson regression of yearly counts on the year with log(person-years) as offset, fitted by IRLS (our own small ' +
  'implementation, checked against R glm); projection with a Wald 95% interval on the log scale.';
