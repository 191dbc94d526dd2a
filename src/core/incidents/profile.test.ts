import { describe, expect, it } from 'vitest';
import { parseProfile, profileColumns } from './profile.ts';

/** The profile of the issue, verbatim. */
const example = {
  source: 'police',
  file: { delimiter: ';', decimal: ',', encoding: 'windows-1252' },
  id: ['num_procedure', 'num_infraction'],
  occurredAt: { date: 'date_faits', time: 'heure_faits', format: 'dd/MM/yyyy HH:mm' },
  location: { x: 'coord_x', y: 'coord_y', crs: 'EPSG:2154' },
  category: { column: 'nature', map: { 'VOL AVEC VIOLENCE': '0401' }, unmapped: 'reject' },
  victim: { sex: { column: 'sexe_victime', map: { F: 'female', M: 'male' } }, age: { column: 'age_victime' } },
};

const fields = (input: unknown) => {
  const r = parseProfile(input);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('import profile', () => {
  it('accepts the example profile', () => {
    const r = parseProfile(example);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.profile).toMatchObject({ duplicates: 'keep', id: ['num_procedure', 'num_infraction'] });
  });

  it('fills the defaults: comma, point, UTF-8, keep duplicates, no victim', () => {
    const r = parseProfile({ source: 'health', occurredAt: { date: 'd', format: 'yyyy-MM-dd' }, location: 'geometry', category: { iccs: '0101' } });
    expect(r.ok && r.profile).toMatchObject({
      file: { delimiter: ',', decimal: '.', encoding: 'utf-8' },
      duplicates: 'keep',
      victim: {},
    });
  });

  it('takes one id column as a list of one', () => {
    const r = parseProfile({ ...example, id: 'num_procedure' });
    expect(r.ok && r.profile.id).toEqual(['num_procedure']);
  });

  it('names the key of every error', () => {
    expect(fields({ ...example, source: 'Police!' })).toEqual(['source']);
    expect(fields({ ...example, file: { encoding: 'klingon' } })).toEqual(['file.encoding']);
    expect(fields({ ...example, file: { delimiter: ';;' } })).toEqual(['file.delimiter']);
    const { occurredAt, ...withoutDate } = example;
    expect(fields({ ...withoutDate, ocurredAt: occurredAt })).toEqual(['occurredAt', 'ocurredAt']);
    expect(fields({ ...example, occurredAt: { date: 'd', format: 'dd/MM' } })).toEqual(['occurredAt.format']);
    expect(fields({ ...example, occurredAt: { date: 'd', time: 't', format: 'dd/MM/yyyy' } })).toEqual(['occurredAt.format']);
    expect(fields({ ...example, occurredAt: { date: 'd', format: 'dd/MM/yyyy QQQQQQ' } })).toEqual(['occurredAt.format']);
    expect(fields({ ...example, location: { x: 'e', y: 'n' } })).toEqual(['location.crs']);
    expect(fields({ ...example, location: { x: 'e', y: 'n', crs: '2154' } })).toEqual(['location.crs']);
    expect(fields({ ...example, location: { lon: 'x' } })).toEqual(['location.lat']);
    expect(fields({ ...example, location: 'centroid' })).toEqual(['location']);
    expect(fields({ ...example, category: { column: 'nature', map: { VOL: '9999' } } })).toEqual(['category.map.VOL']);
    expect(fields({ ...example, category: { iccs: '04011' } })).toEqual([]);
    expect(fields({ ...example, category: { iccs: '0499' } })).toEqual(['category.iccs']);
    expect(fields({ ...example, category: { icd10: 'cause', unmapped: 'guess' } })).toEqual(['category.unmapped']);
    expect(fields({ ...example, victim: { sex: { column: 's', map: { F: 'woman' } } } })).toEqual(['victim.sex.map.F']);
    expect(fields({ ...example, duplicates: 'drop' })).toEqual(['duplicates']);
    expect(fields({ ...example, id: [] })).toEqual(['id']);
  });

  it('says what is wrong in words', () => {
    const r = parseProfile({ ...example, category: { column: 'nature', map: { VOL: '9999' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/ICCS/);
  });

  it('lists the columns it reads, with their keys', () => {
    const r = parseProfile(example);
    if (!r.ok) throw new Error('invalid');
    expect(profileColumns(r.profile)).toEqual([
      { key: 'id.0', column: 'num_procedure' },
      { key: 'id.1', column: 'num_infraction' },
      { key: 'occurredAt.date', column: 'date_faits' },
      { key: 'occurredAt.time', column: 'heure_faits' },
      { key: 'location.x', column: 'coord_x' },
      { key: 'location.y', column: 'coord_y' },
      { key: 'category.column', column: 'nature' },
      { key: 'victim.sex.column', column: 'sexe_victime' },
      { key: 'victim.age.column', column: 'age_victime' },
    ]);
  });
});
