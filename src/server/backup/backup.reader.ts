import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupEndLine,
  type BackupHeader,
  backupEndLineSchema,
  backupHeaderSchema,
  backupTableLineSchema,
  decodeRowLine,
} from './backup.format.ts';

export type BackupEvent =
  | { kind: 'table'; name: string; columns: string[]; rows: number; index: number }
  | { kind: 'rows'; table: string; rows: string[] };

export type OpenedBackup = {
  file: string;
  header: BackupHeader;
  /**
   * The tables and their rows after the header, `batchSize` rows at a time. After the last row it checks the end
   * line (totals and SHA-256) and returns it; a truncated, altered or malformed file throws `backup.invalid`, so a
   * caller that loads inside a transaction commits only after the generator has returned.
   */
  body(batchSize: number): AsyncGenerator<BackupEvent, BackupEndLine>;
  close(): Promise<void>;
};

/** Opens a backup file and validates its header (`backup.invalid` / `backup.incompatible`). Streams; holds no table. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const lines = readLines(file);
  const invalid = (why: string) => new DomainError('backup.invalid', `${file} is not a usable backup: ${why}.`, { file });
  const next = async (what: string): Promise<string> => {
    let res: IteratorResult<string>;
    try {
      res = await lines.next();
    } catch (err) {
      throw readError(file, err);
    }
    if (res.done) throw invalid(`the file ends before ${what} (truncated)`);
    return res.value;
  };
  const parse = <S extends z.ZodType>(schema: S, line: string, what: string): z.output<S> => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid(`${what} is not JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalid(`${what} is malformed (${parsed.error.issues[0]?.message ?? 'unexpected shape'})`);
    return parsed.data;
  };

  let header: BackupHeader;
  let headerLine: string;
  try {
    headerLine = await next('its header');
    const raw = safeJson(headerLine) as { format?: unknown; version?: unknown } | undefined;
    if (raw?.format !== BACKUP_FORMAT) throw invalid('its first line is not a Safer Cities backup header');
    if (typeof raw.version === 'number' && raw.version > BACKUP_VERSION) {
      throw new DomainError(
        'backup.incompatible',
        `${file} is in backup format version ${raw.version}; this platform reads version ${BACKUP_VERSION}. Upgrade the platform first.`,
        { file },
      );
    }
    header = parse(backupHeaderSchema, headerLine, 'the header');
  } catch (err) {
    await lines.return(undefined);
    throw err;
  }

  async function* body(batchSize: number): AsyncGenerator<BackupEvent, BackupEndLine> {
    const hash = createHash('sha256');
    hash.update(`${headerLine}\n`);
    let total = 0;
    for (const [index, t] of header.tables.entries()) {
      const line = await next(`the start of table ${t.name}`);
      hash.update(`${line}\n`);
      const tableLine = parse(backupTableLineSchema, line, `the start of table ${t.name}`);
      if (tableLine.table !== t.name) throw invalid(`table ${t.name} was expected, ${tableLine.table} found`);
      yield { kind: 'table', name: t.name, columns: tableLine.columns, rows: t.rows, index };
      let batch: string[] = [];
      for (let i = 1; i <= t.rows; i++) {
        const rowLine = await next(`row ${i} of ${t.rows} of table ${t.name}`);
        hash.update(rowLine);
        hash.update('\n');
        const row = decodeRowLine(rowLine);
        if (row === undefined) throw invalid(`row ${i} of table ${t.name} is not a JSON object`);
        batch.push(row);
        if (batch.length >= batchSize) {
          yield { kind: 'rows', table: t.name, rows: batch };
          batch = [];
        }
      }
      if (batch.length) yield { kind: 'rows', table: t.name, rows: batch };
      total += t.rows;
    }
    const end = parse(backupEndLineSchema, await next('its end line'), 'the end line');
    if (end.tables !== header.tables.length || end.rows !== total) {
      throw invalid(`the end line counts ${end.tables} tables and ${end.rows} rows, the header ${header.tables.length} and ${total}`);
    }
    if (end.sha256 !== hash.digest('hex')) throw invalid('its checksum does not match its content (altered or damaged)');
    let extra: IteratorResult<string>;
    try {
      extra = await lines.next();
    } catch (err) {
      throw readError(file, err);
    }
    if (!extra.done) throw invalid('there is data after its end line');
    return end;
  }

  return {
    file,
    header,
    body,
    async close() {
      await lines.return(undefined);
    },
  };
}

/** The decompressed file, line by line (the writer ends every line, the last included, with "\n"). */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  gunzip.setEncoding('utf8');
  try {
    let rest = '';
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    if (rest) yield rest;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

function readError(file: string, err: unknown): DomainError {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ENOENT') return new DomainError('backup.invalid', `There is no backup file at ${file}.`, { file });
  if (code === 'Z_DATA_ERROR') {
    return new DomainError('backup.invalid', `${file} is not a usable backup: it is not gzip data or is damaged (${message}).`, {
      file,
    });
  }
  return new DomainError('backup.invalid', `${file} is not a usable backup: it could not be read to the end (${message}).`, {
    file,
  });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
