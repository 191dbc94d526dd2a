import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CustomIndicatorInput } from '../../core/indicators/definition.ts';
import { ICCS_UNCLASSIFIED } from '../../core/reference/iccs.ts';
import { type PopulationRow, type PopulationSex, sdgAgeBands } from '../../core/units/population.ts';
import type { DB } from '../db/schema.ts';

const rollupGrains = ['sex', 'age', 'sex_age'] as const;
type RollupGrain = (typeof rollupGrains)[number];

/** Keys the yearly rollup can group by. */
export type RollupKey = 'unit' | 'year' | 'sex' | 'age' | 'source';

export type RollupCount = Partial<Record<RollupKey, string>> & { count: number };

/** The stored column behind each key, and its cast to text where it is not text. */
const rollupColumn: Record<RollupKey, { column: string; cast: string }> = {
  unit: { column: 'unit_id', cast: '::text' },
  year: { column: 'year', cast: '::text' },
  sex: { column: 'sex', cast: '' },
  age: { column: 'age_band', cast: '' },
  source: { column: 'source', cast: '' },
};

/** First key of the advisory lock that orders rollup rebuilds ("indi" in ASCII). */
const ROLLUP_LOCK = 0x696e6469;

/** The only place with SQL for record-based indicators and custom indicator definitions. */
export class IndicatorRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** What the city's incident aggregates were built from: changes with every finalised or undone import. */
  async importStamp(cityId: number): Promise<string> {
    return (await this.stamps(cityId)).imports;
  }

  /** Both stamps in one round trip: the rollup is current when they are equal. */
  async stamps(cityId: number): Promise<{ imports: string; rollup: string | undefined }> {
    const { rows } = await sql<{ imports: string; rollup: string | null }>`
      select (select count(*)::text || '/' || coalesce(max(completed_at)::text, '') || '/' || coalesce(max(undone_at)::text, '')
              from import_batches where city_id = ${cityId} and kind = 'incidents' and status in ('complete', 'undone')) as imports,
             (select stamp from indicator_rollup_stamps where city_id = ${cityId}) as rollup`.execute(this.db);
    return { imports: rows[0]?.imports ?? '', rollup: rows[0]?.rollup ?? undefined };
  }

  async rollupStamp(cityId: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('indicator_rollup_stamps').select('stamp').where('city_id', '=', cityId).executeTakeFirst();
    return row?.stamp;
  }

  /**
   * Rebuilds the city's yearly rollup from incident_aggregates in one transaction, unless another request rebuilt it
   * for this stamp meanwhile (an advisory lock per city orders concurrent rebuilds). Rows go in in primary-key order,
   * so that a code's rows lie together on disk and a question reads few pages.
   */
  async rebuildRollup(cityId: number, stamp: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${ROLLUP_LOCK}, ${cityId})`.execute(tx);
      const current = await tx.selectFrom('indicator_rollup_stamps').select('stamp').where('city_id', '=', cityId).executeTakeFirst();
      if (current?.stamp === stamp) return;
      await sql`delete from indicator_rollups where city_id = ${cityId}`.execute(tx);
      for (const grain of rollupGrains) {
        const sex = sql.raw(grain === 'age' ? "''" : 'sex');
        const age = sql.raw(grain === 'sex' ? "''" : 'age_band');
        const kept = sql.raw([grain === 'age' ? '' : ', sex', grain === 'sex' ? '' : ', age_band'].join(''));
        await sql`
          insert into indicator_rollups (city_id, grain, iccs, year, unit_id, sex, age_band, source, count)
          select city_id, ${grain}, iccs, extract(year from month)::int, unit_id, ${sex}, ${age}, source, sum(count)::int
          from incident_aggregates where city_id = ${cityId} and count > 0
          group by city_id, iccs, extract(year from month)::int, unit_id, source${kept}
          order by iccs, 4, unit_id${kept}, source`.execute(tx);
      }
      await sql`
        insert into indicator_rollup_stamps (city_id, stamp, built_at) values (${cityId}, ${stamp}, now())
        on conflict (city_id) do update set stamp = excluded.stamp, built_at = excluded.built_at`.execute(tx);
    });
  }

  /**
   * Counts over whole years [fromYear, toYear] of a code and its descendants, grouped by `by`, from the narrowest
   * grain that holds the keys asked.
   */
  async fromRollup(cityId: number, iccs: string, years: { from: number; to: number }, by: readonly RollupKey[]): Promise<RollupCount[]> {
    const grain: RollupGrain = by.includes('age') ? (by.includes('sex') ? 'sex_age' : 'age') : 'sex';
    const conditions: RawBuilder<unknown>[] = [
      sql`city_id = ${cityId}`,
      sql`grain = ${grain}`,
      iccsRange(iccs),
      sql`year between ${years.from} and ${years.to}`,
    ];
    // Grouped on the stored columns, cast to text after: the casts run once per answer row, not once per row read.
    const inner = sql.raw(by.map((k) => `${rollupColumn[k].column} as "${k}", `).join(''));
    const outer = sql.raw(by.map((k) => `"${k}"${rollupColumn[k].cast} as "${k}", `).join(''));
    const group = by.length > 0 ? sql.raw(`group by ${by.map((_, i) => i + 1).join(', ')}`) : sql``;
    const { rows } = await sql<RollupCount>`
      select ${outer} count from (
        select ${inner} sum(count)::int as count from indicator_rollups
        where ${sql.join(conditions, sql` and `)} ${group}) r`.execute(this.db);
    return rows;
  }

  /** First and last month with records in the aggregates (`YYYY-MM-DD` first days); undefined when none. */
  async monthRange(cityId: number, iccs: string): Promise<{ first: string; last: string } | undefined> {
    const { rows } = await sql<{ first: string | null; last: string | null }>`
      select min(month)::text as first, max(month)::text as last from incident_aggregates
      where city_id = ${cityId} and count > 0 and ${iccsRange(iccs)}`.execute(this.db);
    const r = rows[0];
    return r?.first && r.last ? { first: r.first, last: r.last } : undefined;
  }

  /** Changes whenever the city's population or units change: the key of the service's cache of both. */
  async referenceStamp(cityId: number): Promise<string> {
    const { rows } = await sql<{ stamp: string }>`
      select concat_ws('/',
        (select count(*)::text || ':' || coalesce(sum(population), 0)::text || ':' || coalesce(sum(year), 0)::text from population where city_id = ${cityId}),
        (select count(*)::text || ':' || coalesce(max(id), 0)::text || ':' || coalesce(sum(coalesce(valid_to_year, 0)), 0)::text from units where city_id = ${cityId})) as stamp`.execute(this.db);
    return rows[0]?.stamp ?? '';
  }

  /** Population rows that can make totals (totals and SDG age bands), every unit and year of the city. */
  async population(cityId: number): Promise<PopulationRow[]> {
    const rows = await this.db
      .selectFrom('population')
      .select(['unit_code', 'year', 'sex', 'age_band', 'population'])
      .where('city_id', '=', cityId)
      .where('age_band', 'in', [...sdgAgeBands])
      .execute();
    return rows.map((r) => ({ unitCode: r.unit_code, year: r.year, sex: r.sex as PopulationSex, ageBand: r.age_band, population: r.population }));
  }

  async listCustom(cityId: number): Promise<CustomIndicatorInput[]> {
    const rows = await this.db.selectFrom('custom_indicators').select('definition').where('city_id', '=', cityId).orderBy('code').execute();
    return rows.map((r) => r.definition as CustomIndicatorInput);
  }

  async insertCustom(cityId: number, def: CustomIndicatorInput): Promise<boolean> {
    const res = await this.db
      .insertInto('custom_indicators')
      .values({ city_id: cityId, code: def.code, definition: JSON.stringify(def) })
      .onConflict((oc) => oc.columns(['city_id', 'code']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updateCustom(cityId: number, def: CustomIndicatorInput): Promise<boolean> {
    const res = await this.db
      .updateTable('custom_indicators')
      .set({ definition: JSON.stringify(def), updated_at: new Date() })
      .where('city_id', '=', cityId)
      .where('code', '=', def.code)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async deleteCustom(cityId: number, code: string): Promise<boolean> {
    const res = await this.db.deleteFrom('custom_indicators').where('city_id', '=', cityId).where('code', '=', code).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}

/**
 * A code and its descendants as a range (codes are digit strings of at most 6 digits, so [p, p‖'999999'] holds
 * exactly those starting with p in any collation, and the primary key serves it).
 */
function iccsRange(iccs: string): RawBuilder<unknown> {
  if (iccs === ICCS_UNCLASSIFIED) return sql`iccs = ${ICCS_UNCLASSIFIED}`;
  return sql`iccs between ${iccs} and ${`${iccs}999999`}`;
}
