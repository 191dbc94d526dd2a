import { z } from 'zod';
import { type IndicatorBy, indicatorByKeys } from './survey-source.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'is not a calendar day');

/** `?by=&from=&to=` of an indicator (API and CLI): bounds are whole days, both inclusive, in the city's time zone. */
export const indicatorQuerySchema = z
  .object({
    by: z
      .string()
      .optional()
      .transform((s) => (s ?? '').split(',').map((k) => k.trim()).filter((k) => k !== ''))
      .pipe(
        z
          .array(z.enum(indicatorByKeys as [IndicatorBy, ...IndicatorBy[]]))
          .refine((keys) => new Set(keys).size === keys.length, 'names a key twice')
          .refine((keys) => keys.filter((k) => k === 'month' || k === 'quarter' || k === 'year').length <= 1, 'names more than one of month, quarter, year'),
      ),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export type IndicatorQuery = z.output<typeof indicatorQuerySchema>;

/** Indicator codes in a path: built-in (`16.1.1`, `umf:5.1.1`), `iccs:<code>`, or a city's own (`city:<code>`). */
export const indicatorCodeSchema = z.string().regex(/^[a-z0-9:._-]{1,60}$/i, 'is not an indicator code');
