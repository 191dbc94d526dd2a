import { z } from 'zod';
import { iccsCodeSchema } from '../reference/iccs.ts';
import { checkDateFormat, formatHasTime } from './date-format.ts';
import { sexes } from './demographics.ts';

/**
 * The import profile: how to read one analyst's file (README "Import profiles"). One zod schema validates it; every
 * error names the profile key at fault (`occurredAt.format`, `category.map.VOL`, `location`).
 */
const column = z.string().trim().min(1, 'must name a column');

/** Whether this runtime can decode an encoding label (WHATWG Encoding names: utf-8, windows-1252, iso-8859-15 …). */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

const fileSchema = z
  .strictObject({
    delimiter: z
      .string()
      .refine((d) => d.length === 1 && !/[\r\n"]/.test(d), 'must be one character other than a quote or a line break')
      .default(','),
    decimal: z.enum(['.', ',']).default('.'),
    encoding: z.string().trim().refine(isKnownEncoding, 'is not an encoding this platform knows').default('utf-8'),
    sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  })
  .prefault({});

const occurredAtSchema = z
  .strictObject({ date: column, time: column.optional(), format: z.string().min(1) })
  .superRefine((v, ctx) => {
    const problem = checkDateFormat(v.format);
    if (problem) ctx.addIssue({ code: 'custom', path: ['format'], message: problem });
    else if (v.time !== undefined && !formatHasTime(v.format)) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'must read the time of day (H) when occurredAt.time is given' });
    }
  });

const crsSchema = z.string().regex(/^EPSG:\d{4,6}$/i, 'must be an EPSG code such as "EPSG:2154"');

const locationSchema = z.union(
  [
    z.literal('geometry'),
    z.strictObject({ lon: column, lat: column }),
    z.strictObject({ x: column, y: column, crs: crsSchema }),
    z.strictObject({ unit: column }),
  ],
  { error: 'must be {"lon", "lat"}, {"x", "y", "crs"}, {"unit"} or "geometry"' },
);

const unmappedCategory = z.enum(['reject', 'unclassified']).default('reject');

const categorySchema = z.union(
  [
    z.strictObject({ column, map: z.record(z.string(), iccsCodeSchema), unmapped: unmappedCategory }),
    z.strictObject({ iccs: iccsCodeSchema }),
    z.strictObject({ icd10: column, unmapped: unmappedCategory }),
  ],
  { error: 'must be {"column", "map", "unmapped"}, {"iccs"} or {"icd10", "unmapped"}' },
);

const victimSchema = z
  .strictObject({
    sex: z
      .strictObject({
        column,
        map: z.record(z.string(), z.enum(sexes)).default({}),
        unmapped: z.enum(['reject', 'unknown']).default('reject'),
      })
      .optional(),
    age: z.strictObject({ column }).optional(),
  })
  .prefault({});

export const profileSchema = z.strictObject({
  source: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a short lower-case name such as "police" or "health"'),
  file: fileSchema,
  id: z
    .union([column, z.array(column).min(1)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  duplicates: z.enum(['keep', 'merge']).default('keep'),
  occurredAt: occurredAtSchema,
  location: locationSchema,
  category: categorySchema,
  victim: victimSchema,
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ImportProfile = z.output<typeof profileSchema>;
export type LocationSpec = ImportProfile['location'];
export type CategorySpec = ImportProfile['category'];

export type ProfileIssue = { field: string; message: string };

export type ProfileResult = { ok: true; profile: ImportProfile } | { ok: false; issues: ProfileIssue[] };

export function parseProfile(input: unknown): ProfileResult {
  const parsed = profileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, issues: parsed.error.issues.flatMap((i) => flatten(i, [])) };
}

type Issue = z.core.$ZodIssue;

/**
 * Names the key of each issue. A union's error is replaced by the errors of the alternative the input was
 * shaped like (an object with the same keys), so `{ "x": "e", "y": "n" }` reads `location.crs: required`.
 */
function flatten(issue: Issue, prefix: PropertyKey[]): ProfileIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const shaped = issue.errors.filter((alt) => !alt.some((e) => e.path.length === 0 || e.code === 'unrecognized_keys'));
    if (shaped.length === 1) return shaped[0]!.flatMap((e) => flatten(e, path));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ field: fieldName([...path, k]), message: 'is not a profile key' }));
  }
  return [{ field: fieldName(path), message: issue.message }];
}

function fieldName(path: PropertyKey[]): string {
  return path.length === 0 ? '(profile)' : path.map(String).join('.');
}

/** The columns a profile reads, each with the profile key that names it (for the header check). */
export function profileColumns(p: ImportProfile): { key: string; column: string }[] {
  const out: { key: string; column: string }[] = [];
  for (const [i, c] of (p.id ?? []).entries()) out.push({ key: `id.${i}`, column: c });
  out.push({ key: 'occurredAt.date', column: p.occurredAt.date });
  if (p.occurredAt.time !== undefined) out.push({ key: 'occurredAt.time', column: p.occurredAt.time });
  const loc = p.location;
  if (loc !== 'geometry') {
    if ('lon' in loc) out.push({ key: 'location.lon', column: loc.lon }, { key: 'location.lat', column: loc.lat });
    else if ('x' in loc) out.push({ key: 'location.x', column: loc.x }, { key: 'location.y', column: loc.y });
    else out.push({ key: 'location.unit', column: loc.unit });
  }
  if ('column' in p.category) out.push({ key: 'category.column', column: p.category.column });
  if ('icd10' in p.category) out.push({ key: 'category.icd10', column: p.category.icd10 });
  if (p.victim.sex) out.push({ key: 'victim.sex.column', column: p.victim.sex.column });
  if (p.victim.age) out.push({ key: 'victim.age.column', column: p.victim.age.column });
  return out;
}
