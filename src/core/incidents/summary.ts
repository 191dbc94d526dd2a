import { z } from 'zod';
import { iccsCodeSchema } from '../reference/iccs.ts';

/**
 * Incident counts by unit, month, ICCS code, sex, age band and source (issue: "correct counts"). The query is
 * validated once here for the API and the CLI; the shaping (zero rows for empty units, sorting) is pure.
 */
export const summaryKeys = ['unit', 'month', 'iccs', 'sex', 'age', 'source'] as const;
export type SummaryKey = (typeof summaryKeys)[number];

/** The `unit` value of records outside every unit. */
export const OUTSIDE = 'outside';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'is not a calendar day');

export const summaryQuerySchema = z
  .object({
    by: z
      .string()
      .transform((s) => s.split(',').map((k) => k.trim()).filter((k) => k !== ''))
      .pipe(
        z
          .array(z.enum(summaryKeys))
          .min(1, 'name at least one of unit, month, iccs, sex, age, source')
          .refine((keys) => new Set(keys).size === keys.length, 'names a key twice'),
      ),
    from: day.optional(),
    to: day.optional(),
    iccs: iccsCodeSchema.optional(),
    source: z.string().min(1).max(40).optional(),
    level: z.coerce.number().int().min(1).max(9).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export type SummaryQuery = z.output<typeof summaryQuerySchema>;

export type SummaryRow = Partial<Record<SummaryKey, string>> & { count: number | null };

/** Whole months answered from the aggregate table, and partial months answered from the records. */
export type BoundsPlan = {
  /** First days of the first and last whole months; undefined = unbounded; null = no whole month. */
  months: { from: string | undefined; to: string | undefined } | null;
  /** Day ranges (both inclusive) inside the partial months at the edges. */
  days: { from: string; to: string }[];
};

export function planBounds(from: string | undefined, to: string | undefined): BoundsPlan {
  const lower = from === undefined ? undefined : from.endsWith('-01') ? from : nextMonth(monthStart(from));
  const upper = to === undefined ? undefined : isMonthEnd(to) ? monthStart(to) : prevMonth(monthStart(to));
  const months = lower !== undefined && upper !== undefined && lower > upper ? null : { from: lower, to: upper };
  const days: { from: string; to: string }[] = [];
  if (from !== undefined && !from.endsWith('-01')) {
    const end = monthEnd(from);
    days.push({ from, to: to !== undefined && to < end ? to : end });
  }
  if (to !== undefined && !isMonthEnd(to)) {
    const start = monthStart(to);
    const begin = from !== undefined && from > start ? from : start;
    if (!days.some((d) => d.from <= to && to <= d.to)) days.push({ from: begin, to });
  }
  return { months, days };
}

export function monthStart(d: string): string {
  return `${d.slice(0, 7)}-01`;
}

function shiftMonth(first: string, by: number): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + by;
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

const nextMonth = (first: string) => shiftMonth(first, 1);
const prevMonth = (first: string) => shiftMonth(first, -1);

function monthEnd(d: string): string {
  const next = nextMonth(monthStart(d));
  return new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function isMonthEnd(d: string): boolean {
  return monthEnd(d) === d;
}

/**
 * Sums counts per combination of the `by` keys, adds a zero row for every unit without records (for each
 * combination of the other keys present), adds `outside` only when records are outside, and sorts by the keys in
 * the order asked (`outside` after every unit).
 */
export function shapeSummary(
  by: readonly SummaryKey[],
  counts: Iterable<SummaryRow & { count: number }>,
  unitCodes: readonly string[],
): (SummaryRow & { count: number })[] {
  const sums = new Map<string, SummaryRow & { count: number }>();
  const keyOf = (r: Partial<Record<SummaryKey, string>>) => JSON.stringify(by.map((k) => r[k] ?? ''));
  for (const r of counts) {
    const row = Object.fromEntries([...by.map((k) => [k, r[k] ?? '']), ['count', 0]]) as SummaryRow & { count: number };
    const k = keyOf(row);
    const hit = sums.get(k);
    if (hit) hit.count += r.count;
    else sums.set(k, { ...row, count: r.count });
  }
  if (by.includes('unit')) {
    const others = by.filter((k) => k !== 'unit');
    const combos = new Map<string, Partial<Record<SummaryKey, string>>>();
    for (const r of sums.values()) combos.set(JSON.stringify(others.map((k) => r[k])), r);
    if (others.length === 0) combos.set('[]', {});
    for (const code of unitCodes) {
      for (const combo of combos.values()) {
        const row = { ...Object.fromEntries(others.map((k) => [k, combo[k] ?? ''])), unit: code, count: 0 };
        const k = keyOf(row);
        if (!sums.has(k)) sums.set(k, row);
      }
    }
  }
  return [...sums.values()].sort((a, b) => {
    for (const k of by) {
      const x = a[k] ?? '';
      const y = b[k] ?? '';
      if (x === y) continue;
      if (k === 'unit' && (x === OUTSIDE || y === OUTSIDE)) return x === OUTSIDE ? 1 : -1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}
