import { stateByAlpha3, stateName } from '../reference/states.ts';
import type { UnLanguage } from '../reference/un-languages.ts';

/**
 * The no-ranking rule of the review mechanism (issue 9): nothing the platform shows may measure how well a state
 * implements the guidelines, or order states by such a measure. This checker reads any payload (JSON value, CSV or
 * HTML text) and names what breaks the rule:
 *
 * - a field of a state's entry whose name is a score, rank, rating, index, grade, percentage or level of
 *   implementation, or a colour, icon or shading;
 * - a list of states not in alphabetical order of the name in the reader's language (within each cycle, when the
 *   list is grouped by cycle) — except a calendar, whose entries each carry a `date`, which must be in date order;
 * - in HTML, a colour or shading on a state's row (style, fill or a class naming a colour or a level).
 *
 * A state's entry is an object with a `country` field holding a UN Member State's alpha-3 code.
 */
export const FORBIDDEN_FIELD = /score|rank|rating|index|grade|percent|pct|implementation|performance|level|colou?r|icon|shad|fill|tier|medal/i;

export type RankingProblem = { path: string; problem: 'forbidden_field' | 'not_alphabetical' | 'not_date_order' | 'styled_state' };

export function rankingProblems(payload: unknown, language: UnLanguage): RankingProblem[] {
  if (typeof payload === 'string') return textProblems(payload, language);
  const problems: RankingProblem[] = [];
  walk(payload, '$', language, problems);
  return problems;
}

function isStateEntry(v: unknown): v is { country: string } & Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const c = (v as Record<string, unknown>).country;
  return typeof c === 'string' && stateByAlpha3(c)?.unMember === true;
}

function walk(v: unknown, path: string, language: UnLanguage, out: RankingProblem[]): void {
  if (Array.isArray(v)) {
    const states = v.filter(isStateEntry);
    if (states.length > 1) checkOrder(states, path, language, out);
    for (const [i, item] of v.entries()) walk(item, `${path}[${i}]`, language, out);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const entry = isStateEntry(v);
  for (const [key, value] of Object.entries(v)) {
    if (entry && FORBIDDEN_FIELD.test(key)) out.push({ path: `${path}.${key}`, problem: 'forbidden_field' });
    walk(value, `${path}.${key}`, language, out);
  }
}

function checkOrder(states: ({ country: string } & Record<string, unknown>)[], path: string, language: UnLanguage, out: RankingProblem[]): void {
  const collator = new Intl.Collator(language);
  const dated = states.every((s) => typeof s.date === 'string');
  const group = (s: Record<string, unknown>) => String(s.cycleId ?? s.cycle ?? '');
  for (let i = 1; i < states.length; i++) {
    const a = states[i - 1]!;
    const b = states[i]!;
    // A list grouped by cycle is checked within each cycle.
    if (group(a) !== group(b)) continue;
    if (dated) {
      if ((a.date as string) > (b.date as string)) out.push({ path: `${path}[${i}]`, problem: 'not_date_order' });
      continue;
    }
    const na = stateName(a.country, language) ?? a.country;
    const nb = stateName(b.country, language) ?? b.country;
    if (collator.compare(na, nb) > 0) out.push({ path: `${path}[${i}]`, problem: 'not_alphabetical' });
  }
}

/** CSV: a header naming a forbidden field, and rows of a `country` column out of order. HTML: styled state rows. */
function textProblems(text: string, language: UnLanguage): RankingProblem[] {
  if (/^\s*</.test(text)) {
    const out: RankingProblem[] = [];
    for (const m of text.matchAll(/<(tr|li|path|td|span|div)\b[^>]*data-country="[A-Z]{3}"[^>]*>/g)) {
      if (/style="[^"]*(colou?r|background|fill)|fill="|class="[^"]*(red|green|amber|yellow|good|bad|high|low|level)/i.test(m[0])) {
        out.push({ path: `html@${m.index}`, problem: 'styled_state' });
      }
    }
    return out;
  }
  const rows = text.trim().split(/\r?\n/).map(splitCsvLine);
  const header = rows[0] ?? [];
  const country = header.indexOf('country');
  if (country < 0) return [];
  const entries = rows.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  return rankingProblems(entries, language).map((p) => ({ ...p, path: p.path.replace(/^\$/, 'csv') }));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
