import { type Kysely, type Selectable, sql } from 'kysely';
import type { BatchStatus, ImportBatch, ImportTotals } from '../../core/incidents/import-batch.ts';
import type { Rejection } from '../../core/incidents/row-mapper.ts';
import type { DB, ImportBatchesTable } from '../db/schema.ts';

export type NewBatch = {
  cityId: number;
  kind: ImportBatch['kind'];
  source: string | null;
  fileName: string;
  fileSha256: string;
  profile: unknown;
  jobId?: number | null;
};

export type CompletedBatch = {
  kind: 'units' | 'population';
  fileName: string;
  fileSha256: string;
  profile: unknown;
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
};

/** The only place with SQL for import batches and their rejected rows. */
export class ImportBatchRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(b: NewBatch): Promise<ImportBatch> {
    const row = await this.db
      .insertInto('import_batches')
      .values({
        city_id: b.cityId,
        kind: b.kind,
        source: b.source,
        file_name: b.fileName,
        file_sha256: b.fileSha256,
        profile: JSON.stringify(b.profile ?? null),
        job_id: b.jobId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toBatch(row);
  }

  async setJob(cityId: number, id: number, jobId: number): Promise<void> {
    await this.db.updateTable('import_batches').set({ job_id: jobId }).where('city_id', '=', cityId).where('id', '=', id).execute();
  }

  async get(cityId: number, id: number): Promise<ImportBatch | undefined> {
    const row = await this.db
      .selectFrom('import_batches')
      .selectAll()
      .where('city_id', '=', cityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toBatch(row);
  }

  /** A batch by its id alone (ids are unique across cities). */
  async find(id: number): Promise<ImportBatch | undefined> {
    const row = await this.db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toBatch(row);
  }

  /** The profile a batch was imported with (as stored). */
  async profile(cityId: number, id: number): Promise<unknown> {
    const row = await this.db
      .selectFrom('import_batches')
      .select('profile')
      .where('city_id', '=', cityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.profile;
  }

  async list(cityId: number, kind: ImportBatch['kind'], limit = 200): Promise<ImportBatch[]> {
    const rows = await this.db
      .selectFrom('import_batches')
      .selectAll()
      .where('city_id', '=', cityId)
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toBatch);
  }

  async setFile(cityId: number, id: number, sha256: string): Promise<void> {
    await this.db.updateTable('import_batches').set({ file_sha256: sha256 }).where('city_id', '=', cityId).where('id', '=', id).execute();
  }

  async rejections(cityId: number, batchId: number): Promise<Rejection[]> {
    const rows = await this.db
      .selectFrom('import_rejections')
      .select(['line', 'field', 'value', 'reason'])
      .where('city_id', '=', cityId)
      .where('batch_id', '=', batchId)
      .orderBy('line')
      .orderBy('field')
      .execute();
    return rows.map((r) => ({ line: r.line, field: r.field, value: r.value ?? '', reason: r.reason }));
  }

  /**
   * Running batches of a kind left by a process that is gone: a job-backed batch whose job has ended, or one
   * whose heartbeat is older than `silentForSeconds`, except the ids this process is running.
   */
  async abandoned(kind: ImportBatch['kind'], opts: { silentForSeconds: number; activeHere: number[] }) {
    let q = this.db
      .selectFrom('import_batches as b')
      .leftJoin('jobs as j', 'j.id', 'b.job_id')
      .select(['b.city_id', 'b.id'])
      .where('b.kind', '=', kind)
      .where('b.status', '=', 'running')
      .where((eb) =>
        eb.or([
          eb('j.status', 'in', ['succeeded', 'failed', 'cancelled']),
          eb.and([
            eb('j.status', 'is', null),
            eb('b.heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${opts.silentForSeconds})`),
          ]),
        ]),
      );
    if (opts.activeHere.length > 0) q = q.where('b.id', 'not in', opts.activeHere);
    return (await q.execute()).map((r) => ({ cityId: r.city_id, id: r.id }));
  }

  /** Inserts a batch that completed inside the caller's transaction. */
  async insertCompleted(cityId: number, b: CompletedBatch): Promise<number> {
    const row = await this.db
      .insertInto('import_batches')
      .values({
        city_id: cityId,
        kind: b.kind,
        file_name: b.fileName,
        file_sha256: b.fileSha256,
        profile: JSON.stringify(b.profile),
        status: 'complete',
        rows_read: b.read,
        rows_imported: b.imported,
        rows_updated: b.updated,
        rows_unchanged: b.unchanged,
        rows_rejected: b.rejected,
        completed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertRejections(cityId: number, batchId: number, rejections: readonly Rejection[]): Promise<void> {
    for (let i = 0; i < rejections.length; i += 1000) {
      await this.db
        .insertInto('import_rejections')
        .values(
          rejections.slice(i, i + 1000).map((r) => ({
            city_id: cityId,
            batch_id: batchId,
            line: r.line,
            field: r.field,
            value: r.value,
            reason: r.reason,
          })),
        )
        .onConflict((oc) => oc.columns(['city_id', 'batch_id', 'line', 'field']).doNothing())
        .execute();
    }
  }

  /** The newest completed batch of a kind, to tell whether a cache built from the store is still current. */
  async latestId(cityId: number, kind: CompletedBatch['kind']): Promise<number> {
    const row = await this.db
      .selectFrom('import_batches')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('city_id', '=', cityId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }
}

export function toBatch(row: Selectable<ImportBatchesTable>): ImportBatch {
  const totals: ImportTotals = {
    read: row.rows_read,
    imported: row.rows_imported,
    updated: row.rows_updated,
    unchanged: row.rows_unchanged,
    rejected: row.rows_rejected,
    outside: row.rows_outside,
  };
  return {
    id: row.id,
    cityId: row.city_id,
    kind: row.kind as ImportBatch['kind'],
    source: row.source,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    status: row.status as BatchStatus,
    jobId: row.job_id,
    totals,
    error: row.error,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    undoneAt: row.undone_at,
  };
}
