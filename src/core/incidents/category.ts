import { ICCS_UNCLASSIFIED } from '../reference/iccs.ts';
import { ICD10_SOURCE, icd10ToIccs } from './icd10.ts';
import type { CategorySpec } from './profile.ts';

/** A record's ICCS code, or the reason it has none (DESIGN §4: an unmapped category is rejected or unclassified). */
export type CategoryResult = { ok: true; iccs: string; local: string | null } | { ok: false; reason: string };

export type CategoryMapper = (value: string) => CategoryResult;

/**
 * Builds the mapper of a profile's `category`. Map keys match the cell's text after trimming, case-sensitively.
 * The ICCS codes were validated with the profile.
 */
export function buildCategoryMapper(spec: CategorySpec): CategoryMapper {
  if ('iccs' in spec) {
    const fixed: CategoryResult = { ok: true, iccs: spec.iccs, local: null };
    return () => fixed;
  }
  if ('map' in spec) {
    const map = new Map(Object.entries(spec.map).map(([k, v]) => [k.trim(), v]));
    return cached((value) => {
      if (value === '') return { ok: false, reason: 'category is empty' };
      const iccs = map.get(value);
      if (iccs !== undefined) return { ok: true, iccs, local: value };
      if (spec.unmapped === 'unclassified') return { ok: true, iccs: ICCS_UNCLASSIFIED, local: value };
      return { ok: false, reason: 'category not in the profile map' };
    });
  }
  return cached((value) => {
    if (value === '') return { ok: false, reason: 'ICD-10 code is empty' };
    const iccs = icd10ToIccs(value);
    if (iccs !== undefined) return { ok: true, iccs, local: value };
    if (spec.unmapped === 'unclassified') return { ok: true, iccs: ICCS_UNCLASSIFIED, local: value };
    return { ok: false, reason: 'ICD-10 code outside the built-in homicide map (X85–Y09, Y87.1)' };
  });
}

/** Files repeat a few categories millions of times: one answer per distinct value (up to 10,000 values). */
function cached(mapper: CategoryMapper): CategoryMapper {
  const answers = new Map<string, CategoryResult>();
  return (value) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = mapper(value);
      if (answers.size < 10_000) answers.set(value, answer);
    }
    return answer;
  };
}

/** Where a profile's categories come from, for the import's notes. */
export function categorySource(spec: CategorySpec): string {
  if ('iccs' in spec) return `every record is ICCS ${spec.iccs} (profile)`;
  if ('map' in spec) return `column "${spec.column}" mapped to ICCS by the profile`;
  return `column "${spec.icd10}" (ICD-10) mapped by the built-in map: ${ICD10_SOURCE}`;
}
