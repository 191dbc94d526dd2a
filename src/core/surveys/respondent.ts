import { type AgeBand, ageBand, type Sex } from '../incidents/demographics.ts';
import type { PlaceCode, SafetyCode, SurveyMapping } from './survey-mapping.ts';
import { placeCodes } from './survey-mapping.ts';
import { columnOf, findQuestion, type XlsForm, type XlsFormQuestion } from './xlsform.ts';

/** The built-in survey indicators, each answered per respondent as 1 (numerator), 0 (denominator only) or -1 (out). */
export const surveyOutcomes = ['16.1.3', '16.1.4', '16.3.1', '11.7.2', '5.2.1', '5.2.2'] as const;
export type SurveyOutcome = (typeof surveyOutcomes)[number];

export type Respondent = {
  line: number;
  weight: number;
  stratum: string | null;
  cluster: string | null;
  /** Interview day `YYYY-MM-DD`, null when the export has none. */
  date: string | null;
  sex: Sex;
  age: AgeBand;
  disability: 'yes' | 'no' | 'unknown';
  /** The unit's imported id from a unit field; with a GPS point, `point` is set and the server finds the unit. */
  unit: string | null;
  point: [number, number] | null;
  outcomes: Record<SurveyOutcome, -1 | 0 | 1>;
  /** Bit i set: harassed at `placeCodes[i]`. */
  places: number;
  /** Answers to select questions by path (space-separated choice names for select_multiple). */
  answers: Record<string, string>;
};

export type RowProblem = { line: number; field: string; value: string; reason: string };

/** Resolves the mapping's references to export columns once per file; missing columns are problems. */
export function resolveColumns(form: XlsForm, mapping: SurveyMapping, header: readonly string[]) {
  const problems: { field: string; reason: string }[] = [];
  const col = (field: string, ref: string | undefined, optional = false): string | undefined => {
    if (!ref) return undefined;
    const q = findQuestion(form, ref);
    const c = q ? columnOf(q, header) : header.includes(ref) ? ref : undefined;
    if (!c && !optional) problems.push({ field, reason: `no column for "${ref}" in the submissions header` });
    return c;
  };
  const selects = form.questions.filter((q) => q.listName && !q.repeat);
  const r = mapping.respondent;
  const m = mapping.modules;
  const date = r.date ? col('respondent.date', r.date) : ['today', '_submission_time', 'start', 'end'].find((c) => header.includes(c));
  return {
    problems,
    weight: col('design.weight', mapping.design.weight),
    stratum: col('design.stratum', mapping.design.stratum),
    cluster: col('design.cluster', mapping.design.cluster),
    date,
    sex: col('respondent.sex', r.sex?.question),
    age: col('respondent.age', r.age?.question),
    disability: col('respondent.disability', r.disability?.question),
    unit: r.unit && 'question' in r.unit ? col('respondent.unit', r.unit.question) : undefined,
    gps: r.unit && 'gps' in r.unit ? col('respondent.unit', r.unit.gps) : undefined,
    safety: col('modules.safety_after_dark', m.safety_after_dark?.question),
    physical: col('modules.violence.physical', m.violence?.physical?.question),
    psychological: col('modules.violence.psychological', m.violence?.psychological?.question),
    sexual: col('modules.violence.sexual', m.violence?.sexual?.question),
    hPhysical: col('modules.harassment.physical', m.harassment?.physical?.question),
    hSexual: col('modules.harassment.sexual', m.harassment?.sexual?.question),
    places: col('modules.harassment.places', m.harassment?.places?.question),
    reported: col('modules.reported_to_police', m.reported_to_police?.question),
    partner: col('modules.partner_violence', m.partner_violence?.question),
    partnered: col('modules.partner_violence.ever_partnered', m.partner_violence?.ever_partnered?.question),
    nonPartner: col('modules.non_partner_sexual_violence', m.non_partner_sexual_violence?.question),
    /** Select questions with their column and the choice names they accept. */
    selects: selects.flatMap((q) => {
      const c = columnOf(q, header);
      return c ? [{ question: q, column: c, names: new Set((form.choices.get(q.listName!) ?? []).map((x) => x.name)) }] : [];
    }),
  };
}

export type ResolvedColumns = ReturnType<typeof resolveColumns>;

/** Choice names of a select answer: space-separated, or one 0/1 column per choice (`question/choice`). */
function selected(values: Record<string, string>, column: string | undefined, question: XlsFormQuestion | undefined): string[] | null {
  if (!column) return null;
  const raw = (values[column] ?? '').trim();
  if (raw !== '') return raw.split(/\s+/);
  if (question?.type === 'select_multiple') {
    const prefix = `${column}/`;
    const picked = Object.entries(values).filter(([k, v]) => k.startsWith(prefix) && (v === '1' || v.toLowerCase() === 'true'));
    if (picked.length) return picked.map(([k]) => k.slice(prefix.length));
  }
  return null;
}

/** Reads one submission row. Problems reject the row (bad weight, an answer not among the question's choices …). */
export function readRespondent(
  line: number,
  values: Record<string, string>,
  form: XlsForm,
  mapping: SurveyMapping,
  cols: ResolvedColumns,
): { respondent: Respondent } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (field: string, value: string, reason: string) => problems.push({ line, field, value, reason });
  const answers: Record<string, string> = {};
  for (const s of cols.selects) {
    const picked = selected(values, s.column, s.question);
    if (!picked) continue;
    for (const name of picked) if (!s.names.has(name)) bad(s.column, name, `"${name}" is not a choice of list "${s.question.listName}"`);
    answers[s.question.path] = picked.join(' ');
  }
  const answerOf = (ref: string | undefined): string[] | null => {
    if (!ref) return null;
    const q = findQuestion(form, ref);
    return q ? (answers[q.path]?.split(' ') ?? null) : null;
  };
  const yesNo = (m: { question: string; yes: string[]; missing?: string[] | undefined } | undefined): -1 | 0 | 1 => {
    const a = answerOf(m?.question);
    if (!m || !a) return -1;
    if (a.every((x) => m.missing?.includes(x))) return -1;
    return a.some((x) => m.yes.includes(x)) ? 1 : 0;
  };

  let weight = 1;
  if (cols.weight) {
    const raw = (values[cols.weight] ?? '').trim();
    weight = Number(raw);
    if (raw === '' || !Number.isFinite(weight) || weight <= 0) bad(cols.weight, raw, 'the weight must be a positive number');
  }
  let date: string | null = null;
  if (cols.date) {
    const raw = (values[cols.date] ?? '').trim();
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw);
    if (m) date = m[1]!;
    else if (raw !== '') bad(cols.date, raw, 'the interview date must start YYYY-MM-DD');
  }
  const r = mapping.respondent;
  const sexAnswer = answerOf(r.sex?.question)?.[0];
  const sex: Sex = (sexAnswer && r.sex?.choices[sexAnswer]) || 'unknown';
  let age: AgeBand = 'unknown';
  if (r.age && cols.age) {
    const raw = (values[cols.age] ?? '').trim();
    if (r.age.choices) age = (raw && r.age.choices[raw]) || 'unknown';
    else if (raw !== '') {
      const years = Number(raw);
      if (!Number.isInteger(years) || years < 0 || years > 130) bad(cols.age, raw, 'the age must be whole years from 0 to 130');
      else age = ageBand(years);
    }
  }
  const dis = yesNo(r.disability);
  let point: [number, number] | null = null;
  if (cols.gps) {
    const raw = (values[cols.gps] ?? '').trim();
    if (raw !== '') {
      // ODK geopoint: "lat lon altitude accuracy"
      const [lat, lon] = raw.split(/\s+/).map(Number);
      if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        bad(cols.gps, raw, 'a geopoint is "latitude longitude [altitude accuracy]"');
      } else point = [lon, lat];
    }
  }
  if (problems.length) return { problems };

  const m = mapping.modules;
  // 16.1.3: any of the mapped forms of violence; out of the denominator only when no item was answered yes and one is missing.
  const violence = [yesNo(m.violence?.physical), yesNo(m.violence?.psychological), yesNo(m.violence?.sexual)].filter((_, i) =>
    Boolean([m.violence?.physical, m.violence?.psychological, m.violence?.sexual][i]),
  );
  const anyOf = (items: (-1 | 0 | 1)[]): -1 | 0 | 1 => (items.length === 0 ? -1 : items.includes(1) ? 1 : items.includes(-1) ? -1 : 0);
  const v1613 = anyOf(violence);
  const safetyAnswer = answerOf(m.safety_after_dark?.question)?.[0];
  const safety: SafetyCode | undefined = safetyAnswer ? m.safety_after_dark?.choices[safetyAnswer] : undefined;
  const reported = yesNo(m.reported_to_police);
  const harassment = [m.harassment?.physical, m.harassment?.sexual].filter((x) => x !== undefined).map((x) => yesNo(x));
  const womenOver15 = sex === 'female' && age !== '0-14' && age !== 'unknown';
  const partnered = m.partner_violence?.ever_partnered ? yesNo(m.partner_violence.ever_partnered) === 1 : true;
  let places = 0;
  if (m.harassment?.places) {
    for (const name of answerOf(m.harassment.places.question) ?? []) {
      const code = m.harassment.places.choices[name] as PlaceCode | undefined;
      if (code) places |= 1 << placeCodes.indexOf(code);
    }
  }
  return {
    respondent: {
      line,
      weight,
      stratum: cols.stratum ? (values[cols.stratum] ?? '').trim() || null : null,
      cluster: cols.cluster ? (values[cols.cluster] ?? '').trim() || null : null,
      date,
      sex,
      age,
      disability: dis === 1 ? 'yes' : dis === 0 ? 'no' : 'unknown',
      unit: cols.unit ? (values[cols.unit] ?? '').trim() || null : null,
      point,
      outcomes: {
        '16.1.3': v1613,
        '16.1.4': safety === undefined ? -1 : safety === 'very_safe' || safety === 'safe' ? 1 : 0,
        '16.3.1': v1613 === 1 && reported !== -1 ? reported : -1,
        '11.7.2': anyOf(harassment),
        '5.2.1': womenOver15 && partnered ? yesNo(m.partner_violence) : -1,
        '5.2.2': womenOver15 ? yesNo(m.non_partner_sexual_violence) : -1,
      },
      places,
      answers,
    },
  };
}
