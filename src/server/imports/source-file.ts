import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Transform } from 'node:stream';
import { DomainError } from '../../core/errors.ts';
import type { SourceRow } from '../../core/incidents/cells.ts';
import type { ImportProfile } from '../../core/incidents/profile.ts';
import { openCsv } from './csv.reader.ts';
import { openGeoJson } from './geojson.reader.ts';

/** An open data file: its header, then its data rows, streamed (never held whole). */
export type SourceFile = {
  format: FileFormat;
  header: string[];
  rows: AsyncIterable<SourceRow>;
  /** Bytes read so far and the file's size, for progress. */
  bytesRead(): number;
  totalBytes: number;
  /** SHA-256 of the bytes read (the whole file once the rows are exhausted). */
  sha256(): string;
  /** Stops reading and releases the file. */
  close(): void;
};

export const fileFormats = ['csv', 'xlsx', 'geojson'] as const;
export type FileFormat = (typeof fileFormats)[number];

/** The format of a file, by its name: .csv/.tsv/.txt, .xlsx, .geojson/.json. */
export function formatOf(fileName: string): FileFormat | undefined {
  switch (extname(fileName).toLowerCase()) {
    case '.csv':
    case '.tsv':
    case '.txt':
      return 'csv';
    case '.xlsx':
      return 'xlsx';
    case '.geojson':
    case '.json':
      return 'geojson';
    default:
      return undefined;
  }
}

/** A byte stream of the file that counts and hashes what passes through. */
export type MeteredStream = { stream: NodeJS.ReadableStream; bytesRead(): number; sha256(): string; close(): void };

export function meteredRead(path: string): MeteredStream {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | undefined;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  file.on('error', (err) => meter.destroy(err));
  file.pipe(meter);
  return {
    stream: meter,
    bytesRead: () => bytes,
    sha256: () => {
      digest ??= hash.digest('hex');
      return digest;
    },
    close: () => {
      file.destroy();
      meter.destroy();
    },
  };
}

/**
 * Opens a data file for an import: checks it exists, picks the reader by the file name (`name` when the path is
 * an upload's storage name) and reads the header.
 */
export async function openSourceFile(path: string, name: string, profile: ImportProfile): Promise<SourceFile> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new DomainError('import.file_unreadable', `Cannot read ${name}: no such file.`, { file: name });
  }
  const format = formatOf(name);
  if (!format) {
    throw new DomainError('import.unsupported_format', `${name}: the file must be .csv, .tsv, .txt, .xlsx, .geojson or .json.`, {
      file: name,
    });
  }
  const metered = meteredRead(path);
  try {
    const opened = await openByFormat(format, metered, profile);
    return { format, ...opened, bytesRead: metered.bytesRead, totalBytes: size, sha256: metered.sha256, close: metered.close };
  } catch (err) {
    metered.close();
    if (err instanceof DomainError) throw err;
    throw new DomainError('import.file_unreadable', `Cannot read ${name} as ${format.toUpperCase()}: ${(err as Error).message}`, {
      file: name,
    });
  }
}

function openByFormat(
  format: FileFormat,
  metered: MeteredStream,
  profile: ImportProfile,
): Promise<{ header: string[]; rows: AsyncIterable<SourceRow> }> {
  switch (format) {
    case 'csv':
      return openCsv(metered.stream, profile.file);
    case 'xlsx':
      // exceljs takes a fifth of a second to load: only when a workbook is read.
      return import('./xlsx.reader.ts').then(({ openXlsx }) => openXlsx(metered.stream, profile.file.sheet));
    case 'geojson':
      return openGeoJson(metered.stream, profile.file.encoding);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** Pulls the first item of an async iterable and returns it with an iterable of the rest. */
export async function splitFirst<T>(source: AsyncIterable<T>): Promise<{ first: T | undefined; rest: AsyncIterable<T> }> {
  const it = source[Symbol.asyncIterator]();
  const head = await it.next();
  return {
    first: head.done ? undefined : head.value,
    rest: { [Symbol.asyncIterator]: () => it },
  };
}
