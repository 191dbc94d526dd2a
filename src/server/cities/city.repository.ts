import type { Kysely, Selectable } from 'kysely';
import type { City, NewCity } from '../../core/cities/city.ts';
import type { CitiesTable, DB } from '../db/schema.ts';

/** The only place with SQL for cities; returns domain types, not rows. */
export class CityRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<City[]> {
    const rows = await this.db.selectFrom('cities').selectAll().orderBy('slug').execute();
    return rows.map(toCity);
  }

  async findBySlug(slug: string): Promise<City | undefined> {
    const row = await this.db.selectFrom('cities').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toCity(row);
  }

  /** Inserts a city; returns undefined when the slug is taken. */
  async insert(city: NewCity): Promise<City | undefined> {
    const row = await this.db
      .insertInto('cities')
      .values({ slug: city.slug, name: city.name, country: city.country, timezone: city.timezone })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toCity(row);
  }
}

function toCity(row: Selectable<CitiesTable>): City {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    country: row.country,
    timezone: row.timezone,
    createdAt: row.created_at,
  };
}
