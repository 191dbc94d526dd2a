import { type Kysely, type RawBuilder, sql } from 'kysely';
import { ICCS_UNCLASSIFIED } from '../../core/reference/iccs.ts';
import type { DB } from '../db/schema.ts';

export type MonthBounds = { from: string | undefined; to: string | undefined };

/**
 * Read queries of hotspot analysis: counts by resolution-10 H3 cell from the aggregate that imports maintain
 * (whole months), from the records for partial months, and the records' points and days for the Knox test.
 */
export class HotspotRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Counts by cell over whole months (first days, both inclusive) and, from the records, the given day ranges. */
  async cellCounts(cityId: number, months: MonthBounds | null, days: readonly { from: string; to: string }[], iccs?: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const add = (rows: { cell: string; n: number }[]) => {
      for (const r of rows) out.set(r.cell, (out.get(r.cell) ?? 0) + r.n);
    };
    if (months) {
      const { rows } = await sql<{ cell: string; n: number }>`
        select h3_r10 as cell, sum(count)::int as n from incident_cell_aggregates
        where ${sql.join([sql`city_id = ${cityId}`, sql`count > 0`, ...monthConditions(months), ...iccsCondition(iccs, '')], sql` and `)}
        group by h3_r10`.execute(this.db);
      add(rows);
    }
    if (days.length > 0) {
      const ranges = days.map((d) => sql`i.occurred_on between ${d.from}::date and ${d.to}::date`);
      const { rows } = await sql<{ cell: string; n: number }>`
        select i.h3_r10 as cell, count(*)::int as n
        from incidents i join import_batches b on b.city_id = i.city_id and b.id = i.batch_id
        where ${sql.join([sql`i.city_id = ${cityId}`, sql`b.status = 'complete'`, sql`i.replaced_by_batch is null`, sql`i.h3_r10 is not null`, sql`(${sql.join(ranges, sql` or `)})`, ...iccsCondition(iccs, 'i.')], sql` and `)}
        group by i.h3_r10`.execute(this.db);
      add(rows);
    }
    return out;
  }

  /** Counts by cell and month (YYYY-MM) over whole months. */
  async cellMonthCounts(cityId: number, months: MonthBounds, iccs?: string): Promise<{ cell: string; month: string; n: number }[]> {
    const { rows } = await sql<{ cell: string; month: string; n: number }>`
      select h3_r10 as cell, to_char(month, 'YYYY-MM') as month, sum(count)::int as n from incident_cell_aggregates
      where ${sql.join([sql`city_id = ${cityId}`, sql`count > 0`, ...monthConditions(months), ...iccsCondition(iccs, '')], sql` and `)}
      group by 1, 2`.execute(this.db);
    return rows;
  }

  /** Located visible records on the days given (both inclusive; undefined = open): lon, lat and the day. */
  async events(cityId: number, from: string | undefined, to: string | undefined, iccs: string | undefined, limit: number) {
    const conditions = [
      sql`i.city_id = ${cityId}`,
      sql`b.status = 'complete'`,
      sql`i.replaced_by_batch is null`,
      sql`i.lon is not null`,
      sql`i.lat is not null`,
      ...iccsCondition(iccs, 'i.'),
    ];
    if (from !== undefined) conditions.push(sql`i.occurred_on >= ${from}::date`);
    if (to !== undefined) conditions.push(sql`i.occurred_on <= ${to}::date`);
    const { rows } = await sql<{ lon: number; lat: number; day: number }>`
      select i.lon, i.lat, (i.occurred_on - date '1970-01-01')::int as day
      from incidents i join import_batches b on b.city_id = i.city_id and b.id = i.batch_id
      where ${sql.join(conditions, sql` and `)}
      order by i.id limit ${limit}`.execute(this.db);
    return rows;
  }
}

function monthConditions(months: MonthBounds): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (months.from !== undefined) out.push(sql`month >= ${months.from}::date`);
  if (months.to !== undefined) out.push(sql`month <= ${months.to}::date`);
  return out;
}

function iccsCondition(iccs: string | undefined, prefix: '' | 'i.'): RawBuilder<unknown>[] {
  if (iccs === undefined) return [];
  const col = sql.raw(`${prefix}iccs`);
  // A code matches its descendants (DESIGN §4); codes are digits, so `like` needs no escaping.
  return [iccs === ICCS_UNCLASSIFIED ? sql`${col} = ${ICCS_UNCLASSIFIED}` : sql`${col} like ${`${iccs}%`}`];
}
