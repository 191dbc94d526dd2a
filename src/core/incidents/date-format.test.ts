import { describe, expect, it } from 'vitest';
import { buildDateParser, checkDateFormat, formatHasTime } from './date-format.ts';

const local = (format: string, text: string) => {
  const r = buildDateParser(format)(text);
  return r?.kind === 'local' ? r.clock : r;
};
const instant = (format: string, text: string) => {
  const r = buildDateParser(format)(text);
  return r?.kind === 'instant' ? new Date(r.epochMs).toISOString() : r;
};

describe('date formats (LDML tokens as date-fns reads them)', () => {
  it('reads numeric formats as wall-clock times', () => {
    expect(local('yyyy-MM-dd', '2012-07-01')).toEqual({ y: 2012, mo: 7, d: 1, h: 0, mi: 0, s: 0, ms: 0 });
    expect(local('dd/MM/yyyy HH:mm', '14/07/2024 22:15')).toMatchObject({ y: 2024, mo: 7, d: 14, h: 22, mi: 15 });
    expect(local('d/M/yyyy H:mm', '4/7/2024 8:05')).toMatchObject({ mo: 7, d: 4, h: 8, mi: 5 });
    expect(local('yyyyMMdd', '20240229')).toMatchObject({ y: 2024, mo: 2, d: 29 });
    expect(local("yyyy-MM-dd'T'HH:mm:ss.SSS", '2024-01-02T03:04:05.678')).toMatchObject({ s: 5, ms: 678 });
  });

  it('reads offsets as instants: X takes Z, x does not', () => {
    expect(instant("yyyy-MM-dd'T'HH:mm:ssXXX", '2024-07-14T23:30:00Z')).toBe('2024-07-14T23:30:00.000Z');
    expect(instant("yyyy-MM-dd'T'HH:mm:ssXXX", '2024-07-15T01:10:00+02:00')).toBe('2024-07-14T23:10:00.000Z');
    expect(instant('yyyy-MM-dd HH:mmX', '2024-07-15 01:10-0530')).toBe('2024-07-15T06:40:00.000Z');
    expect(instant('yyyy-MM-dd HH:mmxxx', '2024-07-15 01:10Z')).toBeUndefined();
    expect(instant('yyyy-MM-dd HH:mmxxx', '2024-07-15 01:10-03:00')).toBe('2024-07-15T04:10:00.000Z');
  });

  it('reads other tokens through date-fns (month names, 12-hour clock)', () => {
    expect(local('d MMM yyyy h:mm a', '4 Jul 2024 8:05 PM')).toMatchObject({ y: 2024, mo: 7, d: 4, h: 20, mi: 5 });
    expect(local('EEEE d MMMM yyyy', 'Thursday 4 July 2024')).toMatchObject({ mo: 7, d: 4 });
    expect(local('d MMM yyyy', '31 Feb 2024')).toBeUndefined();
  });

  it('rejects what is not a date, or not all of one', () => {
    const parse = buildDateParser('yyyy-MM-dd');
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-01-01 10:00', '', 'yesterday']) {
      expect(parse(bad), bad).toBeUndefined();
    }
    expect(buildDateParser('yyyy-MM-dd HH:mm')('2024-01-01 24:00')).toBeUndefined();
  });

  it('checks a profile format', () => {
    expect(checkDateFormat('dd/MM/yyyy HH:mm')).toBeUndefined();
    expect(checkDateFormat('MM/yyyy')).toMatch(/day/);
    expect(checkDateFormat('dd/MM')).toMatch(/year/);
    expect(checkDateFormat('yyyy-MM-dd QQQQQQ')).toBeDefined();
    expect(formatHasTime('dd/MM/yyyy HH:mm')).toBe(true);
    expect(formatHasTime('dd/MM/yyyy')).toBe(false);
  });
});
