import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zoneClock } from '../../core/incidents/local-time.ts';
import { type ImportProfile, type ProfileInput, parseProfile } from '../../core/incidents/profile.ts';
import { buildRowMapper, type MappedIncident, type Rejection } from '../../core/incidents/row-mapper.ts';
import { projectorFor } from './profile-check.ts';
import { openSourceFile } from './source-file.ts';

/**
 * The three reader fixtures (test/fixtures/incidents, written by make-fixtures.ts) read and mapped end to end,
 * without a store: CSV in the profile example's dialect, XLSX with spreadsheet dates, GeoJSON with ICD-10 causes.
 */
const fixture = (name: string) => new URL(`../../../test/fixtures/incidents/${name}`, import.meta.url).pathname;
const hash = (t: string) => createHash('sha256').update(t).digest('base64url');

async function mapFile(name: string, input: ProfileInput, timeZone = 'Europe/Paris') {
  const parsed = parseProfile(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const profile: ImportProfile = parsed.profile;
  const source = await openSourceFile(fixture(name), name, profile);
  const built = buildRowMapper(profile, source.header, {
    clock: zoneClock(timeZone),
    hash,
    unitByCode: () => undefined,
    project: projectorFor(profile)?.toWgs84,
  });
  if (!built.ok) throw new Error(JSON.stringify(built.missing));
  const records: (MappedIncident & { line: number })[] = [];
  const rejections: Rejection[] = [];
  for await (const row of source.rows) {
    const out = built.map(row);
    if (out.kind === 'record') records.push({ ...out.record, line: row.line });
    if (out.kind === 'rejected') rejections.push(...out.rejections);
  }
  return { header: source.header, records, rejections, sha256: source.sha256() };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('CSV: semicolons, decimal comma, windows-1252, Lambert-93, date and time columns', () => {
  const profile: ProfileInput = {
    source: 'police',
    file: { delimiter: ';', decimal: ',', encoding: 'windows-1252' },
    id: ['num_procedure', 'num_infraction'],
    occurredAt: { date: 'date_faits', time: 'heure_faits', format: 'dd/MM/yyyy HH:mm' },
    location: { x: 'coord_x', y: 'coord_y', crs: 'EPSG:2154' },
    category: { column: 'nature', map: { 'VOL AVEC VIOLENCE': '0401', 'COUPS; BLESSURES': '0201', DÉGRADATION: '0504' } },
    victim: { sex: { column: 'sexe_victime', map: { F: 'female', M: 'male' } }, age: { column: 'age_victime' } },
  };

  it('reads every record with its line, local time, reprojected point, category, sex and age band', async () => {
    const { records } = await mapFile('police-fr.csv', profile);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5, 10]);
    const [first, second, gap, overlap, last] = records;
    expect(first).toMatchObject({ recordKey: 'id:["P1","1"]#1', iccs: '0401', localCategory: 'VOL AVEC VIOLENCE', sex: 'female', age: 34, ageBand: '30-44' });
    expect(iso(first!.occurredAt)).toBe('2024-07-14T20:15:00.000Z');
    expect(first!.lon).toBeCloseTo(2.3522, 6);
    expect(first!.lat).toBeCloseTo(48.8566, 6);
    expect(first!.h3).toMatch(/^8a1fb4/);
    expect(second).toMatchObject({ recordKey: 'id:["P1","2"]#1', iccs: '0201', localCategory: 'COUPS; BLESSURES', sex: 'male' });
    // 02:30 on 31 March 2024 does not exist in Paris: read as 03:30 summer time.
    expect(iso(gap!.occurredAt)).toBe('2024-03-31T01:30:00.000Z');
    expect(gap).toMatchObject({ occurredOn: '2024-03-31', age: 17, ageBand: '15-29' });
    // 02:30 on 27 October 2024 happens twice: the earlier one, summer time.
    expect(iso(overlap!.occurredAt)).toBe('2024-10-27T00:30:00.000Z');
    expect(overlap).toMatchObject({ iccs: '0504', localCategory: 'DÉGRADATION', sex: 'unknown', age: null, ageBand: 'unknown' });
    expect(last).toMatchObject({ occurredOn: '2024-02-02', sex: 'male', ageBand: '60+' });
  });

  it('rejects bad rows with their line, every field at fault, the value and the reason', async () => {
    const { rejections } = await mapFile('police-fr.csv', profile);
    expect(rejections).toEqual([
      { line: 6, field: 'date_faits', value: '32/01/2024 10:00', reason: 'date does not match the format "dd/MM/yyyy HH:mm"' },
      { line: 7, field: 'coord_x', value: 'abc', reason: 'coordinate is not a number' },
      { line: 7, field: 'sexe_victime', value: 'X', reason: 'sex not in the profile map' },
      { line: 7, field: 'age_victime', value: '200', reason: 'age outside 0–130' },
      { line: 8, field: 'nature', value: 'ESCROQUERIE', reason: 'category not in the profile map' },
    ]);
  });

  it('counts an unmapped category as unclassified when the profile says so', async () => {
    const { records, rejections } = await mapFile('police-fr.csv', { ...profile, category: { column: 'nature', map: {}, unmapped: 'unclassified' } });
    expect(records.map((r) => r.iccs)).toContain('unclassified');
    expect(rejections.some((r) => r.field === 'nature')).toBe(false);
  });
});

describe('XLSX: the second sheet, spreadsheet dates and times, numbers, a formula', () => {
  const profile: ProfileInput = {
    source: 'police',
    file: { sheet: 'Faits' },
    id: 'id',
    occurredAt: { date: 'date', time: 'heure', format: 'dd/MM/yyyy HH:mm' },
    location: { lon: 'lon', lat: 'lat' },
    category: { column: 'nature', map: { 'VOL AVEC VIOLENCE': '0401', DÉGRADATION: '0504' } },
    victim: { sex: { column: 'sexe', map: { F: 'female', M: 'male' } }, age: { column: 'age' } },
  };

  it('reads spreadsheet dates as the wall-clock time shown, text dates with the format, lines as sheet rows', async () => {
    const { header, records, rejections } = await mapFile('police.xlsx', profile);
    expect(header).toEqual(['id', 'date', 'heure', 'lon', 'lat', 'nature', 'sexe', 'age']);
    expect(records.map((r) => [r.line, iso(r.occurredAt), r.age])).toEqual([
      [2, '2024-07-14T20:15:00.000Z', 34],
      [3, '2024-07-15T06:05:00.000Z', 61],
      [4, '2024-07-15T07:00:00.000Z', 61],
    ]);
    expect(rejections).toEqual([
      { line: 6, field: 'lon', value: 'inconnu', reason: 'coordinate is not a number' },
      { line: 6, field: 'age', value: 'trente', reason: 'age is not a number' },
    ]);
  });

  it('takes the sheet by position too, and says which sheets exist when the named one does not', async () => {
    const { records } = await mapFile('police.xlsx', { ...profile, file: { sheet: 2 } });
    expect(records).toHaveLength(3);
    await expect(mapFile('police.xlsx', { ...profile, file: { sheet: 'Feuil1' } })).rejects.toThrow(/sheets: Notes, Faits/);
  });
});

describe('GeoJSON: Points, offsets, the built-in ICD-10 homicide map', () => {
  const profile: ProfileInput = {
    source: 'health',
    id: 'dossier',
    occurredAt: { date: 'deces', format: "yyyy-MM-dd'T'HH:mm:ssXXX" },
    location: 'geometry',
    category: { icd10: 'cause' },
    victim: { sex: { column: 'sexe', map: { F: 'female', M: 'male' } }, age: { column: 'age' } },
  };

  it('maps X85–Y09 and Y87.1 deaths to ICCS 0101 and counts days in the city zone', async () => {
    const { records, rejections } = await mapFile('health.geojson', profile);
    expect(records.map((r) => [r.line, r.iccs, r.localCategory, r.occurredOn, r.ageBand])).toEqual([
      [1, '0101', 'X99.1', '2024-07-15', '30-44'],
      [2, '0101', 'y871', '2024-07-15', '60+'],
      [5, '0101', 'Y09', '2024-07-18', '0-14'],
    ]);
    expect(rejections).toEqual([
      { line: 3, field: 'cause', value: 'V01.0', reason: 'ICD-10 code outside the built-in homicide map (X85–Y09, Y87.1)' },
      { line: 4, field: 'geometry', value: '', reason: 'feature has no Point geometry' },
    ]);
  });
});

describe('the same file read twice', () => {
  it('gives the same keys, content hashes and file hash', async () => {
    const profile: ProfileInput = {
      source: 'police',
      occurredAt: { date: 'Date', format: 'yyyy-MM-dd' },
      location: { lon: 'lon', lat: 'lat' },
      category: { iccs: '0401' },
    };
    const a = await mapFile('sfcrime2012_sf_robbery.csv', profile, 'America/Los_Angeles');
    const b = await mapFile('sfcrime2012_sf_robbery.csv', profile, 'America/Los_Angeles');
    expect(a.records).toHaveLength(2761);
    expect(new Set(a.records.map((r) => r.recordKey)).size).toBe(2761);
    expect(b.records.map((r) => r.recordKey + r.contentHash)).toEqual(a.records.map((r) => r.recordKey + r.contentHash));
    expect(a.sha256).toBe(b.sha256);
    expect(a.records.filter((r) => r.recordKey.endsWith('#2')).length).toBeGreaterThan(0);
  });
});
