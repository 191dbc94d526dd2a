import { z } from 'zod';
import { ICCS_ROWS, ICCS_SOURCE } from './iccs.data.ts';
import { isUnLanguage, type LocalizedText, UN_LANGUAGES, type UnLanguage } from './un-languages.ts';

export { ICCS_SOURCE };

/**
 * The code of a record a profile maps to no ICCS category but chooses to count (DESIGN §4). It matches only itself.
 */
export const ICCS_UNCLASSIFIED = 'unclassified';

/** 1 section, 2 division, 3 group (tabulated); 4 class (6 digits, accepted under a tabulated group). */
export type IccsLevel = 1 | 2 | 3 | 4;

export interface IccsEntry {
  readonly code: string;
  readonly level: 1 | 2 | 3;
  /** The code one level up; undefined for a section. */
  readonly parent: string | undefined;
  readonly labels: Readonly<Record<UnLanguage, LocalizedText>>;
}

export interface IccsLabel extends LocalizedText {
  /** The language of `text`: the one asked for, or English when falling back. */
  readonly lang: UnLanguage;
}

const LEVEL_BY_LENGTH: Readonly<Record<number, IccsLevel>> = { 2: 1, 4: 2, 5: 3, 6: 4 };
const PARENT_LENGTH: Readonly<Record<IccsLevel, number>> = { 1: 0, 2: 2, 3: 4, 4: 5 };

const entries: readonly IccsEntry[] = ICCS_ROWS.map((row) => {
  const level = iccsLevel(row.code);
  if (level === undefined || level === 4) throw new Error(`ICCS table: bad code ${row.code}`);
  const labels = Object.fromEntries(
    UN_LANGUAGES.map((lang) => [lang, { text: row[lang], status: lang === 'en' ? 'official' : 'unofficial' }]),
  ) as Record<UnLanguage, LocalizedText>;
  return { code: row.code, level, parent: iccsParent(row.code), labels };
});

const byCode = new Map(entries.map((e) => [e.code, e]));

const childrenByCode = new Map<string, IccsEntry[]>();
for (const entry of entries) {
  if (entry.parent === undefined) continue;
  const siblings = childrenByCode.get(entry.parent) ?? [];
  siblings.push(entry);
  childrenByCode.set(entry.parent, siblings);
}

/** Level of a code by its shape (2, 4, 5 or 6 digits), whether or not the table has it; undefined otherwise. */
export function iccsLevel(code: string): IccsLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_LENGTH[code.length] : undefined;
}

/** The code one level up (by shape); undefined for a section or a malformed code. */
export function iccsParent(code: string): string | undefined {
  const level = iccsLevel(code);
  if (level === undefined || level === 1) return undefined;
  return code.slice(0, PARENT_LENGTH[level]);
}

/** The tabulated entry (levels 1–3); undefined for level-4 codes, `unclassified` and unknown codes. */
export function iccsByCode(code: string): IccsEntry | undefined {
  return byCode.get(code);
}

/** All tabulated entries, in code order. */
export function iccsEntries(): readonly IccsEntry[] {
  return entries;
}

/** The 11 sections, in code order. */
export function iccsSections(): IccsEntry[] {
  return entries.filter((e) => e.level === 1);
}

/** The tabulated entries one level below a code, in code order (empty for a leaf or an unknown code). */
export function iccsChildren(code: string): IccsEntry[] {
  return [...(childrenByCode.get(code) ?? [])];
}

/**
 * Whether a code is valid: `unclassified`; a tabulated section, division or group; or a 6-digit code whose group is
 * tabulated (level 4 is not in the table, so its label is its group's).
 */
export function isIccsCode(code: string): boolean {
  if (code === ICCS_UNCLASSIFIED) return true;
  const level = iccsLevel(code);
  if (level === undefined) return false;
  if (level === 4) return byCode.has(code.slice(0, 5));
  return byCode.has(code);
}

/**
 * Whether a record coded `recordCode` falls under the filter `filterCode`: a code matches itself and its descendants
 * (prefix rule, DESIGN §4). `unclassified` matches only itself; a malformed code matches nothing.
 */
export function iccsMatches(filterCode: string, recordCode: string): boolean {
  if (filterCode === ICCS_UNCLASSIFIED || recordCode === ICCS_UNCLASSIFIED) return filterCode === recordCode;
  if (iccsLevel(filterCode) === undefined || iccsLevel(recordCode) === undefined) return false;
  return recordCode.startsWith(filterCode);
}

/**
 * Label of a tabulated code in a language, with its translation status. A language other than the six UN
 * languages (a region subtag is ignored: "fr-CA" reads "fr") falls back to English. Undefined for codes not in
 * the table.
 */
export function iccsLabel(code: string, locale: UnLanguage | (string & {})): IccsLabel | undefined {
  const entry = byCode.get(code);
  if (!entry) return undefined;
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  const lang: UnLanguage = isUnLanguage(language) ? language : 'en';
  const label = entry.labels[lang];
  if (label.text) return { ...label, lang };
  return { ...entry.labels.en, lang: 'en' };
}

/** A valid ICCS v1.0 code (see `isIccsCode`). */
export const iccsCodeSchema = z
  .string()
  .refine(isIccsCode, { error: 'must be an ICCS v1.0 code (2, 4, 5 or 6 digits under a known category) or "unclassified"' });
