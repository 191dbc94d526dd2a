import { tz } from '@date-fns/tz';
import { format as formatDate, parse as parseDate } from 'date-fns';
import type { WallClock } from './local-time.ts';

/**
 * Dates of a profile's `occurredAt.format`: Unicode (LDML) date-field tokens as date-fns reads them
 * (`yyyy-MM-dd`, `dd/MM/yyyy HH:mm`, `yyyy-MM-dd'T'HH:mm:ssXXX`, `d MMM yyyy h:mm a` …).
 *
 * The common numeric tokens (y, M, d, H, m, s, S, X, x and literals) are compiled to one regular expression, which
 * reads a million rows in well under a second; any other token (month names, 12-hour clock, week dates …) goes
 * through date-fns' `parse`. Both accept the same strings: one or two digits where date-fns does, and nothing left
 * over. `X` reads an ISO 8601 offset and also `Z`; `x` an offset but not `Z`. A text with an offset is an instant;
 * one without is a wall-clock time for the city's zone (see local-time.ts).
 */
export type ParsedTime = { kind: 'instant'; epochMs: number } | { kind: 'local'; clock: WallClock };

export type DateParser = (text: string) => ParsedTime | undefined;

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; width: number };

export function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch === "'") {
      if (format[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      const end = format.indexOf("'", i + 1);
      const stop = end === -1 ? format.length : end;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, stop).replaceAll("''", "'") });
      i = stop + 1;
      continue;
    }
    if (/[a-zA-Z]/.test(ch)) {
      let j = i;
      while (format[j] === ch) j++;
      tokens.push({ kind: 'field', letter: ch, width: j - i });
      i = j;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch });
    i++;
  }
  return tokens;
}

const fieldLetters = new Set(['y', 'M', 'd', 'H', 'm', 's', 'S', 'X', 'x']);

/** Whether the format carries an offset (then every value is an instant). */
function hasOffset(tokens: Token[]): boolean {
  return tokens.some((t) => t.kind === 'field' && (t.letter === 'X' || t.letter === 'x'));
}

/** Checks a format; returns a message, or undefined when it is usable. */
export function checkDateFormat(format: string): string | undefined {
  const tokens = tokenize(format);
  const letters = new Set(tokens.flatMap((t) => (t.kind === 'field' ? [t.letter] : [])));
  if (!letters.has('y') && !letters.has('u')) return 'must contain the year (y)';
  if (!letters.has('M') && !letters.has('L')) return 'must contain the month (M)';
  if (!letters.has('d')) return 'must contain the day of the month (d)';
  try {
    const probe = new Date(Date.UTC(2031, 10, 23, 17, 45, 30, 123));
    const text = formatDate(probe, format, { in: tz('UTC') });
    if (!buildDateParser(format)(text)) return `cannot read back "${text}"`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return undefined;
}

/** Whether the format reads a time of day (an hour token). */
export function formatHasTime(format: string): boolean {
  return tokenize(format).some((t) => t.kind === 'field' && /[HhKk]/.test(t.letter));
}

export function buildDateParser(format: string): DateParser {
  const tokens = tokenize(format);
  const fast = tokens.every((t) => t.kind === 'literal' || (fieldLetters.has(t.letter) && !(t.letter === 'y' && t.width === 2)));
  return fast ? compiled(tokens) : viaDateFns(format, hasOffset(tokens));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compiled(tokens: Token[]): DateParser {
  const slots: string[] = [];
  let pattern = '^';
  for (const t of tokens) {
    if (t.kind === 'literal') {
      pattern += escapeRegExp(t.text);
      continue;
    }
    slots.push(t.letter);
    switch (t.letter) {
      case 'y':
        pattern += t.width === 1 ? '(\\d+)' : `(\\d{1,${Math.max(t.width, 4)}})`;
        break;
      case 'S':
        pattern += `(\\d{${t.width}})`;
        break;
      case 'X':
        pattern += t.width === 1 ? '(Z|[+-]\\d{2}(?:\\d{2})?)' : t.width === 2 || t.width === 4 ? '(Z|[+-]\\d{4})' : '(Z|[+-]\\d{2}:\\d{2})';
        break;
      case 'x':
        pattern += t.width === 1 ? '([+-]\\d{2}(?:\\d{2})?)' : t.width === 2 || t.width === 4 ? '([+-]\\d{4})' : '([+-]\\d{2}:\\d{2})';
        break;
      default:
        pattern += '(\\d{1,2})';
    }
  }
  const re = new RegExp(`${pattern}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return undefined;
    const c: WallClock = { y: 0, mo: 1, d: 1, h: 0, mi: 0, s: 0, ms: 0 };
    let offsetMin: number | undefined;
    for (let i = 0; i < slots.length; i++) {
      const v = m[i + 1]!;
      switch (slots[i]) {
        case 'y':
          c.y = Number(v);
          break;
        case 'M':
          c.mo = Number(v);
          break;
        case 'd':
          c.d = Number(v);
          break;
        case 'H':
          c.h = Number(v);
          break;
        case 'm':
          c.mi = Number(v);
          break;
        case 's':
          c.s = Number(v);
          break;
        case 'S':
          c.ms = Number(v.slice(0, 3).padEnd(3, '0'));
          break;
        default:
          offsetMin = v === 'Z' ? 0 : parseOffset(v);
      }
    }
    if (!validClock(c)) return undefined;
    if (offsetMin === undefined) return { kind: 'local', clock: c };
    return { kind: 'instant', epochMs: Date.UTC(c.y, c.mo - 1, c.d, c.h, c.mi, c.s, c.ms) - offsetMin * 60_000 };
  };
}

function parseOffset(v: string): number {
  const digits = v.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}

function validClock(c: WallClock): boolean {
  if (c.mo < 1 || c.mo > 12 || c.d < 1 || c.h > 23 || c.mi > 59 || c.s > 59) return false;
  return c.d <= new Date(Date.UTC(c.y, c.mo, 0)).getUTCDate();
}

function viaDateFns(format: string, absolute: boolean): DateParser {
  const reference = new Date(Date.UTC(2000, 0, 1));
  const inUtc = tz('UTC');
  return (text) => {
    const d = parseDate(text, format, reference, { in: inUtc });
    const epochMs = d.getTime();
    if (Number.isNaN(epochMs)) return undefined;
    if (absolute) return { kind: 'instant', epochMs };
    const u = new Date(epochMs);
    return {
      kind: 'local',
      clock: {
        y: u.getUTCFullYear(),
        mo: u.getUTCMonth() + 1,
        d: u.getUTCDate(),
        h: u.getUTCHours(),
        mi: u.getUTCMinutes(),
        s: u.getUTCSeconds(),
        ms: u.getUTCMilliseconds(),
      },
    };
  };
}
