import { ageBands, sexes } from '../incidents/demographics.ts';
import type { Respondent, SurveyOutcome } from './respondent.ts';
import { surveyOutcomes } from './respondent.ts';

/**
 * Stored responses, column by column: one typed array per variable for a whole survey, so that an indicator reads a
 * few compact columns (weights, design, keys, one outcome) instead of every response row. Strata, clusters and units
 * are codes into the survey's dictionaries. A select question's answers are a 32-bit mask of its choices.
 */

export const disabilityCodes = ['yes', 'no', 'unknown'] as const;
export const NO_DATE = -2147483648;

export type ColumnMeta = {
  respondents: number;
  strata: string[];
  /** Whether the survey has strata / clusters (without clusters each respondent is its own PSU). */
  stratified: boolean;
  clustered: boolean;
  psus: number;
  units: string[];
  /** Select questions stored as masks: path and choice names (bit i = choice i). */
  questions: { path: string; choices: string[] }[];
};

export type ColumnName =
  | 'weight'
  | 'stratum'
  | 'psu'
  | 'date'
  | 'sex'
  | 'age'
  | 'disability'
  | 'unit'
  | 'places'
  | `outcome:${SurveyOutcome}`
  | `q:${string}`;

export type SurveyColumns = {
  weight: Float64Array;
  stratum: Int32Array;
  psu: Int32Array;
  /** Days since 1970-01-01, NO_DATE when unknown. */
  date: Int32Array;
  sex: Uint8Array;
  age: Uint8Array;
  disability: Uint8Array;
  /** Index into meta.units, -1 without a unit. */
  unit: Int32Array;
  places: Uint16Array;
  outcomes: Record<SurveyOutcome, Int8Array>;
  /** Answer masks by question path; 0 = not answered. */
  answers: Map<string, Uint32Array>;
};

function dayNumber(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

export function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Encodes respondents (their unit codes already resolved) and the form's select questions into columns. */
export function encodeColumns(
  respondents: readonly (Respondent & { unit: string | null })[],
  questions: readonly { path: string; choices: string[] }[],
): { meta: ColumnMeta; columns: SurveyColumns } {
  const n = respondents.length;
  const strata = new Map<string, number>();
  const psus = new Map<string, number>();
  const units = new Map<string, number>();
  const stored = questions.filter((q) => q.choices.length <= 32);
  const c: SurveyColumns = {
    weight: new Float64Array(n),
    stratum: new Int32Array(n),
    psu: new Int32Array(n),
    date: new Int32Array(n),
    sex: new Uint8Array(n),
    age: new Uint8Array(n),
    disability: new Uint8Array(n),
    unit: new Int32Array(n),
    places: new Uint16Array(n),
    outcomes: Object.fromEntries(surveyOutcomes.map((o) => [o, new Int8Array(n)])) as Record<SurveyOutcome, Int8Array>,
    answers: new Map(stored.map((q) => [q.path, new Uint32Array(n)])),
  };
  const clustered = respondents.some((r) => r.cluster !== null);
  respondents.forEach((r, i) => {
    const s = r.stratum ?? '';
    if (!strata.has(s)) strata.set(s, strata.size);
    const h = strata.get(s)!;
    const key = clustered ? `${h}\u0000${r.cluster ?? ''}` : String(i);
    if (!psus.has(key)) psus.set(key, psus.size);
    c.weight[i] = r.weight;
    c.stratum[i] = h;
    c.psu[i] = psus.get(key)!;
    c.date[i] = r.date ? dayNumber(r.date) : NO_DATE;
    c.sex[i] = sexes.indexOf(r.sex);
    c.age[i] = ageBands.indexOf(r.age);
    c.disability[i] = disabilityCodes.indexOf(r.disability);
    if (r.unit !== null && !units.has(r.unit)) units.set(r.unit, units.size);
    c.unit[i] = r.unit === null ? -1 : units.get(r.unit)!;
    c.places[i] = r.places;
    for (const o of surveyOutcomes) c.outcomes[o][i] = r.outcomes[o];
    for (const q of stored) {
      const answer = r.answers[q.path];
      if (!answer) continue;
      let mask = 0;
      for (const name of answer.split(' ')) {
        const bit = q.choices.indexOf(name);
        if (bit >= 0) mask |= 1 << bit;
      }
      c.answers.get(q.path)![i] = mask >>> 0;
    }
  });
  return {
    meta: {
      respondents: n,
      strata: [...strata.keys()],
      stratified: strata.size > 1 || respondents.some((r) => r.stratum !== null),
      clustered,
      psus: psus.size,
      units: [...units.keys()],
      questions: stored.map((q) => ({ path: q.path, choices: q.choices })),
    },
    columns: c,
  };
}

/** The columns as named byte arrays (what the store keeps). */
export function columnBytes(columns: SurveyColumns): Map<ColumnName, Uint8Array> {
  const out = new Map<ColumnName, Uint8Array>();
  const add = (name: ColumnName, a: ArrayBufferView) => out.set(name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  add('weight', columns.weight);
  add('stratum', columns.stratum);
  add('psu', columns.psu);
  add('date', columns.date);
  add('sex', columns.sex);
  add('age', columns.age);
  add('disability', columns.disability);
  add('unit', columns.unit);
  add('places', columns.places);
  for (const o of surveyOutcomes) add(`outcome:${o}`, columns.outcomes[o]);
  for (const [path, a] of columns.answers) add(`q:${path}`, a);
  return out;
}

/** Reads a stored column back: a view on the bytes when they are aligned for the type, else an aligned copy. */
export function readColumn<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array>(
  bytes: Uint8Array,
  Type: { new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % size === 0 && bytes.byteLength % size === 0 && bytes.buffer instanceof ArrayBuffer) {
    return new Type(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Type(copy.buffer);
}
