import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { loadMigrations } from './migrate.ts';

/**
 * The tenancy rules of DESIGN §3, so the schema can be distributed by city_id on Citus: every table with a
 * city_id has it first in its primary key, and a foreign key from a city-scoped table to another city-scoped
 * table carries city_id onto city_id.
 */
describe.each(storeKinds())('schema on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(() => store.dispose());

  it('has every migration applied', async () => {
    const rows = await store.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
  });

  it('puts city_id first in the primary key of every city-scoped table', async () => {
    const { rows } = await sql<{ table_name: string; first_pk_column: string | null }>`
      select c.table_name,
        (select a.attname from pg_index i
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
          where i.indrelid = ('public.' || c.table_name)::regclass and i.indisprimary) as first_pk_column
      from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and c.column_name = 'city_id' and t.table_type = 'BASE TABLE'`.execute(store.db);
    const offenders = rows.filter((r) => r.first_pk_column !== 'city_id').map((r) => r.table_name);
    expect(offenders).toEqual([]);
  });

  it('has no foreign key that crosses cities', async () => {
    const { rows } = await sql<{ name: string; from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>`
      select con.conname as name, src.relname as from_table, dst.relname as to_table,
        array(select a.attname from unnest(con.conkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o)::text[] as from_cols,
        array(select a.attname from unnest(con.confkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o)::text[] as to_cols
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_class dst on dst.oid = con.confrelid
      join pg_namespace ns on ns.oid = src.relnamespace
      where con.contype = 'f' and ns.nspname = 'public'`.execute(store.db);
    const cityScoped = async (table: string) => {
      const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and column_name = 'city_id'`.execute(store.db);
      return (r.rows[0]?.n ?? 0) > 0;
    };
    const offenders: string[] = [];
    for (const fk of rows) {
      if (!(await cityScoped(fk.from_table)) || !(await cityScoped(fk.to_table))) continue;
      const i = fk.from_cols.indexOf('city_id');
      if (i < 0 || fk.to_cols[i] !== 'city_id') offenders.push(`${fk.name} (${fk.from_table} → ${fk.to_table})`);
    }
    expect(offenders).toEqual([]);
  });

  it('detects a table that breaks the rule (the check is not vacuous)', async () => {
    await sql`create table tenancy_probe (id int primary key, city_id int not null)`.execute(store.db);
    const { rows } = await sql<{ first: string }>`
      select a.attname as first from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = 'public.tenancy_probe'::regclass and i.indisprimary`.execute(store.db);
    expect(rows[0]?.first).toBe('id');
    await sql`drop table tenancy_probe`.execute(store.db);
  });
});
