import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SummaryKey } from '../../core/incidents/summary.ts';
import { ICCS_UNCLASSIFIED } from '../../core/reference/iccs.ts';
import type { DB } from '../db/schema.ts';

export type CountFilter = { iccs?: string; source?: string };

/** A count grouped by some of the summary keys; `unit` is the unit id as text ("0" = outside). */
export type CountRow = Partial<Record<SummaryKey, string>> & { count: number };

const aggregateColumn: Record<SummaryKey, string> = {
  unit: 'unit_id::text',
  month: "to_char(month, 'YYYY-MM')",
  iccs: 'iccs',
  sex: 'sex',
  age: 'age_band',
  source: 'source',
};

const recordColumn: Record<SummaryKey, string> = {
  unit: 'coalesce(i.unit_id, 0)::text',
  month: "to_char(i.month, 'YYYY-MM')",
  iccs: 'i.iccs',
  sex: 'i.sex',
  age: 'i.age_band',
  source: 'i.source',
};

/** Read queries of the incident summary: whole months from the aggregate table, partial months from the records. */
export class IncidentSummaryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async fromAggregates(
    cityId: number,
    by: readonly SummaryKey[],
    months: { from: string | undefined; to: string | undefined },
    filter: CountFilter,
  ): Promise<CountRow[]> {
    const conditions: RawBuilder<unknown>[] = [sql`city_id = ${cityId}`, sql`count > 0`];
    if (months.from !== undefined) conditions.push(sql`month >= ${months.from}::date`);
    if (months.to !== undefined) conditions.push(sql`month <= ${months.to}::date`);
    conditions.push(...filters(filter, ''));
    const { rows } = await sql<CountRow>`
      select ${selectList(by, aggregateColumn)} sum(count)::int as count
      from incident_aggregates where ${sql.join(conditions, sql` and `)}
      ${groupBy(by)}`.execute(this.db);
    return rows;
  }

  /** Counts of visible records on the given days (both bounds inclusive, local days). */
  async fromRecords(cityId: number, by: readonly SummaryKey[], days: { from: string; to: string }[], filter: CountFilter): Promise<CountRow[]> {
    if (days.length === 0) return [];
    const ranges = days.map((d) => sql`i.occurred_on between ${d.from}::date and ${d.to}::date`);
    const { rows } = await sql<CountRow>`
      select ${selectList(by, recordColumn)} count(*)::int as count
      from incidents i join import_batches b on b.city_id = i.city_id and b.id = i.batch_id
      where i.city_id = ${cityId} and b.status = 'complete' and i.replaced_by_batch is null
        and (${sql.join(ranges, sql` or `)})
        ${sql.join([sql``, ...filters(filter, 'i.')], sql` and `)}
      ${groupBy(by)}`.execute(this.db);
    return rows;
  }
}

function selectList(by: readonly SummaryKey[], columns: Record<SummaryKey, string>) {
  return sql.raw(by.map((k) => `${columns[k]} as "${k}", `).join(''));
}

function groupBy(by: readonly SummaryKey[]) {
  return sql.raw(`group by ${by.map((_, i) => i + 1).join(', ')}`);
}

function filters(filter: CountFilter, prefix: '' | 'i.'): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  const col = (name: string) => sql.raw(`${prefix}${name}`);
  if (filter.iccs !== undefined) {
    // A code matches its descendants (DESIGN §4); codes are digits, so `like` needs no escaping.
    out.push(filter.iccs === ICCS_UNCLASSIFIED ? sql`${col('iccs')} = ${ICCS_UNCLASSIFIED}` : sql`${col('iccs')} like ${`${filter.iccs}%`}`);
  }
  if (filter.source !== undefined) out.push(sql`${col('source')} = ${filter.source}`);
  return out;
}
