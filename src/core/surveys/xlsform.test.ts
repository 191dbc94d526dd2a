import { describe, expect, it } from 'vitest';
import { readRespondent, resolveColumns } from './respondent.ts';
import { checkMapping, surveyMappingSchema } from './survey-mapping.ts';
import { columnOf, parseXlsForm, type SheetRow } from './xlsform.ts';

const rows = (list: Record<string, string>[]): SheetRow[] => list.map((values, i) => ({ line: i + 2, values }));

const sheets = {
  survey: rows([
    { type: 'today', name: 'today' },
    { type: 'begin group', name: 'resp', 'label::English (en)': 'About you', 'label::Français (fr)': 'À propos de vous' },
    { type: 'select_one sex', name: 'sex', 'label::English (en)': 'Sex' },
    { type: 'integer', name: 'age' },
    { type: 'end group', name: '' },
    { type: 'select_one feel', name: 'dark' },
    { type: 'select_multiple yn', name: 'hit' },
    { type: 'begin_repeat', name: 'members' },
    { type: 'text', name: 'member_name' },
    { type: 'end_repeat', name: '' },
  ]),
  choices: rows([
    { list_name: 'sex', name: 'f', 'label::English (en)': 'Female' },
    { list_name: 'sex', name: 'm', 'label::English (en)': 'Male' },
    { list_name: 'feel', name: 'vs' },
    { list_name: 'feel', name: 's' },
    { list_name: 'feel', name: 'u' },
    { list_name: 'feel', name: 'never' },
    { list_name: 'yn', name: 'yes' },
    { list_name: 'yn', name: 'no' },
  ]),
  settings: rows([{ form_id: 'demo', form_title: 'Demo', version: '3' }]),
};

const mapping = surveyMappingSchema.parse({
  respondent: { sex: { question: 'resp/sex', choices: { f: 'female', m: 'male' } }, age: { question: 'age' } },
  modules: {
    safety_after_dark: { question: 'dark', choices: { vs: 'very_safe', s: 'safe', u: 'unsafe', never: 'never_alone' } },
    violence: { physical: { question: 'hit', yes: ['yes'] } },
  },
});

describe('XLSForm', () => {
  it('reads group paths, labels by language, lists, settings and repeat groups', () => {
    const { form, problems } = parseXlsForm(sheets);
    expect(problems).toEqual([]);
    expect(form.formId).toBe('demo');
    expect(form.languages).toEqual(['English (en)', 'Français (fr)']);
    expect(form.questions.map((q) => [q.path, q.type, q.listName, q.repeat])).toEqual([
      ['today', 'today', null, null],
      ['resp/sex', 'select_one', 'sex', null],
      ['resp/age', 'integer', null, null],
      ['dark', 'select_one', 'feel', null],
      ['hit', 'select_multiple', 'yn', null],
      ['members/member_name', 'text', null, 'members'],
    ]);
    expect(form.repeats).toEqual(['members']);
    expect(form.questions[1]!.labels).toEqual({ 'English (en)': 'Sex' });
  });

  it('names the sheet row of a list missing from the choices and of an unended group', () => {
    const { problems } = parseXlsForm({ survey: rows([{ type: 'begin group', name: 'g' }, { type: 'select_one nope', name: 'q' }]), choices: [], settings: undefined });
    expect(problems).toEqual([
      { sheet: 'survey', line: 2, field: 'type', reason: 'group "g" is never ended' },
      { sheet: 'survey', line: 3, field: 'type', reason: 'list "nope" of question "q" is not in the choices sheet' },
    ]);
  });

  it('finds an export column by KoBoToolbox path, ODK Central path or bare name', () => {
    const { form } = parseXlsForm(sheets);
    const sex = form.questions[1]!;
    expect(columnOf(sex, ['resp/sex'])).toBe('resp/sex');
    expect(columnOf(sex, ['resp-sex'])).toBe('resp-sex');
    expect(columnOf(sex, ['sex'])).toBe('sex');
    expect(columnOf(sex, ['other'])).toBeUndefined();
  });
});

describe('mapping check', () => {
  const { form } = parseXlsForm(sheets);

  it('accepts a mapping that matches the form', () => {
    expect(checkMapping(form, mapping)).toEqual([]);
  });

  it('names each field at fault: unknown choice, unmapped choice, wrong type, repeat, unknown question', () => {
    const bad = surveyMappingSchema.parse({
      respondent: { age: { question: 'member_name' } },
      modules: {
        safety_after_dark: { question: 'dark', choices: { vs: 'very_safe', s: 'safe', u: 'unsafe', maybe: 'dont_know' } },
        violence: { physical: { question: 'kick', yes: ['yes'] }, sexual: { question: 'resp/sex', yes: ['y'] } },
      },
    });
    expect(checkMapping(form, bad)).toEqual([
      { field: 'respondent.age.question', reason: 'question "member_name" (survey row 10) is in repeat group "members", which is not imported' },
      { field: 'respondent.age.question', reason: 'question "member_name" (survey row 10) is text, expected integer or decimal' },
      { field: 'modules.safety_after_dark.choices.maybe', reason: 'no choice "maybe" in list "feel" (choices sheet)' },
      { field: 'modules.safety_after_dark.choices', reason: 'choice "never" of list "feel" (choices sheet row 7) is not mapped' },
      { field: 'modules.violence.physical.question', reason: `no question "kick" in the form's survey sheet` },
      { field: 'modules.violence.sexual.yes', reason: 'no choice "y" in list "sex" (choices sheet)' },
    ]);
  });
});

describe('respondents', () => {
  const { form } = parseXlsForm(sheets);
  const header = ['today', 'resp/sex', 'resp/age', 'dark', 'hit', 'hit/yes', 'hit/no'];
  const cols = resolveColumns(form, mapping, header);
  const read = (values: Record<string, string>) => readRespondent(7, values, form, mapping, cols);

  it('reads the outcomes: never going out stays in the 16.1.4 denominator; one-column-per-choice select_multiple', () => {
    const r = read({ today: '2026-04-02', 'resp/sex': 'f', 'resp/age': '34', dark: 'never', hit: '', 'hit/yes': '1', 'hit/no': '0' });
    expect(r).toMatchObject({ respondent: { sex: 'female', age: '30-44', date: '2026-04-02', outcomes: { '16.1.4': 0, '16.1.3': 1, '16.3.1': -1 } } });
    const safe = read({ today: '2026-04-02', 'resp/sex': 'm', 'resp/age': '', dark: 's', hit: 'no' });
    expect(safe).toMatchObject({ respondent: { sex: 'male', age: 'unknown', outcomes: { '16.1.4': 1, '16.1.3': 0 } } });
    const blank = read({ today: '', 'resp/sex': '', 'resp/age': '', dark: '', hit: '' });
    expect(blank).toMatchObject({ respondent: { sex: 'unknown', date: null, outcomes: { '16.1.4': -1, '16.1.3': -1 } } });
  });

  it('rejects a row whose answer is not among the choices, or whose age is not whole years, naming the column', () => {
    expect(read({ today: '2026-04-02', dark: 'so_so', 'resp/age': '3.5' })).toEqual({
      problems: [
        { line: 7, field: 'dark', value: 'so_so', reason: '"so_so" is not a choice of list "feel"' },
        { line: 7, field: 'resp/age', value: '3.5', reason: 'the age must be whole years from 0 to 130' },
      ],
    });
  });
});

describe('SDG 5.2.1 and 5.2.2', () => {
  const form = parseXlsForm({
    survey: rows([
      { type: 'select_one sex', name: 'sex' },
      { type: 'integer', name: 'age' },
      { type: 'select_one yn', name: 'partnered' },
      { type: 'select_one yn', name: 'ipv' },
      { type: 'select_one yn', name: 'npsv' },
    ]),
    choices: rows([
      { list_name: 'sex', name: 'f' },
      { list_name: 'sex', name: 'm' },
      { list_name: 'yn', name: 'yes' },
      { list_name: 'yn', name: 'no' },
      { list_name: 'yn', name: 'refused' },
    ]),
    settings: undefined,
  }).form;
  const m = surveyMappingSchema.parse({
    respondent: { sex: { question: 'sex', choices: { f: 'female', m: 'male' } }, age: { question: 'age' } },
    modules: {
      partner_violence: { question: 'ipv', yes: ['yes'], missing: ['refused'], ever_partnered: { question: 'partnered', yes: ['yes'] } },
      non_partner_sexual_violence: { question: 'npsv', yes: ['yes'] },
    },
  });
  const cols = resolveColumns(form, m, ['sex', 'age', 'partnered', 'ipv', 'npsv']);
  const outcomes = (values: Record<string, string>) => {
    const r = readRespondent(2, values, form, m, cols);
    if (!('respondent' in r)) throw new Error('rejected');
    return [r.respondent.outcomes['5.2.1'], r.respondent.outcomes['5.2.2']];
  };

  it('counts ever-partnered women aged 15 or more, leaves out men, girls under 15 and refusals', () => {
    expect(checkMapping(form, m)).toEqual([]);
    expect(outcomes({ sex: 'f', age: '30', partnered: 'yes', ipv: 'yes', npsv: 'no' })).toEqual([1, 0]);
    expect(outcomes({ sex: 'f', age: '30', partnered: 'no', ipv: 'no', npsv: 'yes' })).toEqual([-1, 1]);
    expect(outcomes({ sex: 'f', age: '30', partnered: 'yes', ipv: 'refused', npsv: '' })).toEqual([-1, -1]);
    expect(outcomes({ sex: 'f', age: '14', partnered: 'yes', ipv: 'yes', npsv: 'yes' })).toEqual([-1, -1]);
    expect(outcomes({ sex: 'm', age: '30', partnered: 'yes', ipv: 'yes', npsv: 'yes' })).toEqual([-1, -1]);
  });
});
