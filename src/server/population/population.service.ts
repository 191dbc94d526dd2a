import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../core/errors.ts';
import { type PopulationRow, parsePopulationRecord, populationColumns, type Rejection } from '../../core/units/population.ts';
import type { CityService } from '../cities/city.service.ts';
import type { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import { type PopulationRepository, populationKey } from './population.repository.ts';

export type PopulationImportSummary = {
  batchId: number;
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: Rejection[];
};

type Transaction = <T>(fn: (tx: { population: PopulationRepository; batches: ImportBatchRepository }) => Promise<T>) => Promise<T>;

/** Imports population CSVs (`unit,year,sex,age_band,population`): upsert, every bad row rejected with its reason. */
export class PopulationService {
  constructor(
    private readonly repo: PopulationRepository,
    private readonly cities: CityService,
    private readonly transaction: Transaction,
  ) {}

  async importCsv(citySlug: string, file: { bytes: Uint8Array; fileName: string }): Promise<PopulationImportSummary> {
    const city = await this.cities.get(citySlug);
    let records: { record: Record<string, string | undefined>; info: { lines: number } }[];
    let header: string[] = [];
    try {
      records = parse(Buffer.from(file.bytes), {
        bom: true,
        columns: (names: string[]) => {
          header = names.map((n) => n.trim().toLowerCase());
          return header;
        },
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      });
    } catch (err) {
      throw new DomainError('population.bad_file', `${file.fileName}: not a readable CSV (${(err as Error).message})`, { file: file.fileName });
    }
    const missing = populationColumns.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      throw new DomainError(
        'population.bad_header',
        `${file.fileName}: the header lacks column(s) ${missing.join(', ')} (needs ${populationColumns.join(',')})`,
        { file: file.fileName, missing },
      );
    }

    const known = await this.repo.unitCodes(city.id);
    const rejections: Rejection[] = [];
    const rows: PopulationRow[] = [];
    const firstLine = new Map<string, number>();
    for (const { record, info } of records) {
      const line = info.lines;
      const parsed = parsePopulationRecord(record, line);
      if (!parsed.ok) {
        rejections.push(...parsed.rejections);
        continue;
      }
      const { row } = parsed;
      if (!known.has(row.unitCode)) {
        rejections.push({ line, field: 'unit', value: row.unitCode, reason: 'no unit with this code in the city' });
        continue;
      }
      const key = populationKey(row);
      const first = firstLine.get(key);
      if (first !== undefined) {
        rejections.push({ line, field: 'unit', value: row.unitCode, reason: `repeats the unit, year, sex and age band of line ${first}` });
        continue;
      }
      firstLine.set(key, line);
      rows.push(row);
    }

    const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');
    return this.transaction(async (tx) => {
      const stored = await tx.population.existing(city.id, [...new Set(rows.map((r) => r.year))]);
      let imported = 0;
      let updated = 0;
      const changed = rows.filter((r) => {
        const before = stored.get(populationKey(r));
        if (before === undefined) imported++;
        else if (before !== r.population) updated++;
        return before !== r.population;
      });
      await tx.population.upsert(city.id, changed);
      const rejectedLines = new Set(rejections.map((r) => r.line)).size;
      const summary = { read: records.length, imported, updated, unchanged: rows.length - changed.length, rejected: rejectedLines };
      const batchId = await tx.batches.insertCompleted(city.id, {
        kind: 'population',
        fileName: file.fileName,
        fileSha256,
        profile: null,
        ...summary,
      });
      await tx.batches.insertRejections(city.id, batchId, rejections);
      return { batchId, ...summary, rejections };
    });
  }
}
