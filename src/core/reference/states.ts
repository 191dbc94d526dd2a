import { REGIONAL_GROUP_IDS, type RegionalGroupId, STATE_AREAS, type StateArea } from './states.data.ts';
import type { LocalizedText, UnLanguage } from './un-languages.ts';

export type { RegionalGroupId, StateArea };
export { REGIONAL_GROUP_IDS, STATE_AREAS };

/**
 * Where state names come from. Names are the Unicode CLDR region names that ECMAScript `Intl.DisplayNames` returns,
 * not yet the UN's official short names (UNTERM); e.g. CLDR English calls "PS" "Palestinian Territories".
 */
export const stateNameSource = 'cldr' as const;

export interface RegionalGroup {
  readonly id: RegionalGroupId;
  /** English names as on the DGACM list (official); the other five are our own translations (unofficial). */
  readonly names: Readonly<Record<UnLanguage, LocalizedText>>;
}

function groupNames(en: string, ar: string, es: string, fr: string, ru: string, zh: string): Record<UnLanguage, LocalizedText> {
  const unofficial = (text: string): LocalizedText => ({ text, status: 'unofficial' });
  return {
    ar: unofficial(ar),
    en: { text: en, status: 'official' },
    es: unofficial(es),
    fr: unofficial(fr),
    ru: unofficial(ru),
    zh: unofficial(zh),
  };
}

export const regionalGroups: readonly RegionalGroup[] = [
  {
    id: 'african',
    names: groupNames('African States', 'الدول الأفريقية', 'Estados de África', "États d'Afrique", 'Государства Африки', '非洲国家'),
  },
  {
    id: 'asia-pacific',
    names: groupNames(
      'Asia-Pacific States',
      'دول آسيا والمحيط الهادئ',
      'Estados de Asia y el Pacífico',
      "États d'Asie et du Pacifique",
      'Государства Азиатско-Тихоокеанского региона',
      '亚洲-太平洋国家',
    ),
  },
  {
    id: 'eastern-european',
    names: groupNames(
      'Eastern European States',
      'دول أوروبا الشرقية',
      'Estados de Europa Oriental',
      "États d'Europe orientale",
      'Государства Восточной Европы',
      '东欧国家',
    ),
  },
  {
    id: 'latin-american-caribbean',
    names: groupNames(
      'Latin American and Caribbean States',
      'دول أمريكا اللاتينية ومنطقة البحر الكاريبي',
      'Estados de América Latina y el Caribe',
      "États d'Amérique latine et des Caraïbes",
      'Государства Латинской Америки и Карибского бассейна',
      '拉丁美洲和加勒比国家',
    ),
  },
  {
    id: 'western-european-other',
    names: groupNames(
      'Western European and other States',
      'دول أوروبا الغربية والدول الأخرى',
      'Estados de Europa Occidental y otros Estados',
      "États d'Europe occidentale et autres États",
      'Государства Западной Европы и другие государства',
      '西欧和其他国家',
    ),
  },
];

const byAlpha2 = new Map(STATE_AREAS.map((s) => [s.alpha2, s]));
const byAlpha3 = new Map(STATE_AREAS.map((s) => [s.alpha3, s]));
const byM49 = new Map(STATE_AREAS.map((s) => [s.m49, s]));

export function isRegionalGroupId(value: string): value is RegionalGroupId {
  return (REGIONAL_GROUP_IDS as readonly string[]).includes(value);
}

export function regionalGroup(id: RegionalGroupId): RegionalGroup {
  return regionalGroups.find((g) => g.id === id)!;
}

/** Lookup by ISO 3166-1 alpha-3 (case-insensitive). */
export function stateByAlpha3(code: string): StateArea | undefined {
  return byAlpha3.get(code.toUpperCase());
}

/** Lookup by ISO 3166-1 alpha-2 (case-insensitive). */
export function stateByAlpha2(code: string): StateArea | undefined {
  return byAlpha2.get(code.toUpperCase());
}

/** Lookup by M49 numeric code; "4" and "004" both find Afghanistan. */
export function stateByM49(code: string | number): StateArea | undefined {
  const text = String(code);
  return /^\d{1,3}$/.test(text) ? byM49.get(text.padStart(3, '0')) : undefined;
}

/** Lookup by alpha-3, alpha-2 or M49 code, whichever the input looks like. */
export function stateByCode(code: string): StateArea | undefined {
  if (/^\d{1,3}$/.test(code)) return stateByM49(code);
  return code.length === 2 ? stateByAlpha2(code) : code.length === 3 ? stateByAlpha3(code) : undefined;
}

/** The 193 Member States, in M49 order (sort with `sortByName` before showing them). */
export function unMemberStates(): StateArea[] {
  return STATE_AREAS.filter((s) => s.unMember);
}

/** Member States of one regional group, in M49 order. */
export function statesInGroup(group: RegionalGroupId): StateArea[] {
  return STATE_AREAS.filter((s) => s.group === group);
}

const displayNames = new Map<string, Intl.DisplayNames>();

function regionNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names;
}

/**
 * Name of a state or area in a language (the six UN languages; any locale CLDR knows also works), from CLDR via
 * `Intl.DisplayNames` on the alpha-2 code — see `stateNameSource`. Accepts alpha-3, alpha-2 or M49 codes;
 * undefined for a code not in the table.
 */
export function stateName(code: string, locale: UnLanguage | (string & {})): string | undefined {
  const state = stateByCode(code);
  if (!state) return undefined;
  return regionNames(locale).of(state.alpha2) ?? state.alpha2;
}

/**
 * States sorted alphabetically by their name in the reader's language, with that language's collation. The
 * platform never ranks states: this is the only order in which lists of states are shown. Returns a new array.
 */
export function sortByName<T extends StateArea>(states: readonly T[], locale: UnLanguage | (string & {})): T[] {
  const collator = new Intl.Collator(locale);
  return states
    .map((state) => ({ state, name: stateName(state.alpha3, locale) ?? state.alpha3 }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.state.m49.localeCompare(b.state.m49))
    .map((entry) => entry.state);
}
