import { stringify } from 'csv-stringify/sync';
import { SMALL_CELL_THRESHOLD } from '../privacy/small-cells.ts';
import type { IndicatorBy, IndicatorRow } from './survey-source.ts';

/** One row of an indicator answer, flat, as the API, the CLI and the CSV give it. */
export type IndicatorOutputRow = Partial<Record<IndicatorBy | 'source', string>> & {
  value: number | null;
  lower: number | null;
  upper: number | null;
  numerator: number | null;
  denominator: number | null;
  respondents?: number | null;
  flags: string[];
  /** Public answers only: true where a small cell was withheld. */
  suppressed?: boolean;
};

export function flatten(rows: readonly (IndicatorRow & { source?: string })[]): IndicatorOutputRow[] {
  // Plain assignments rather than spreads: answers run to thousands of rows, and this keeps each one cheap.
  const out: IndicatorOutputRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const o = {} as IndicatorOutputRow;
    const keys = r.keys as Record<string, string | undefined>;
    for (const k in keys) (o as Record<string, unknown>)[k] = keys[k];
    if (r.source !== undefined) o.source = r.source;
    o.value = r.value;
    o.lower = r.lower;
    o.upper = r.upper;
    o.numerator = r.numerator;
    o.denominator = r.denominator;
    if (r.respondents !== undefined) o.respondents = r.respondents;
    o.flags = r.flags;
    out[i] = o;
  }
  return out;
}

/**
 * Public answers (DESIGN §4, §6): a value resting on 1 to threshold − 1 records (or respondents, for surveys) is
 * withheld with its numerator and interval, and `suppressed` says so; zero is shown.
 */
export function suppressRows(rows: readonly IndicatorOutputRow[], threshold = SMALL_CELL_THRESHOLD): { rows: IndicatorOutputRow[]; note: string } {
  let n = 0;
  const out = rows.map((r) => {
    const base = r.respondents ?? r.numerator ?? 0;
    if (base > 0 && base < threshold) {
      n++;
      return { ...r, value: null, lower: null, upper: null, numerator: null, ...(r.respondents !== undefined ? { respondents: null } : {}), suppressed: true };
    }
    return { ...r, suppressed: false };
  });
  return {
    rows: out,
    note:
      `Public figures: values resting on 1 to ${threshold - 1} records or respondents are withheld (suppressed = true) to protect ` +
      `the people behind them; ${n} of ${rows.length} cells suppressed.`,
  };
}

/** CSV columns: the keys asked, then the figures; `suppressed` in public answers. */
export function outputColumns(by: readonly string[], rows: readonly IndicatorOutputRow[], isPublic: boolean): string[] {
  const keys = [...by];
  if (rows.some((r) => r.source !== undefined) && !keys.includes('source')) keys.push('source');
  const cols = [...keys, 'value', 'lower', 'upper', 'numerator', 'denominator'];
  if (rows.some((r) => r.respondents !== undefined)) cols.push('respondents');
  cols.push('flags');
  if (isPublic) cols.push('suppressed');
  return cols;
}

/** The answer as CSV (one header row, then data; flags joined by spaces). */
export function indicatorCsv(by: readonly string[], rows: readonly IndicatorOutputRow[], isPublic: boolean): string {
  const columns = outputColumns(by, rows, isPublic);
  return stringify(
    rows.map((r) => columns.map((c) => {
      const v = (r as Record<string, unknown>)[c];
      if (Array.isArray(v)) return v.join(' ');
      return v === null || v === undefined ? '' : String(v);
    })),
    { header: true, columns },
  );
}
