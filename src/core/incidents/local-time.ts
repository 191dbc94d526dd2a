import { tzOffset } from '@date-fns/tz';

/**
 * Wall-clock time in a city's IANA time zone (DESIGN §4: a timestamp without an offset is local time; days and
 * months are counted in the city's zone).
 *
 * Daylight-saving transitions follow the "compatible" rule of ECMAScript Temporal (and of `new Date(y, m, d, h)`):
 * - a local time that does not exist (the clock jumps forward, e.g. 02:30 on the spring-forward night in Paris) is
 *   moved forward by the length of the gap (it reads 03:30, i.e. the instant one hour after 01:30);
 * - a local time that occurs twice (the clock falls back, e.g. 02:30 on the autumn night in Paris) is the earlier of
 *   the two instants (02:30 summer time, +02:00).
 */
export type WallClock = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number };

export type ZoneClock = {
  readonly timeZone: string;
  /** Epoch milliseconds of a wall-clock time in the zone. */
  toInstant(clock: WallClock): number;
  /** The local calendar day (`YYYY-MM-DD`) of an instant. */
  localDay(epochMs: number): string;
};

const HOUR = 3_600_000;
const DAY = 86_400_000;

export function zoneClock(timeZone: string): ZoneClock {
  const byUtcHour = new Map<number, number>();
  const byLocalHour = new Map<number, number>();

  /** Offset in ms at an instant; cached per UTC hour when the hour holds no transition. */
  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR);
    const hit = byUtcHour.get(hour);
    if (hit !== undefined) return hit;
    const start = tzOffset(timeZone, new Date(hour * HOUR)) * 60_000;
    const end = tzOffset(timeZone, new Date(hour * HOUR + HOUR - 1)) * 60_000;
    if (start === end) {
      byUtcHour.set(hour, start);
      return start;
    }
    return tzOffset(timeZone, new Date(utcMs)) * 60_000;
  };

  /** Offset that applies to a local time, and whether the local time is regular (neither in a gap nor twice). */
  const resolve = (localMs: number): { offset: number; regular: boolean } => {
    const before = offsetAt(localMs - DAY);
    const after = offsetAt(localMs + DAY);
    const valid = [before, after].filter((o, i, all) => all.indexOf(o) === i && offsetAt(localMs - o) === o);
    if (valid.length === 0) return { offset: before, regular: false }; // gap: read with the offset before it
    // Twice: the earlier instant is the one with the larger offset.
    return { offset: Math.max(...valid), regular: valid.length === 1 };
  };

  return {
    timeZone,
    toInstant(c) {
      const localMs = Date.UTC(c.y, c.mo - 1, c.d, c.h, c.mi, c.s, c.ms);
      const hour = Math.floor(localMs / HOUR);
      const hit = byLocalHour.get(hour);
      if (hit !== undefined) return localMs - hit;
      const start = resolve(hour * HOUR);
      const end = resolve(hour * HOUR + HOUR - 1);
      if (start.regular && end.regular && start.offset === end.offset) {
        byLocalHour.set(hour, start.offset);
        return localMs - start.offset;
      }
      return localMs - resolve(localMs).offset;
    },
    localDay(epochMs) {
      return isoDay(new Date(epochMs + offsetAt(epochMs)));
    },
  };
}

/** `YYYY-MM-DD` of a Date's UTC fields. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether a string names a time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
