import type { Kysely } from 'kysely';
import type { Rejection } from '../../core/units/population.ts';
import type { DB } from '../db/schema.ts';

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

/** Records units and population imports in `import_batches` (and their rejected rows). */
export class ImportBatchRepository {
  constructor(private readonly db: Kysely<DB>) {}

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
