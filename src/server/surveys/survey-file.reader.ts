import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.ts';
import type { SheetRow } from '../../core/surveys/xlsform.ts';

/** Cell text as a form or an export shows it: dates as ISO text, rich text and formulas by their text. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().replace('T00:00:00.000Z', '');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return text(o.result);
    if (typeof o.text === 'string') return o.text;
    if ('formula' in o || 'sharedFormula' in o) return '';
  }
  return String(v).trim();
}

async function loadWorkbook(path: string, field: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  } catch (err) {
    throw new DomainError('survey.bad_file', `${field}: not a readable XLSX workbook (${err instanceof Error ? err.message : String(err)}).`, { field });
  }
  return wb;
}

function sheetRows(ws: ExcelJS.Worksheet, normalise: (h: string) => string): { header: string[]; rows: SheetRow[] } {
  const header: string[] = [];
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = (row.values as unknown[]).slice(1).map(text);
    if (header.length === 0) {
      header.push(...cells.map(normalise));
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) values[h] = cells[i] ?? '';
    });
    rows.push({ line: number, values });
  });
  return { header, rows };
}

/** An XLSForm header: its base lower-cased (`Label::English (en)` → `label::English (en)`). */
function formHeader(h: string): string {
  const [base, ...rest] = h.split('::');
  return [base!.trim().toLowerCase(), ...rest.map((x) => x.trim())].join('::');
}

/** Reads the `survey`, `choices` and `settings` sheets of an XLSForm workbook. */
export async function readFormWorkbook(path: string): Promise<Record<'survey' | 'choices' | 'settings', SheetRow[] | undefined>> {
  const wb = await loadWorkbook(path, 'form');
  const sheet = (name: string) => {
    const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name);
    return ws ? sheetRows(ws, formHeader).rows : undefined;
  };
  return { survey: sheet('survey'), choices: sheet('choices'), settings: sheet('settings') };
}

export type Submissions = { header: string[]; rows: SheetRow[]; otherSheets: string[] };

/**
 * Reads a submissions export: CSV (comma or semicolon, as KoBoToolbox writes it) or XLSX (the first sheet; the
 * other sheets hold repeat groups and are reported, not read). Each row's line is its line in the file.
 */
export async function readSubmissions(path: string, name: string): Promise<Submissions> {
  const ext = extname(name).toLowerCase();
  if (ext === '.xlsx') {
    const wb = await loadWorkbook(path, 'data');
    const [first, ...rest] = wb.worksheets;
    if (!first) throw new DomainError('survey.bad_file', 'data: the workbook has no sheet.', { field: 'data' });
    const { header, rows } = sheetRows(first, (h) => h.trim());
    return { header, rows, otherSheets: rest.map((w) => w.name) };
  }
  if (ext !== '.csv' && ext !== '.txt') throw new DomainError('survey.bad_file', `data: ${name} must be .csv or .xlsx.`, { field: 'data' });
  const content = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const firstLine = content.slice(0, content.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, info: true }) as unknown as typeof records;
  } catch (err) {
    throw new DomainError('survey.bad_file', `data: ${err instanceof Error ? err.message : String(err)}`, { field: 'data' });
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((h) => h.trim());
  // A row's line is the file line where it ends (the same as where it starts unless a quoted value spans lines).
  const rows = body.map(({ record, info }) => ({ line: info.lines, values: Object.fromEntries(header.map((h, j) => [h, (record[j] ?? '').trim()])) }));
  return { header, rows, otherSheets: [] };
}
