import { describe, expect, it } from 'vitest';
import { zoneClock } from './local-time.ts';
import { buildOccurredAtReader } from './occurred-at.ts';

const paris = zoneClock('Europe/Paris');

describe('occurredAt', () => {
  it('joins the date and time columns with a space', () => {
    const read = buildOccurredAtReader('dd/MM/yyyy HH:mm', true, paris);
    expect(read('14/07/2024', '22:15')).toEqual({ ok: true, value: { epochMs: Date.parse('2024-07-14T20:15:00Z'), day: '2024-07-14' } });
    expect(read('14/07/2024', '')).toMatchObject({ ok: false, value: '14/07/2024 ', reason: expect.stringMatching(/format/) });
    expect(read('', '')).toMatchObject({ ok: false, reason: 'date is empty' });
  });

  it('counts the local day of a time with an offset', () => {
    const read = buildOccurredAtReader("yyyy-MM-dd'T'HH:mmXXX", false, paris);
    expect(read('2024-07-14T23:30Z', undefined)).toMatchObject({ ok: true, value: { day: '2024-07-15' } });
  });

  it('reads spreadsheet dates and times as shown', () => {
    const read = buildOccurredAtReader('dd/MM/yyyy HH:mm', true, paris);
    const day = new Date(Date.UTC(2024, 6, 14));
    expect(read(day, new Date(Date.UTC(1899, 11, 30, 22, 15)))).toMatchObject({ ok: true, value: { epochMs: Date.parse('2024-07-14T20:15:00Z') } });
    expect(read(day, 0.5)).toMatchObject({ ok: true, value: { epochMs: Date.parse('2024-07-14T10:00:00Z') } });
    expect(read(day, '22:15')).toMatchObject({ ok: false, reason: 'date is a spreadsheet date but time is text' });
    expect(read('14/07/2024', new Date(Date.UTC(1899, 11, 30, 22, 15)))).toMatchObject({ ok: false });
    const dateOnly = buildOccurredAtReader('dd/MM/yyyy', false, paris);
    expect(dateOnly(new Date(Date.UTC(2024, 6, 14, 9, 30)), undefined)).toMatchObject({ ok: true, value: { day: '2024-07-14', epochMs: Date.parse('2024-07-14T07:30:00Z') } });
  });
});
