import { z } from 'zod';
import { ageBands, sexes } from '../incidents/demographics.ts';
import { findQuestion, type XlsForm, type XlsFormQuestion } from './xlsform.ts';

/**
 * The mapping file: which questions of a city's own form answer the standard modules, and which of their choices
 * mean what. Checked against the form before any submission is read; every problem names its field.
 */

export const safetyCodes = ['very_safe', 'safe', 'unsafe', 'very_unsafe', 'never_alone', 'dont_know'] as const;
export type SafetyCode = (typeof safetyCodes)[number];

export const placeCodes = ['street', 'public_transport', 'market', 'park', 'school', 'workplace', 'home', 'online', 'other'] as const;
export type PlaceCode = (typeof placeCodes)[number];

const ref = z.string().min(1).max(200);
/** A yes/no item: the choices meaning yes; `missing` choices (e.g. refused) count as not answered; others are no. */
const yesNo = z.object({ question: ref, yes: z.array(z.string().min(1)).min(1), missing: z.array(z.string().min(1)).optional() }).strict();

export const surveyMappingSchema = z
  .object({
    /** Export columns (or question names) holding the design: absent weight is 1, absent strata one stratum. */
    design: z.object({ weight: ref.optional(), stratum: ref.optional(), cluster: ref.optional() }).strict().default({}),
    respondent: z
      .object({
        /** The interview date; by default the first of `today`, `_submission_time`, `start`, `end` in the export. */
        date: ref.optional(),
        sex: z.object({ question: ref, choices: z.record(z.string(), z.enum(sexes)) }).strict().optional(),
        /** Age in whole years (an integer question), or a select_one whose choices map to age bands. */
        age: z.object({ question: ref, choices: z.record(z.string(), z.enum(ageBands)).optional() }).strict().optional(),
        disability: yesNo.optional(),
        /** The unit: a field holding the unit's imported id, or a geopoint located in the city's units. */
        unit: z.union([z.object({ question: ref }).strict(), z.object({ gps: ref }).strict()]).optional(),
      })
      .strict()
      .default({}),
    modules: z
      .object({
        safety_after_dark: z.object({ question: ref, choices: z.record(z.string(), z.enum(safetyCodes)) }).strict().optional(),
        violence: z.object({ physical: yesNo.optional(), psychological: yesNo.optional(), sexual: yesNo.optional() }).strict().optional(),
        harassment: z
          .object({
            physical: yesNo.optional(),
            sexual: yesNo.optional(),
            places: z.object({ question: ref, choices: z.record(z.string(), z.enum(placeCodes)) }).strict().optional(),
          })
          .strict()
          .optional(),
        reported_to_police: yesNo.optional(),
        partner_violence: yesNo.extend({ ever_partnered: yesNo.optional() }).strict().optional(),
        non_partner_sexual_violence: yesNo.optional(),
      })
      .strict(),
  })
  .strict();

export type SurveyMapping = z.output<typeof surveyMappingSchema>;

export type MappingProblem = { field: string; reason: string };

/** Checks a mapping against the form: questions exist outside repeats, with the right type, and choices match. */
export function checkMapping(form: XlsForm, mapping: SurveyMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const question = (field: string, name: string, types: readonly string[]): XlsFormQuestion | undefined => {
    const q = findQuestion(form, name);
    if (!q) {
      problems.push({ field, reason: `no question "${name}" in the form's survey sheet` });
      return undefined;
    }
    if (q.repeat) problems.push({ field, reason: `question "${name}" (survey row ${q.line}) is in repeat group "${q.repeat}", which is not imported` });
    if (types.length && !types.includes(q.type)) {
      problems.push({ field, reason: `question "${name}" (survey row ${q.line}) is ${q.type}, expected ${types.join(' or ')}` });
    }
    return q;
  };
  const choicesOf = (q: XlsFormQuestion | undefined) => (q?.listName ? (form.choices.get(q.listName) ?? []) : []);
  const mapped = (field: string, m: { question: string; choices: Record<string, string> }, types: readonly string[], complete: boolean) => {
    const q = question(`${field}.question`, m.question, types);
    if (!q?.listName) return;
    const names = choicesOf(q).map((c) => c.name);
    for (const name of Object.keys(m.choices)) {
      if (!names.includes(name)) problems.push({ field: `${field}.choices.${name}`, reason: `no choice "${name}" in list "${q.listName}" (choices sheet)` });
    }
    if (complete) {
      for (const c of choicesOf(q)) {
        if (!(c.name in m.choices)) problems.push({ field: `${field}.choices`, reason: `choice "${c.name}" of list "${q.listName}" (choices sheet row ${c.line}) is not mapped` });
      }
    }
  };
  const yes = (field: string, m: { question: string; yes: string[]; missing?: string[] | undefined } | undefined) => {
    if (!m) return;
    const q = question(`${field}.question`, m.question, ['select_one', 'select_multiple']);
    if (!q?.listName) return;
    const names = choicesOf(q).map((c) => c.name);
    for (const [key, list] of [['yes', m.yes], ['missing', m.missing ?? []]] as const) {
      for (const name of list) {
        if (!names.includes(name)) problems.push({ field: `${field}.${key}`, reason: `no choice "${name}" in list "${q.listName}" (choices sheet)` });
      }
    }
  };

  const r = mapping.respondent;
  if (r.sex) mapped('respondent.sex', r.sex, ['select_one'], true);
  if (r.age) {
    if (r.age.choices) mapped('respondent.age', { question: r.age.question, choices: r.age.choices }, ['select_one'], true);
    else question('respondent.age.question', r.age.question, ['integer', 'decimal']);
  }
  yes('respondent.disability', r.disability);
  if (r.unit && 'question' in r.unit) question('respondent.unit.question', r.unit.question, []);
  if (r.unit && 'gps' in r.unit) question('respondent.unit.gps', r.unit.gps, ['geopoint']);

  const m = mapping.modules;
  if (m.safety_after_dark) mapped('modules.safety_after_dark', m.safety_after_dark, ['select_one'], true);
  yes('modules.violence.physical', m.violence?.physical);
  yes('modules.violence.psychological', m.violence?.psychological);
  yes('modules.violence.sexual', m.violence?.sexual);
  yes('modules.harassment.physical', m.harassment?.physical);
  yes('modules.harassment.sexual', m.harassment?.sexual);
  if (m.harassment?.places) mapped('modules.harassment.places', m.harassment.places, ['select_one', 'select_multiple'], true);
  yes('modules.reported_to_police', m.reported_to_police);
  yes('modules.partner_violence', m.partner_violence);
  yes('modules.partner_violence.ever_partnered', m.partner_violence?.ever_partnered);
  yes('modules.non_partner_sexual_violence', m.non_partner_sexual_violence);
  if (m.violence && !m.violence.physical && !m.violence.psychological && !m.violence.sexual) {
    problems.push({ field: 'modules.violence', reason: 'map at least one of physical, psychological, sexual' });
  }
  return problems;
}

/** The built-in indicators a mapping can compute. */
export function indicatorsOf(mapping: SurveyMapping): string[] {
  const m = mapping.modules;
  const out: string[] = [];
  if (m.violence) out.push('16.1.3');
  if (m.safety_after_dark) out.push('16.1.4');
  if (m.violence && m.reported_to_police) out.push('16.3.1');
  if (m.harassment?.physical || m.harassment?.sexual) out.push('11.7.2');
  if (m.partner_violence && mapping.respondent.sex && mapping.respondent.age) out.push('5.2.1');
  if (m.non_partner_sexual_violence && mapping.respondent.sex && mapping.respondent.age) out.push('5.2.2');
  return out;
}
