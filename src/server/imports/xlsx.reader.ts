import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.ts';
import type { Cell, SourceRow } from '../../core/incidents/cells.ts';
import { splitFirst } from './source-file.ts';

/**
 * XLSX through exceljs' streaming reader: one sheet (the profile's `file.sheet`, by name or 1-based position; the
 * first by default), its first row the header, each later row's line its sheet row number. Date cells arrive as
 * dates (their UTC fields are the wall-clock time shown), formulas as their cached result, rich text as its text.
 */
export async function openXlsx(
  input: NodeJS.ReadableStream,
  sheet: string | number | undefined,
): Promise<{ header: string[]; rows: AsyncIterable<SourceRow> }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as import('node:stream').Readable, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const { first, rest } = await splitFirst(sheetRows(workbook, sheet));
  if (!first) return { header: [], rows: empty() };
  return { header: first.cells.map((c) => text(c)), rows: rest };
}

async function* sheetRows(workbook: ExcelJS.stream.xlsx.WorkbookReader, sheet: string | number | undefined): AsyncIterable<SourceRow> {
  let position = 0;
  const names: string[] = [];
  for await (const worksheet of workbook) {
    position++;
    const ws = worksheet as unknown as { name: string } & AsyncIterable<ExcelJS.Row>;
    names.push(ws.name);
    const wanted = sheet === undefined ? position === 1 : typeof sheet === 'number' ? position === sheet : ws.name === sheet;
    if (!wanted) continue;
    for await (const row of ws) {
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      yield { line: row.number, cells };
    }
    return;
  }
  throw new DomainError('import.file_unreadable', `The workbook has no sheet ${JSON.stringify(sheet)} (sheets: ${names.join(', ')}).`, {
    field: 'file.sheet',
  });
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

function text(c: Cell): string {
  if (c === null || c === undefined) return '';
  return (c instanceof Date ? c.toISOString() : String(c)).trim();
}

async function* empty(): AsyncIterable<SourceRow> {}
