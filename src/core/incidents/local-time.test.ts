import { describe, expect, it } from 'vitest';
import { zoneClock } from './local-time.ts';

const at = (zone: string, y: number, mo: number, d: number, h: number, mi = 0) =>
  new Date(zoneClock(zone).toInstant({ y, mo, d, h, mi, s: 0, ms: 0 })).toISOString();

describe('local time in the city zone', () => {
  it('reads a wall-clock time with the offset of that day', () => {
    expect(at('Europe/Paris', 2024, 1, 15, 12)).toBe('2024-01-15T11:00:00.000Z');
    expect(at('Europe/Paris', 2024, 7, 15, 12)).toBe('2024-07-15T10:00:00.000Z');
    expect(at('America/Los_Angeles', 2012, 7, 1, 0)).toBe('2012-07-01T07:00:00.000Z');
    expect(at('Africa/Nairobi', 2024, 2, 1, 0, 30)).toBe('2024-01-31T21:30:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(at('Europe/Paris', 2024, 3, 31, 2, 30)).toBe('2024-03-31T01:30:00.000Z'); // = 03:30 CEST
    expect(at('America/Los_Angeles', 2024, 3, 10, 2, 15)).toBe('2024-03-10T10:15:00.000Z'); // = 03:15 PDT
    expect(at('Europe/Paris', 2024, 3, 31, 3, 0)).toBe('2024-03-31T01:00:00.000Z');
    expect(at('Europe/Paris', 2024, 3, 31, 1, 59)).toBe('2024-03-31T00:59:00.000Z');
  });

  it('takes the earlier instant of a time that occurs twice', () => {
    expect(at('Europe/Paris', 2024, 10, 27, 2, 30)).toBe('2024-10-27T00:30:00.000Z'); // 02:30 CEST, not CET
    expect(at('America/Los_Angeles', 2024, 11, 3, 1, 30)).toBe('2024-11-03T08:30:00.000Z'); // 01:30 PDT
    expect(at('Europe/Paris', 2024, 10, 27, 3, 0)).toBe('2024-10-27T02:00:00.000Z');
  });

  it('gives the same answer from its cache as without it', () => {
    const clock = zoneClock('Europe/Paris');
    const hours = Array.from({ length: 72 }, (_, i) => i);
    const first = hours.map((h) => clock.toInstant({ y: 2024, mo: 10, d: 26, h: h % 24, mi: 30, s: 0, ms: 0 }));
    const again = hours.map((h) => clock.toInstant({ y: 2024, mo: 10, d: 26, h: h % 24, mi: 30, s: 0, ms: 0 }));
    expect(again).toEqual(first);
  });

  it('counts the day of an instant in the city zone', () => {
    const la = zoneClock('America/Los_Angeles');
    expect(la.localDay(Date.parse('2012-07-01T06:59:00Z'))).toBe('2012-06-30');
    expect(la.localDay(Date.parse('2012-07-01T07:00:00Z'))).toBe('2012-07-01');
    expect(zoneClock('Asia/Tokyo').localDay(Date.parse('2024-12-31T15:00:00Z'))).toBe('2025-01-01');
  });
});
