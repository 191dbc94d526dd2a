import type { Kysely } from 'kysely';
import { type PopulationRow, type PopulationSex, sdgAgeBands } from '../../core/units/population.ts';
import type { DB } from '../db/schema.ts';

const CHUNK = 1000;

export const populationKey = (r: Pick<PopulationRow, 'unitCode' | 'year' | 'sex' | 'ageBand'>) =>
  `${r.unitCode}\u0000${r.year}\u0000${r.sex}\u0000${r.ageBand}`;

/** The only place with SQL for population. */
export class PopulationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts or replaces rows (key: unit, year, sex, age band). */
  async upsert(cityId: number, rows: readonly PopulationRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('population')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            city_id: cityId,
            unit_code: r.unitCode,
            year: r.year,
            sex: r.sex,
            age_band: r.ageBand,
            population: r.population,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['city_id', 'unit_code', 'year', 'sex', 'age_band']).doUpdateSet((eb) => ({ population: eb.ref('excluded.population') })),
        )
        .execute();
    }
  }

  /** Stored values for the given years, by populationKey. */
  async existing(cityId: number, years: readonly number[]): Promise<Map<string, number>> {
    if (years.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('population')
      .select(['unit_code', 'year', 'sex', 'age_band', 'population'])
      .where('city_id', '=', cityId)
      .where('year', 'in', [...years])
      .execute();
    return new Map(rows.map((r) => [populationKey({ unitCode: r.unit_code, year: r.year, sex: r.sex as PopulationSex, ageBand: r.age_band }), r.population]));
  }

  /** Every unit code the city has, at any level and in any version. */
  async unitCodes(cityId: number): Promise<Set<string>> {
    const rows = await this.db.selectFrom('units').select('code').distinct().where('city_id', '=', cityId).execute();
    return new Set(rows.map((r) => r.code));
  }

  /** Rows that can make a total (SDG bands and totals, not finer bands), for the given units. */
  async totalsInput(cityId: number, unitCodes: readonly string[]): Promise<PopulationRow[]> {
    const out: PopulationRow[] = [];
    for (let i = 0; i < unitCodes.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('population')
        .select(['unit_code', 'year', 'sex', 'age_band', 'population'])
        .where('city_id', '=', cityId)
        .where('unit_code', 'in', unitCodes.slice(i, i + CHUNK))
        .where('age_band', 'in', [...sdgAgeBands])
        .execute();
      for (const r of rows) {
        out.push({ unitCode: r.unit_code, year: r.year, sex: r.sex as PopulationSex, ageBand: r.age_band, population: r.population });
      }
    }
    return out;
  }
}
