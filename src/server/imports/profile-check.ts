import { DomainError } from '../../core/errors.ts';
import { type Reprojection, resolveCrs } from '../../core/geo/reproject.ts';
import { type ImportProfile, parseProfile } from '../../core/incidents/profile.ts';
import { loadEpsgTable } from '../units/epsg-table.ts';

/**
 * A profile as the service receives it (an object, or JSON text from an upload), validated by the one schema in
 * src/core/incidents/profile.ts. The error names every profile key at fault.
 */
export function validProfile(input: unknown): ImportProfile {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (err) {
      throw new DomainError('import.profile_invalid', `The profile is not valid JSON: ${(err as Error).message}`, [
        { field: '(profile)', message: 'is not valid JSON' },
      ]);
    }
  }
  const parsed = parseProfile(value);
  if (parsed.ok) return parsed.profile;
  const list = parsed.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new DomainError('import.profile_invalid', `Invalid profile: ${list}`, parsed.issues);
}

/** The reprojection of a profile's `{ x, y, crs }` location; undefined for other locations. */
export function projectorFor(profile: ImportProfile): Reprojection | undefined {
  const loc = profile.location;
  if (typeof loc !== 'object' || !('crs' in loc)) return undefined;
  const code = Number(loc.crs.slice(5));
  try {
    return resolveCrs({ kind: 'epsg', code }, loadEpsgTable());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new DomainError('import.profile_invalid', `Invalid profile: location.crs: ${message}`, [
      { field: 'location.crs', message },
    ]);
  }
}
