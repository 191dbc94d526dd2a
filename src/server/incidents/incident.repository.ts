import { type Kysely, sql, type Transaction } from 'kysely';
import type { MappedIncident, Rejection } from '../../core/incidents/row-mapper.ts';
import type { UnitRef } from '../../core/incidents/unit-refs.ts';
import type { DB } from '../db/schema.ts';

/** Namespace of the per-city advisory lock that serialises making batches visible and undoing them. */
const LOCK_NAMESPACE = 240_011;

type Db = Kysely<DB> | Transaction<DB>;

const lockCity = (db: Db, cityId: number) => sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${cityId})`.execute(db);

/** Visible = in a complete batch and not replaced (a row is only ever replaced by a batch made complete). */
const VISIBLE = sql`o.replaced_by_batch is null and exists (
  select 1 from import_batches ob where ob.city_id = o.city_id and ob.id = o.batch_id and ob.status = 'complete')`;

/**
 * The only place with SQL for incident records and their aggregates. Writes are set-wise: one multi-row statement
 * per insert batch, aggregates by `insert … select … group by … on conflict do update` at the end.
 */
export class IncidentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Inserts one batch of records and rejected rows and refreshes the batch's heartbeat, in one short transaction;
   * with `skipVisible`, records already visible with the same key and content are left out. Returns how many
   * records were inserted.
   */
  async insertChunk(
    cityId: number,
    batchId: number,
    source: string,
    records: MappedIncident[],
    rejections: Rejection[],
    opts: { skipVisible: boolean },
  ) {
    return this.db.transaction().execute(async (trx) => {
      let inserted = 0;
      if (records.length > 0) {
        const col = <K extends keyof MappedIncident>(k: K) => records.map((r) => r[k]);
        const { rows } = await sql<{ n: number }>`
          with ins as (
            insert into incidents (city_id, batch_id, record_key, content_hash, source, occurred_at, occurred_on, month,
                                   iccs, local_category, sex, age, age_band, lon, lat, unit_id, outside, h3_r10)
            select ${cityId}, ${batchId}, u.k, u.h, ${source}, to_timestamp(u.t / 1000.0), u.d,
                   u.d - (extract(day from u.d)::int - 1), u.i, u.lc, u.s, u.a, u.ab, u.lon, u.lat, u.unit, u.outside, u.h3
            from unnest(${col('recordKey')}::text[], ${col('contentHash')}::text[], ${col('occurredAt')}::float8[],
                        ${col('occurredOn')}::date[], ${col('iccs')}::text[], ${col('localCategory')}::text[],
                        ${col('sex')}::text[], ${col('age')}::int[], ${col('ageBand')}::text[], ${col('lon')}::float8[],
                        ${col('lat')}::float8[], ${col('unitId')}::int8[], ${col('outside')}::bool[], ${col('h3')}::text[])
                 as u(k, h, t, d, i, lc, s, a, ab, lon, lat, unit, outside, h3)
            ${opts.skipVisible ? sql`where not exists (
              select 1 from incidents o
              where o.city_id = ${cityId} and o.source = ${source} and o.record_key = u.k and o.content_hash = u.h
                and ${VISIBLE})` : sql``}
            returning 1)
          select count(*)::int as n from ins`.execute(trx);
        inserted = rows[0]?.n ?? 0;
      }
      if (rejections.length > 0) {
        await sql`
          insert into import_rejections (city_id, batch_id, line, field, value, reason)
          select ${cityId}, ${batchId}, u.line, u.field, u.value, u.reason
          from unnest(${rejections.map((r) => r.line)}::int[], ${rejections.map((r) => r.field)}::text[],
                      ${rejections.map((r) => r.value)}::text[], ${rejections.map((r) => r.reason)}::text[])
               as u(line, field, value, reason)
          on conflict do nothing`.execute(trx);
      }
      await sql`update import_batches set heartbeat_at = now() where city_id = ${cityId} and id = ${batchId}`.execute(trx);
      return inserted;
    });
  }

  /** Whether the city has visible records of a source (else an import need not look for identical ones). */
  async hasVisible(cityId: number, source: string): Promise<boolean> {
    const { rows } = await sql<{ found: boolean }>`
      select exists (select 1 from import_batches where city_id = ${cityId} and kind = 'incidents' and source = ${source}
                       and status = 'complete' and rows_imported + rows_updated > 0) as found`.execute(this.db);
    return rows[0]?.found ?? false;
  }

  /**
   * Makes a running batch visible, in one transaction: drops rows that a batch completed meanwhile made identical,
   * marks the older versions of updated records as replaced, updates both aggregate tables, and marks the batch
   * complete with its totals. Returns false when the batch is no longer running (it was cleaned up).
   */
  async finalize(cityId: number, batchId: number, counts: { read: number; rejected: number; sha256: string }): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await lockCity(trx, cityId);
      const batch = await sql<{ created_at: Date; status: string; raced: boolean; prior: boolean }>`
        select b.created_at, b.status,
          exists (select 1 from import_batches x where x.city_id = b.city_id and x.kind = 'incidents' and x.id <> b.id
                    and x.status = 'complete' and x.completed_at >= b.created_at) as raced,
          exists (select 1 from import_batches x where x.city_id = b.city_id and x.kind = 'incidents' and x.id <> b.id
                    and x.source = b.source and x.status = 'complete' and x.rows_imported + x.rows_updated > 0) as prior
        from import_batches b where b.city_id = ${cityId} and b.id = ${batchId}`.execute(trx);
      const b = batch.rows.find((r) => r.status === 'running');
      if (!b) return false;
      if (b.raced) {
        await sql`
          delete from incidents n using incidents o
          where n.city_id = ${cityId} and n.batch_id = ${batchId} and o.city_id = ${cityId} and o.source = n.source
            and o.record_key = n.record_key and o.content_hash = n.content_hash and o.batch_id <> ${batchId}
            and ${VISIBLE}`.execute(trx);
      }
      let updated = 0;
      if (b.prior || b.raced) {
        const { rows } = await sql<{ n: number }>`
          with replaced as (
            update incidents o set replaced_by_batch = ${batchId}
            from incidents n
            where n.city_id = ${cityId} and n.batch_id = ${batchId} and o.city_id = ${cityId} and o.source = n.source
              and o.record_key = n.record_key and o.batch_id <> ${batchId} and ${VISIBLE}
            returning o.unit_id, o.month, o.iccs, o.sex, o.age_band, o.source, o.h3_r10),
          ${subtractFrom(cityId, 'replaced')}
          select count(*)::int as n from replaced`.execute(trx);
        updated = rows[0]?.n ?? 0;
      }
      await addToAggregates(trx, cityId, sql`select * from incidents where city_id = ${cityId} and batch_id = ${batchId}`);
      if (updated > 0) await dropEmptyAggregates(trx, cityId);
      const { rows } = await sql<{ n: number; outside: number }>`
        select count(*)::int as n, (count(*) filter (where outside))::int as outside
        from incidents where city_id = ${cityId} and batch_id = ${batchId}`.execute(trx);
      const n = rows[0]?.n ?? 0;
      await sql`
        update import_batches set status = 'complete', completed_at = now(), heartbeat_at = now(),
          rows_read = ${counts.read}, rows_imported = ${n - updated}, rows_updated = ${updated},
          rows_unchanged = ${counts.read - counts.rejected - n}, rows_rejected = ${counts.rejected},
          rows_outside = ${rows[0]?.outside ?? 0}, file_sha256 = ${counts.sha256}
        where city_id = ${cityId} and id = ${batchId}`.execute(trx);
      return true;
    });
  }

  /**
   * Removes a complete batch: its visible records leave the aggregates, the records it had replaced come back
   * (or pass to whichever later batch replaced its own version), its rows are deleted and it is marked undone.
   */
  async undo(cityId: number, batchId: number): Promise<'undone' | 'not_complete'> {
    return this.db.transaction().execute(async (trx) => {
      await lockCity(trx, cityId);
      const { rows } = await sql<{ status: string }>`
        select status from import_batches where city_id = ${cityId} and id = ${batchId} for update`.execute(trx);
      if (rows[0]?.status !== 'complete') return 'not_complete';
      await sql`
        with gone as (
          select unit_id, month, iccs, sex, age_band, source, h3_r10 from incidents
          where city_id = ${cityId} and batch_id = ${batchId} and replaced_by_batch is null),
        ${subtractFrom(cityId, 'gone')}
        select 1`.execute(trx);
      await sql`
        with restored as (
          update incidents o set replaced_by_batch = n.replaced_by_batch
          from incidents n
          where n.city_id = ${cityId} and n.batch_id = ${batchId} and o.city_id = ${cityId} and o.source = n.source
            and o.record_key = n.record_key and o.replaced_by_batch = ${batchId}
          returning o.*),
        cells as (
          insert into incident_cell_aggregates as g (city_id, h3_r10, month, iccs, source, count)
          select city_id, h3_r10, month, iccs, source, count(*)::int from restored
          where replaced_by_batch is null and h3_r10 is not null group by 1, 2, 3, 4, 5
          on conflict (city_id, h3_r10, month, iccs, source) do update set count = g.count + excluded.count
          returning 1)
        insert into incident_aggregates as g (city_id, unit_id, month, iccs, sex, age_band, source, count)
        select city_id, coalesce(unit_id, 0), month, iccs, sex, age_band, source, count(*)::int from restored
        where replaced_by_batch is null group by 1, 2, 3, 4, 5, 6, 7
        on conflict (city_id, unit_id, month, iccs, sex, age_band, source) do update set count = g.count + excluded.count`.execute(trx);
      await sql`delete from incidents where city_id = ${cityId} and batch_id = ${batchId}`.execute(trx);
      await dropEmptyAggregates(trx, cityId);
      await sql`
        update import_batches set status = 'undone', undone_at = now()
        where city_id = ${cityId} and id = ${batchId}`.execute(trx);
      return 'undone';
    });
  }

  /** Every unit version of a city, without geometry: for unit codes in files and for summaries by level. */
  async unitVersions(cityId: number): Promise<UnitRef[]> {
    const rows = await this.db
      .selectFrom('units')
      .select(['id', 'code', 'level', 'parent_code', 'valid_from_year', 'valid_to_year'])
      .where('city_id', '=', cityId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      level: r.level,
      parentCode: r.parent_code,
      validFromYear: r.valid_from_year,
      validToYear: r.valid_to_year,
    }));
  }

  /**
   * Starts a running or failed batch again from nothing (an upload's job attempt): deletes what an earlier attempt
   * left and marks it running. Returns false when the batch is in another state.
   */
  async restart(cityId: number, batchId: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await lockCity(trx, cityId);
      const { rows } = await sql<{ id: number }>`
        update import_batches set status = 'running', error = null, heartbeat_at = now()
        where city_id = ${cityId} and id = ${batchId} and status in ('running', 'failed') returning id`.execute(trx);
      if (rows.length === 0) return false;
      await sql`delete from incidents where city_id = ${cityId} and batch_id = ${batchId}`.execute(trx);
      await sql`delete from import_rejections where city_id = ${cityId} and batch_id = ${batchId}`.execute(trx);
      return true;
    });
  }

  /** Marks a running batch failed and deletes its rows; a batch that completed meanwhile is left alone. */
  async discard(cityId: number, batchId: number, error: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await lockCity(trx, cityId);
      const { rows } = await sql<{ id: number }>`
        update import_batches set status = 'failed', error = ${error}
        where city_id = ${cityId} and id = ${batchId} and status = 'running' returning id`.execute(trx);
      if (rows.length === 0) return false;
      await sql`delete from incidents where city_id = ${cityId} and batch_id = ${batchId}`.execute(trx);
      await sql`delete from import_rejections where city_id = ${cityId} and batch_id = ${batchId}`.execute(trx);
      return true;
    });
  }
}

/** CTEs that subtract the rows of CTE `from` (incident columns) from both aggregate tables. */
function subtractFrom(cityId: number, from: 'replaced' | 'gone') {
  const rel = sql.raw(from);
  return sql`
    minus as (
      select coalesce(unit_id, 0) as unit_id, month, iccs, sex, age_band, source, count(*)::int as n
      from ${rel} group by 1, 2, 3, 4, 5, 6),
    minus_cells as (
      select h3_r10, month, iccs, source, count(*)::int as n from ${rel} where h3_r10 is not null group by 1, 2, 3, 4),
    a as (
      update incident_aggregates g set count = g.count - m.n from minus m
      where g.city_id = ${cityId} and g.unit_id = m.unit_id and g.month = m.month and g.iccs = m.iccs and g.sex = m.sex
        and g.age_band = m.age_band and g.source = m.source
      returning 1),
    c as (
      update incident_cell_aggregates g set count = g.count - m.n from minus_cells m
      where g.city_id = ${cityId} and g.h3_r10 = m.h3_r10 and g.month = m.month and g.iccs = m.iccs and g.source = m.source
      returning 1)`;
}

async function addToAggregates(trx: Db, cityId: number, rows: ReturnType<typeof sql>): Promise<void> {
  await sql`
    insert into incident_aggregates as g (city_id, unit_id, month, iccs, sex, age_band, source, count)
    select ${cityId}, coalesce(unit_id, 0), month, iccs, sex, age_band, source, count(*)::int from (${rows}) r
    group by 2, 3, 4, 5, 6, 7
    on conflict (city_id, unit_id, month, iccs, sex, age_band, source) do update set count = g.count + excluded.count`.execute(trx);
  await sql`
    insert into incident_cell_aggregates as g (city_id, h3_r10, month, iccs, source, count)
    select ${cityId}, h3_r10, month, iccs, source, count(*)::int from (${rows}) r where h3_r10 is not null
    group by 2, 3, 4, 5
    on conflict (city_id, h3_r10, month, iccs, source) do update set count = g.count + excluded.count`.execute(trx);
}

async function dropEmptyAggregates(trx: Db, cityId: number): Promise<void> {
  await sql`delete from incident_aggregates where city_id = ${cityId} and count = 0`.execute(trx);
  await sql`delete from incident_cell_aggregates where city_id = ${cityId} and count = 0`.execute(trx);
}
