import { type Cell, cellText } from './cells.ts';
import { buildDateParser } from './date-format.ts';
import type { WallClock, ZoneClock } from './local-time.ts';

/** When a record happened: the instant, and its calendar day in the city's zone. */
export type OccurredAt = { epochMs: number; day: string };

export type OccurredAtResult = { ok: true; value: OccurredAt } | { ok: false; value: string; reason: string };

export type OccurredAtReader = (date: Cell, time: Cell | undefined) => OccurredAtResult;

/**
 * Reads `occurredAt`: the date cell, joined with the time cell by a space when the profile names one, parsed with
 * the profile's format. Spreadsheet dates (XLSX date cells) are read as they show, without the format: the date
 * cell gives the day (and the time when there is no time column), a time cell its time of day.
 */
export function buildOccurredAtReader(format: string, hasTimeColumn: boolean, clock: ZoneClock): OccurredAtReader {
  const parse = buildDateParser(format);
  const fromClock = (c: WallClock): OccurredAtResult => ({
    ok: true,
    value: { epochMs: clock.toInstant(c), day: `${pad(c.y, 4)}-${pad(c.mo, 2)}-${pad(c.d, 2)}` },
  });

  return (date, time) => {
    if (date instanceof Date || time instanceof Date) {
      const shown = hasTimeColumn ? `${cellText(date)} ${cellText(time)}`.trim() : cellText(date);
      if (!(date instanceof Date)) return { ok: false, value: shown, reason: 'date is text but time is a spreadsheet time' };
      const c = utcClock(date);
      if (hasTimeColumn) {
        const t = time instanceof Date ? utcClock(time) : typeof time === 'number' ? dayFraction(time) : undefined;
        if (!t) return { ok: false, value: shown, reason: 'date is a spreadsheet date but time is text' };
        return fromClock({ ...c, h: t.h, mi: t.mi, s: t.s, ms: 0 });
      }
      return fromClock(c);
    }
    const text = hasTimeColumn ? `${cellText(date)} ${cellText(time)}` : cellText(date);
    if (text.trim() === '') return { ok: false, value: '', reason: 'date is empty' };
    const parsed = parse(text);
    if (!parsed) return { ok: false, value: text, reason: `date does not match the format "${format}"` };
    switch (parsed.kind) {
      case 'local':
        return fromClock(parsed.clock);
      case 'instant':
        return { ok: true, value: { epochMs: parsed.epochMs, day: clock.localDay(parsed.epochMs) } };
      default:
        return assertNever(parsed);
    }
  };
}

function utcClock(d: Date): WallClock {
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

/** A spreadsheet time stored as a fraction of a day. */
function dayFraction(n: number): { h: number; mi: number; s: number } | undefined {
  if (!(n >= 0 && n < 1)) return undefined;
  const secs = Math.round(n * 86_400);
  return { h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function assertNever(v: never): never {
  throw new Error(`unexpected ${JSON.stringify(v)}`);
}
