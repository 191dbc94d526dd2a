import { latLngToCell } from 'h3-js';
import { buildCategoryMapper } from './category.ts';
import { cellNumber, cellText, type SourceRow } from './cells.ts';
import { type AgeBand, ageBand, isSex, MAX_AGE, type Sex } from './demographics.ts';
import type { ZoneClock } from './local-time.ts';
import { buildLocationReader, type Projector } from './location.ts';
import { buildOccurredAtReader } from './occurred-at.ts';
import { type ImportProfile, profileColumns } from './profile.ts';
import { buildRecordKeyer } from './record-key.ts';

/** Resolution of the H3 cell stored with every record that has coordinates. */
export const H3_RESOLUTION = 10;

/** One record, ready to store. */
export type MappedIncident = {
  recordKey: string;
  contentHash: string;
  occurredAt: number;
  occurredOn: string;
  iccs: string;
  localCategory: string | null;
  sex: Sex;
  age: number | null;
  ageBand: AgeBand;
  lon: number | null;
  lat: number | null;
  /**
   * The unit holding the record; null outside every unit. For records with coordinates the mapper leaves it null
   * and the import assigns it with the units valid in the record's year (see `needsUnit`).
   */
  unitId: number | null;
  outside: boolean;
  /** Whether the unit is still to be found from the coordinates. */
  needsUnit: boolean;
  h3: string | null;
};

import type { Rejection } from '../imports/rejection.ts';

export type { Rejection };

/** What became of a row: a record, a rejection (every field at fault), or a duplicate merged into an earlier row. */
export type RowOutcome =
  | { kind: 'record'; record: MappedIncident }
  | { kind: 'rejected'; rejections: Rejection[] }
  | { kind: 'merged' };

export type RowMapper = (row: SourceRow) => RowOutcome;

export type MapperContext = {
  clock: ZoneClock;
  hash: (text: string) => string;
  /** The unit with an imported code in a year (for `{ "unit": … }` locations); undefined when unknown. */
  unitByCode: (code: string, year: number) => number | undefined;
  /** For `{ "x", "y", "crs" }` locations in a system other than WGS 84. */
  project?: Projector;
};

export type MapperBuild = { ok: true; map: RowMapper } | { ok: false; missing: { key: string; column: string }[] };

/** Checks the header against the profile's columns, then compiles the profile into a row mapper. */
export function buildRowMapper(profile: ImportProfile, header: readonly string[], ctx: MapperContext): MapperBuild {
  const missing = profileColumns(profile).filter((c) => !header.includes(c.column));
  if (missing.length > 0) return { ok: false, missing };
  const at = (column: string) => header.indexOf(column);
  const { occurredAt, category, victim } = profile;
  const dateI = at(occurredAt.date);
  const timeI = occurredAt.time === undefined ? undefined : at(occurredAt.time);
  const readTime = buildOccurredAtReader(occurredAt.format, timeI !== undefined, ctx.clock);
  const mapCategory = buildCategoryMapper(category);
  const categoryColumn = 'column' in category ? category.column : 'icd10' in category ? category.icd10 : undefined;
  const categoryI = categoryColumn === undefined ? -1 : at(categoryColumn);
  const readPlace = buildLocationReader(profile.location, header, profile.file.decimal, ctx.project);
  const keyer = buildRecordKeyer({
    header,
    idIndexes: profile.id?.map(at),
    duplicates: profile.duplicates,
    hash: ctx.hash,
  });
  const sexSpec = victim.sex;
  const sexI = sexSpec ? at(sexSpec.column) : -1;
  const sexMap = new Map(Object.entries(sexSpec?.map ?? {}).map(([k, v]) => [k.trim(), v]));
  const ageSpec = victim.age;
  const ageI = ageSpec ? at(ageSpec.column) : -1;
  const decimal = profile.file.decimal;
  const loc = profile.location;
  const unitColumn = typeof loc === 'object' && 'unit' in loc ? loc.unit : 'unit';

  const map: RowMapper = (row) => {
    const rejections: Rejection[] = [];
    const reject = (field: string, value: string, reason: string) => {
      if (!rejections.some((r) => r.field === field)) rejections.push({ line: row.line, field, value, reason });
    };

    const when = readTime(row.cells[dateI], timeI === undefined ? undefined : row.cells[timeI]);
    if (!when.ok) reject(occurredAt.date, when.value, when.reason);

    const categoryText = categoryI === -1 ? '' : cellText(row.cells[categoryI]);
    const cat = mapCategory(categoryText);
    if (!cat.ok) reject(categoryColumn ?? 'category', categoryText, cat.reason);

    const where = readPlace(row);
    if (!where.ok) for (const p of where.problems) reject(p.field, p.value, p.reason);

    let unitId: number | null = null;
    if (where.ok && where.place.kind === 'unit' && when.ok) {
      unitId = ctx.unitByCode(where.place.code, Number(when.value.day.slice(0, 4))) ?? null;
      if (unitId === null) reject(unitColumn, where.place.code, 'no unit with this code');
    }

    let sex: Sex = 'unknown';
    if (sexSpec) {
      const text = cellText(row.cells[sexI]);
      const mapped = sexMap.get(text) ?? (isSex(text) ? text : undefined);
      if (mapped) sex = mapped;
      else if (text !== '' && sexSpec.unmapped === 'reject') reject(sexSpec.column, text, 'sex not in the profile map');
    }

    let age: number | null = null;
    if (ageSpec) {
      const cell = row.cells[ageI];
      const n = cellNumber(cell, decimal);
      const text = cellText(cell);
      if (n !== undefined && n >= 0 && n <= MAX_AGE) age = Math.floor(n);
      else if (n !== undefined) reject(ageSpec.column, text, `age outside 0–${MAX_AGE}`);
      else if (text !== '') reject(ageSpec.column, text, 'age is not a number');
    }

    if (rejections.length > 0 || !when.ok || !cat.ok || !where.ok) return { kind: 'rejected', rejections };

    const key = keyer(row.cells);
    switch (key.kind) {
      case 'merged':
        return { kind: 'merged' };
      case 'rejected':
        return { kind: 'rejected', rejections: [{ line: row.line, field: key.field, value: key.value, reason: key.reason }] };
      case 'key':
        break;
      default:
        return assertNever(key);
    }

    const place = where.place;
    let lon: number | null = null;
    let lat: number | null = null;
    let h3: string | null = null;
    let placeText: string;
    if (place.kind === 'point') {
      lon = place.lon;
      lat = place.lat;
      h3 = latLngToCell(lat, lon, H3_RESOLUTION);
      placeText = `${lon} ${lat}`;
    } else {
      placeText = `unit ${place.code}`;
    }
    const content = `${when.value.epochMs}|${cat.iccs}|${cat.local ?? ''}|${sex}|${age ?? ''}|${placeText}`;
    return {
      kind: 'record',
      record: {
        recordKey: key.key,
        contentHash: ctx.hash(content),
        occurredAt: when.value.epochMs,
        occurredOn: when.value.day,
        iccs: cat.iccs,
        localCategory: cat.local,
        sex,
        age,
        ageBand: ageBand(age),
        lon,
        lat,
        unitId,
        outside: false,
        needsUnit: place.kind === 'point',
        h3,
      },
    };
  };
  return { ok: true, map };
}

function assertNever(v: never): never {
  throw new Error(`unexpected ${JSON.stringify(v)}`);
}
