import { hash } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import { categorySource } from '../../core/incidents/category.ts';
import type { SourceRow } from '../../core/incidents/cells.ts';
import type { ImportBatch } from '../../core/incidents/import-batch.ts';
import { zoneClock } from '../../core/incidents/local-time.ts';
import { type ImportProfile, profileColumns } from '../../core/incidents/profile.ts';
import {
  buildRowMapper,
  type MappedIncident,
  type Rejection,
  type RowMapper,
  type RowOutcome,
} from '../../core/incidents/row-mapper.ts';
import { unitCodeLookup } from '../../core/incidents/unit-refs.ts';
import type { UnitIndex } from '../../core/units/unit-index.ts';
import type { CityService } from '../cities/city.service.ts';
import type { StoreKind } from '../db/database.ts';
import type { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import { projectorFor, validProfile } from '../imports/profile-check.ts';
import { openSourceFile, type SourceFile } from '../imports/source-file.ts';
import type { UnitService } from '../units/unit.service.ts';
import type { IncidentRepository } from './incident.repository.ts';

/** Rows per insert batch: one multi-row statement and one short transaction each. */
export const INSERT_BATCH_ROWS = 5_000;

/**
 * A running batch (not being imported by this process, and not an upload whose job is pending) whose heartbeat is
 * older than this was left by a process that died. PGlite has one process, so a minute covers the moment between an
 * upload's batch and its job; PostgreSQL may have importers elsewhere, so a generous quarter of an hour.
 */
const ABANDONED_AFTER_SECONDS = { pglite: 60, postgres: 15 * 60 } as const;

export type ImportProgress = { rows: number; bytes: number; totalBytes: number };

export type ImportRequest = {
  citySlug: string;
  /** Where the file is, and the name it had (its extension picks the reader). */
  path: string;
  fileName: string;
  profile: unknown;
  /** An existing running batch to fill (an upload's job); a new batch otherwise. */
  batchId?: number;
  jobId?: number;
  signal?: AbortSignal;
  /** Called after every insert batch; a throw stops the import (nothing of it becomes visible). */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
};

export type ImportResult = { batch: ImportBatch; notes: string[] };

/**
 * Imports a file of incident records into a batch: streams the rows, maps them with the profile, inserts them in
 * batches of INSERT_BATCH_ROWS (each its own transaction, the batch `running` and so invisible), then makes the
 * whole batch visible in one final transaction. Any failure or abort marks the batch failed and deletes its rows.
 */
export class IncidentImportService {
  /** Batches this process is importing now (not abandoned, whatever their heartbeat says). */
  private readonly active = new Set<number>();

  constructor(
    private readonly repo: IncidentRepository,
    private readonly batches: ImportBatchRepository,
    private readonly cities: CityService,
    private readonly units: UnitService,
    private readonly storeKind: StoreKind,
    /** Rows per insert batch (tests use small ones to see several). */
    private readonly batchRows: number = INSERT_BATCH_ROWS,
  ) {}

  async importFile(req: ImportRequest): Promise<ImportResult> {
    const city = await this.cities.get(req.citySlug);
    const profile = validProfile(req.profile);
    const project = projectorFor(profile);
    await this.cleanupAbandoned();
    const source = await openSourceFile(req.path, req.fileName, profile);
    let batch: ImportBatch | undefined;
    try {
      const clock = zoneClock(city.timezone);
      const lookup = unitCodeLookup(await this.repo.unitVersions(city.id));
      const built = buildRowMapper(profile, source.header, {
        clock,
        hash: sha256,
        unitByCode: lookup,
        project: project?.toWgs84,
      });
      if (!built.ok) throw missingColumns(req.fileName, built.missing, source.header);
      batch = req.batchId === undefined ? await this.createBatch(city.id, req, profile) : await this.reopen(city.id, req.batchId);
      this.active.add(batch.id);
      const counts = await this.load(city.id, batch.id, profile, source, built.map, req);
      const done = await this.repo.finalize(city.id, batch.id, { ...counts, sha256: source.sha256() });
      if (!done) throw new Error(`Import ${batch.id} was cleaned up while it ran.`);
      const complete = (await this.batches.get(city.id, batch.id))!;
      return { batch: complete, notes: [categorySource(profile.category), ...(project?.notes ?? [])] };
    } catch (err) {
      if (batch) await this.repo.discard(city.id, batch.id, errorText(err)).catch(() => {});
      throw err;
    } finally {
      source.close();
      if (batch) this.active.delete(batch.id);
    }
  }

  /** Checks a file before it is queued: the profile's coordinate system, and the header against its columns. */
  async checkFile(path: string, fileName: string, profile: ImportProfile): Promise<void> {
    projectorFor(profile);
    const source = await openSourceFile(path, fileName, profile);
    try {
      const missing = profileColumns(profile).filter((c) => !source.header.includes(c.column));
      if (missing.length > 0) throw missingColumns(fileName, missing, source.header);
    } finally {
      source.close();
    }
  }

  /** Marks running batches left by a process that died as failed and deletes their rows. */
  async cleanupAbandoned(): Promise<number> {
    const stale = await this.batches.abandoned('incidents', {
      silentForSeconds: ABANDONED_AFTER_SECONDS[this.storeKind],
      activeHere: [...this.active],
    });
    let n = 0;
    for (const b of stale) if (await this.repo.discard(b.cityId, b.id, 'interrupted: the importing process stopped')) n++;
    return n;
  }

  private createBatch(cityId: number, req: ImportRequest, profile: ImportProfile): Promise<ImportBatch> {
    return this.batches.create({
      cityId,
      kind: 'incidents',
      source: profile.source,
      fileName: req.fileName,
      fileSha256: 'pending',
      profile,
      jobId: req.jobId ?? null,
    });
  }

  /** A batch created for an upload: (re)started from nothing, whatever an earlier attempt left. */
  private async reopen(cityId: number, batchId: number): Promise<ImportBatch> {
    const batch = await this.batches.get(cityId, batchId);
    if (!batch) throw new DomainError('import.not_found', `No import ${batchId}.`, { batch: batchId });
    if (batch.status !== 'running' && batch.status !== 'failed') {
      throw new DomainError('conflict', `Import ${batchId} is ${batch.status}; it cannot run again.`, { batch: batchId });
    }
    if (!(await this.repo.restart(cityId, batchId))) {
      throw new DomainError('conflict', `Import ${batchId} changed state; it cannot run again.`, { batch: batchId });
    }
    return { ...batch, status: 'running' };
  }

  private async load(
    cityId: number,
    batchId: number,
    profile: ImportProfile,
    source: SourceFile,
    map: RowMapper,
    req: ImportRequest,
  ): Promise<{ read: number; rejected: number }> {
    const width = source.header.length;
    // On a first import of this source nothing can be identical; finalize still catches imports completed meanwhile.
    const skipVisible = await this.repo.hasVisible(cityId, profile.source);
    const indexes = new Map<number, Promise<UnitIndex>>();
    const indexFor = (year: number) => {
      let index = indexes.get(year);
      if (!index) {
        index = this.units.indexFor(cityId, year);
        indexes.set(year, index);
      }
      return index;
    };
    let read = 0;
    let rejected = 0;
    let records: MappedIncident[] = [];
    let rejections: Rejection[] = [];
    let pending: Promise<void> = Promise.resolve();

    const flush = async () => {
      const chunk = records;
      const rejectedRows = rejections;
      records = [];
      rejections = [];
      await pending;
      req.signal?.throwIfAborted();
      pending = (async () => {
        await assignUnits(chunk, indexFor);
        await this.repo.insertChunk(cityId, batchId, profile.source, chunk, rejectedRows, { skipVisible });
      })();
      pending.catch(() => {});
      await req.onProgress?.({ rows: read, bytes: source.bytesRead(), totalBytes: source.totalBytes });
    };

    try {
      for await (const row of source.rows) {
        read++;
        const outcome = row.cells.length > width ? tooWide(row, width) ?? map(row) : map(row);
        switch (outcome.kind) {
          case 'record':
            records.push(outcome.record);
            break;
          case 'rejected':
            rejected++;
            rejections.push(...outcome.rejections);
            break;
          case 'merged':
            break;
          default: {
            const never: never = outcome;
            throw new Error(`unexpected ${String(never)}`);
          }
        }
        if (records.length + rejections.length >= this.batchRows) await flush();
      }
      await flush();
      await pending;
    } finally {
      // Never leave an insert running behind a failure: the batch's rows are deleted next.
      await pending.catch(() => {});
    }
    return { read, rejected };
  }
}

function missingColumns(fileName: string, missing: { key: string; column: string }[], header: string[]): DomainError {
  const list = missing.map((m) => `"${m.column}" (${m.key})`).join(', ');
  return new DomainError('import.missing_column', `${fileName}: the header lacks ${list}.`, { missing, header });
}

/** A CSV row with more non-empty fields than the header has names is rejected whole. */
function tooWide(row: SourceRow, width: number): RowOutcome | undefined {
  if (!row.cells.slice(width).some((c) => c !== '' && c !== null && c !== undefined)) return undefined;
  const reason = `${row.cells.length} fields, the header has ${width}`;
  return { kind: 'rejected', rejections: [{ line: row.line, field: '(row)', value: '', reason }] };
}

/** Finds the unit of each record with coordinates, with the units valid in the record's year. */
async function assignUnits(records: MappedIncident[], indexFor: (year: number) => Promise<UnitIndex>): Promise<void> {
  let year = -1;
  let index: UnitIndex | undefined;
  for (const r of records) {
    if (!r.needsUnit || r.lon === null || r.lat === null) continue;
    const y = Number(r.occurredOn.slice(0, 4));
    if (y !== year || !index) {
      index = await indexFor(y);
      year = y;
    }
    r.unitId = index.locate(r.lon, r.lat) ?? null;
    r.outside = r.unitId === null;
  }
}

function sha256(text: string): string {
  return hash('sha256', text, 'base64url');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
