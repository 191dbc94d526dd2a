import type { ColumnType, Generated } from 'kysely';

/** Kysely table types. Repositories translate these rows into domain types. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface CitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  country: string;
  timezone: string;
  created_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: number | null;
  progress_note: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: Timestamp;
  locked_by: string | null;
  locked_at: Date | null;
  cancel_requested: ColumnType<boolean, boolean | undefined, boolean>;
  error: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  cities: CitiesTable;
  jobs: JobsTable;
}
