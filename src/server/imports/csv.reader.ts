import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DomainError } from '../../core/errors.ts';
import type { SourceRow } from '../../core/incidents/cells.ts';
import type { ImportProfile } from '../../core/incidents/profile.ts';
import { splitFirst } from './source-file.ts';

/**
 * CSV in any delimiter and encoding: bytes → iconv-lite → csv-parse, streamed. Quotes are RFC 4180; a stray quote
 * inside an unquoted field is kept as text.
 */
export async function openCsv(
  input: NodeJS.ReadableStream,
  file: ImportProfile['file'],
): Promise<{ header: string[]; rows: AsyncIterable<SourceRow> }> {
  if (!iconv.encodingExists(file.encoding)) {
    throw new DomainError('import.profile_invalid', `file.encoding: "${file.encoding}" is not supported.`, [
      { field: 'file.encoding', message: 'is not supported' },
    ]);
  }
  const parser = parse({ delimiter: file.delimiter, bom: true, relax_column_count: true, relax_quotes: true });
  pipeline(input, iconv.decodeStream(file.encoding), parser, () => {});
  const { first, rest } = await splitFirst(lines(parser as AsyncIterable<string[]>));
  if (!first) return { header: [], rows: empty() };
  const header = first.cells.map((h) => String(h ?? '').trim());
  return { header, rows: rest };
}

/**
 * Rows with the physical line where each starts (the header is line 1). Blank lines are skipped but counted; a
 * quoted field may hold line breaks, which count too.
 */
async function* lines(records: AsyncIterable<string[]>): AsyncIterable<SourceRow> {
  let next = 1;
  for await (const record of records) {
    const line = next;
    next = line + 1 + breaksIn(record);
    if (record.length === 1 && record[0]!.trim() === '') continue;
    yield { line, cells: record };
  }
}

function breaksIn(record: string[]): number {
  let n = 0;
  for (const cell of record) {
    if (cell.includes('\n') || cell.includes('\r')) n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

async function* empty(): AsyncIterable<SourceRow> {}
