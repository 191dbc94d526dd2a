import { describe, expect, it } from 'vitest';
import { zoneClock } from './local-time.ts';
import { type ProfileInput, parseProfile } from './profile.ts';
import { buildRowMapper, type MapperContext } from './row-mapper.ts';

const ctx: MapperContext = {
  clock: zoneClock('Africa/Nairobi'),
  hash: (t) => `#${t.length}`,
  unitByCode: (code, year) => (code === 'W1' && year >= 2020 ? 7 : undefined),
};

function mapper(input: ProfileInput, header: string[]) {
  const p = parseProfile(input);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return buildRowMapper(p.profile, header, ctx);
}

const base: ProfileInput = {
  source: 'police',
  occurredAt: { date: 'date', format: 'yyyy-MM-dd' },
  location: { unit: 'ward' },
  category: { column: 'type', map: { robbery: '0401' } },
  victim: { sex: { column: 'sex', map: { F: 'female' }, unmapped: 'unknown' }, age: { column: 'age' } },
};

describe('row mapper', () => {
  it('names the columns the header lacks, with their profile keys', () => {
    expect(mapper(base, ['date', 'type'])).toEqual({
      ok: false,
      missing: [
        { key: 'location.unit', column: 'ward' },
        { key: 'victim.sex.column', column: 'sex' },
        { key: 'victim.age.column', column: 'age' },
      ],
    });
  });

  it('locates records without coordinates by their unit code, in the year of the record', () => {
    const built = mapper(base, ['date', 'ward', 'type', 'sex', 'age']);
    if (!built.ok) throw new Error('header');
    expect(built.map({ line: 2, cells: ['2024-03-01', 'W1', 'robbery', 'F', '15'] })).toMatchObject({
      kind: 'record',
      record: { unitId: 7, outside: false, needsUnit: false, lon: null, h3: null, sex: 'female', ageBand: '15-29', occurredOn: '2024-03-01' },
    });
    expect(built.map({ line: 3, cells: ['2019-03-01', 'W1', 'robbery', 'Z', ''] })).toEqual({
      kind: 'rejected',
      rejections: [{ line: 3, field: 'ward', value: 'W1', reason: 'no unit with this code' }],
    });
    // An unmapped sex reads `unknown` when the profile says so; an empty age is unknown.
    expect(built.map({ line: 4, cells: ['2024-03-01', 'W1', 'robbery', 'Z', ''] })).toMatchObject({ record: { sex: 'unknown', age: null } });
  });

  it('reports every field at fault in a row, once each', () => {
    const built = mapper({ ...base, location: { lon: 'x', lat: 'x' } }, ['date', 'x', 'type', 'sex', 'age']);
    if (!built.ok) throw new Error('header');
    const out = built.map({ line: 9, cells: ['2024-02-30', '', 'fraud', 'F', '-1'] });
    expect(out).toEqual({
      kind: 'rejected',
      rejections: [
        { line: 9, field: 'date', value: '2024-02-30', reason: 'date does not match the format "yyyy-MM-dd"' },
        { line: 9, field: 'type', value: 'fraud', reason: 'category not in the profile map' },
        { line: 9, field: 'x', value: '', reason: 'coordinate is empty' },
        { line: 9, field: 'age', value: '-1', reason: 'age outside 0–130' },
      ],
    });
  });

  it('leaves the unit of a point to the import (units depend on the year) and stores its H3 cell', () => {
    const built = mapper({ ...base, location: { lon: 'lon', lat: 'lat' }, victim: {} }, ['date', 'lon', 'lat', 'type']);
    if (!built.ok) throw new Error('header');
    const out = built.map({ line: 2, cells: ['2024-03-01', '36.82', '-1.29', 'robbery'] });
    expect(out).toMatchObject({ kind: 'record', record: { needsUnit: true, unitId: null, lon: 36.82, lat: -1.29, sex: 'unknown', ageBand: 'unknown' } });
    expect(out.kind === 'record' && out.record.h3).toMatch(/^8a/);
    expect(built.map({ line: 3, cells: ['2024-03-01', '36.82', '-91', 'robbery'] })).toMatchObject({
      kind: 'rejected',
      rejections: [{ field: 'lon+lat', reason: 'coordinates outside longitude/latitude range' }],
    });
  });
});
