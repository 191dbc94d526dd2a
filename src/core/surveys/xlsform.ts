/**
 * XLSForm (ODK, KoBoToolbox) as a survey definition: the `survey` sheet's questions with their group paths, the
 * `choices` sheet's lists and the `settings` sheet. Labels come from `label` and `label::Language (code)` columns.
 * Parsing works on sheet rows already read into strings (the server reads the workbook), so it stays pure.
 */

/** A sheet row: its 1-based row number in the sheet and its cells by header name (lower-cased headers). */
export type SheetRow = { line: number; values: Record<string, string> };

export type XlsFormQuestion = {
  name: string;
  /** Slash-separated path with the enclosing groups, as KoBoToolbox exports name the column: `group/question`. */
  path: string;
  /** The XLSForm type without its list: `select_one`, `select_multiple`, `integer`, `text`, `geopoint` … */
  type: string;
  listName: string | null;
  labels: Record<string, string>;
  /** Row of the `survey` sheet. */
  line: number;
  /** The enclosing repeat group's path, when the question repeats (its answers are not in the main export). */
  repeat: string | null;
};

export type XlsFormChoice = { name: string; labels: Record<string, string>; line: number };

export type XlsForm = {
  formId: string | null;
  title: string | null;
  version: string | null;
  /** Label languages in column order (`English (en)`; `default` for a plain `label` column). */
  languages: string[];
  questions: XlsFormQuestion[];
  choices: Map<string, XlsFormChoice[]>;
  /** Paths of the repeat groups. */
  repeats: string[];
};

export type FormProblem = { sheet: string; line: number; field: string; reason: string };

const ignoredTypes = new Set(['note', 'calculate', 'start', 'end', 'today', 'deviceid', 'username', 'audit', 'hidden']);

function labelsOf(values: Record<string, string>, column: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '') continue;
    if (key === column) out.default = value;
    else if (key.startsWith(`${column}::`)) out[key.slice(column.length + 2).trim()] = value;
  }
  return out;
}

/** Parses the three sheets. Problems name the sheet, row and column; a form with problems is not used. */
export function parseXlsForm(sheets: {
  survey: SheetRow[] | undefined;
  choices: SheetRow[] | undefined;
  settings: SheetRow[] | undefined;
}): { form: XlsForm; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const questions: XlsFormQuestion[] = [];
  const repeats: string[] = [];
  const choices = new Map<string, XlsFormChoice[]>();
  const languages = new Set<string>();
  if (!sheets.survey) problems.push({ sheet: 'survey', line: 0, field: '(sheet)', reason: 'the workbook has no "survey" sheet' });
  const stack: { name: string; repeat: boolean; line: number }[] = [];
  for (const row of sheets.survey ?? []) {
    const type = (row.values.type ?? '').trim().replace(/\s+/g, ' ');
    const name = (row.values.name ?? '').trim();
    if (type === '') continue;
    for (const key of Object.keys(row.values)) {
      if (key.startsWith('label::')) languages.add(key.slice(7).trim());
      else if (key === 'label') languages.add('default');
    }
    const begin = /^begin[ _](group|repeat)$/.exec(type);
    if (begin) {
      if (!name) problems.push({ sheet: 'survey', line: row.line, field: 'name', reason: `a "${type}" needs a name` });
      const path = [...stack.map((g) => g.name), name].join('/');
      if (begin[1] === 'repeat') repeats.push(path);
      stack.push({ name, repeat: begin[1] === 'repeat', line: row.line });
      continue;
    }
    if (/^end[ _](group|repeat)$/.test(type)) {
      if (!stack.pop()) problems.push({ sheet: 'survey', line: row.line, field: 'type', reason: `"${type}" without a matching begin` });
      continue;
    }
    const select = /^(select_one|select_multiple) (\S+)( or_other)?$/.exec(type);
    const baseType = select ? select[1]! : type.split(' ')[0]!;
    if (ignoredTypes.has(baseType) && !name) continue;
    if (!name) {
      problems.push({ sheet: 'survey', line: row.line, field: 'name', reason: `a "${type}" question needs a name` });
      continue;
    }
    if (!/^[A-Za-z_][\w.-]*$/.test(name)) {
      problems.push({ sheet: 'survey', line: row.line, field: 'name', reason: `"${name}" is not a valid XLSForm name` });
    }
    const path = [...stack.map((g) => g.name), name].join('/');
    let repeat: string | null = null;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.repeat) {
        repeat = stack.slice(0, i + 1).map((g) => g.name).join('/');
        break;
      }
    }
    questions.push({ name, path, type: baseType, listName: select ? select[2]! : null, labels: labelsOf(row.values, 'label'), line: row.line, repeat });
  }
  for (const open of stack) problems.push({ sheet: 'survey', line: open.line, field: 'type', reason: `group "${open.name}" is never ended` });

  for (const row of sheets.choices ?? []) {
    const list = (row.values.list_name ?? row.values['list name'] ?? '').trim();
    const name = (row.values.name ?? row.values.value ?? '').trim();
    if (!list && !name) continue;
    if (!list || !name) {
      problems.push({ sheet: 'choices', line: row.line, field: list ? 'name' : 'list_name', reason: 'a choice needs a list_name and a name' });
      continue;
    }
    const entries = choices.get(list) ?? [];
    if (entries.some((c) => c.name === name)) problems.push({ sheet: 'choices', line: row.line, field: 'name', reason: `"${name}" is twice in list "${list}"` });
    entries.push({ name, labels: labelsOf(row.values, 'label'), line: row.line });
    choices.set(list, entries);
  }
  for (const q of questions) {
    if (q.listName && !choices.has(q.listName)) {
      problems.push({ sheet: 'survey', line: q.line, field: 'type', reason: `list "${q.listName}" of question "${q.name}" is not in the choices sheet` });
    }
  }
  const settings = sheets.settings?.[0]?.values ?? {};
  return {
    form: {
      formId: settings.form_id || null,
      title: settings.form_title || null,
      version: settings.version || null,
      languages: [...languages],
      questions,
      choices,
      repeats,
    },
    problems,
  };
}

/**
 * Finds the export column of a question: the full path (`group/question`, KoBoToolbox), the path with `-`
 * (ODK Central) or `.`, or the bare name.
 */
export function columnOf(question: XlsFormQuestion, header: readonly string[]): string | undefined {
  const candidates = [question.path, question.path.replaceAll('/', '-'), question.path.replaceAll('/', '.'), question.name];
  return candidates.find((c) => header.includes(c));
}

/** Looks a question up by name or path. */
export function findQuestion(form: XlsForm, ref: string): XlsFormQuestion | undefined {
  return form.questions.find((q) => q.path === ref) ?? form.questions.find((q) => q.name === ref);
}
