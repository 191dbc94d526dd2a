import { randomBytes } from 'node:crypto';
import type { ScriptRunner } from '../db/database.ts';
import type { Migration } from '../db/migrate.ts';
import { dependencyOrder } from './backup.table-order.ts';

export type ColumnInfo = {
  name: string;
  /** `generated always as (…) stored`: read, never inserted. */
  generated: boolean;
  /** The identity or serial sequence behind the column, as pg_get_serial_sequence names it. */
  sequence: string | null;
};

export type TableInfo = { name: string; columns: ColumnInfo[]; dependsOn: string[] };

/**
 * The SQL of backups, restores and moves, on one session (`store.session`): the catalogue (tables, dependency
 * order, sequences), snapshot reads through a cursor, and batched loads. Identifiers come from the catalogue and are
 * quoted; row data travels as a dollar-quoted JSON literal with a random tag.
 */
export class BackupRepository {
  constructor(private readonly exec: ScriptRunner) {}

  /** One consistent view of the whole store for the rest of the transaction. */
  async beginSnapshot(): Promise<void> {
    await this.exec('begin isolation level repeatable read read only');
  }

  /** A write transaction; deferrable constraints wait for the commit, so reference cycles can be loaded. */
  async beginWrite(): Promise<void> {
    await this.exec('begin; set constraints all deferred');
  }

  async commit(): Promise<void> {
    await this.exec('commit');
  }

  async rollback(): Promise<void> {
    await this.exec('rollback');
  }

  async migrationNames(): Promise<string[]> {
    const exists = await this.exec(`select to_regclass('public.schema_migrations')::text as t`);
    if (!exists[0]?.t) return [];
    const rows = await this.exec('select name from public.schema_migrations order by name');
    return rows.map((r) => String(r.name));
  }

  /** Every base table of schema public except schema_migrations, referenced tables first. */
  async tables(): Promise<TableInfo[]> {
    const rows = await this.exec(`
      select c.relname as name,
        (select coalesce(json_agg(json_build_object(
                  'name', a.attname,
                  'generated', a.attgenerated <> '',
                  'sequence', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
                order by a.attnum), '[]')
           from pg_attribute a
          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped)::text as columns,
        (select coalesce(json_agg(distinct r.relname), '[]')
           from pg_constraint k join pg_class r on r.oid = k.confrelid
          where k.conrelid = c.oid and k.contype = 'f')::text as depends_on
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        and c.relname <> 'schema_migrations'
      order by c.relname`);
    return dependencyOrder(
      rows.map((r) => ({
        name: String(r.name),
        columns: JSON.parse(String(r.columns)) as ColumnInfo[],
        dependsOn: JSON.parse(String(r.depends_on)) as string[],
      })),
    );
  }

  async countRows(table: string): Promise<number> {
    const rows = await this.exec(`select count(*)::text as n from ${qualified(table)}`);
    return Number(rows[0]?.n ?? 0);
  }

  /** Tables that hold at least one row. */
  async nonEmpty(tables: readonly string[]): Promise<string[]> {
    if (tables.length === 0) return [];
    const probes = tables.map((t) => `select ${literal(t)} as t where exists (select 1 from ${qualified(t)})`);
    const rows = await this.exec(probes.join(' union all '));
    return rows.map((r) => String(r.t));
  }

  async lockExclusive(tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await this.exec(`lock table ${tables.map(qualified).join(', ')} in access exclusive mode`);
  }

  async truncate(tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await this.exec(`truncate ${tables.map(qualified).join(', ')} restart identity cascade`);
  }

  /** Reads a table through a cursor, `batchSize` rows at a time, each row as its JSON text. Inside a transaction. */
  async *streamRows(table: string, batchSize: number): AsyncGenerator<string[]> {
    await this.exec(
      `declare backup_cursor no scroll cursor for select row_to_json(backup_row.*)::text as j from ${qualified(table)} backup_row`,
    );
    let open = true;
    try {
      for (;;) {
        const rows = await this.exec(`fetch ${Math.trunc(batchSize)} from backup_cursor`);
        if (rows.length === 0) break;
        yield rows.map((r) => String(r.j));
        if (rows.length < batchSize) break;
      }
      open = false;
      await this.exec('close backup_cursor');
    } finally {
      // On an error the transaction is aborted and rolled back by the caller, which closes the cursor too.
      if (open) await this.exec('close backup_cursor').catch(() => {});
    }
  }

  /** Inserts rows given as JSON texts (one object per row); only `columns` are set, the others take defaults. */
  async insertRows(table: string, columns: readonly string[], rows: readonly string[]): Promise<void> {
    if (rows.length === 0) return;
    const json = `[${rows.join(',')}]`;
    const tag = dollarTag(json);
    const cols = columns.map(quoteIdent).join(', ');
    await this.exec(
      `insert into ${qualified(table)} (${cols}) overriding system value
       select ${cols} from json_populate_recordset(null::${qualified(table)}, ${tag}${json}${tag})`,
    );
  }

  /** Sets every identity or serial sequence of the table to the largest value in use (left alone when empty). */
  async resetSequences(table: TableInfo): Promise<void> {
    const statements = table.columns
      .filter((c) => c.sequence)
      .map(
        (c) =>
          `select setval(${literal(c.sequence!)}::regclass, max(${quoteIdent(c.name)})) from ${qualified(table.name)} ` +
          `having max(${quoteIdent(c.name)}) is not null`,
      );
    if (statements.length) await this.exec(statements.join(';\n'));
  }

  /**
   * Drops what the migrations created in schema public (tables, views, sequences, routines, types), keeping
   * schema_migrations and anything that belongs to an extension, so the migrations can be replayed from the start.
   */
  async dropSchemaObjects(): Promise<void> {
    const notExtension = (cls: string, oid: string) =>
      `not exists (select 1 from pg_depend d where d.classid = '${cls}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
    const rows = await this.exec(`
      select case c.relkind when 'm' then 2 when 'v' then 3 when 'S' then 4 else 1 end as ord, case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                         when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end
             || ' if exists ' || format('%I.%I', n.nspname, c.relname) as what
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and c.relname <> 'schema_migrations'
         and ${notExtension('pg_class', 'c.oid')}
      union all
      select 5, 'routine if exists ' || p.oid::regprocedure::text
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and ${notExtension('pg_proc', 'p.oid')}
      union all
      select 6, case t.typtype when 'd' then 'domain' else 'type' end || ' if exists ' || format('%I.%I', n.nspname, t.typname)
        from pg_type t join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'c')
         and (t.typtype <> 'c' or exists (select 1 from pg_class k where k.oid = t.typrelid and k.relkind = 'c'))
         and ${notExtension('pg_type', 't.oid')}
      order by 1, 2`);
    if (rows.length) await this.exec(rows.map((r) => `drop ${String(r.what)} cascade`).join(';\n'));
  }

  async forgetMigrations(): Promise<void> {
    await this.exec('delete from public.schema_migrations');
  }

  /** Runs one migration inside the current transaction and records it, as `migrate` does. */
  async applyMigration(m: Migration): Promise<void> {
    await this.exec(
      `${m.sql}\n;\ninsert into public.schema_migrations (name, checksum) values (${literal(m.name)}, ${literal(m.checksum)})`,
    );
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function qualified(table: string): string {
  return `public.${quoteIdent(table)}`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function dollarTag(body: string): string {
  for (;;) {
    const tag = `$r${randomBytes(8).toString('hex')}$`;
    if (!body.includes(tag)) return tag;
  }
}
