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

type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export interface UnitLevelsTable {
  city_id: number;
  level: number;
  name: string;
}

export interface UnitsTable {
  city_id: number;
  id: Generated<number>;
  code: string;
  name: string;
  level: ColumnType<number, number | undefined, number>;
  parent_code: string | null;
  valid_from_year: ColumnType<number, number | undefined, number>;
  valid_to_year: number | null;
  geometry: Json;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  area_m2: number;
  issues: Json<unknown[]>;
  created_at: Timestamp;
}

export interface PopulationTable {
  city_id: number;
  unit_code: string;
  year: number;
  sex: string;
  age_band: string;
  population: number;
}

export interface ImportBatchesTable {
  city_id: number;
  id: Generated<number>;
  kind: string;
  source: string | null;
  file_name: string;
  file_sha256: string;
  profile: ColumnType<unknown, string | null | undefined, string | null>;
  status: ColumnType<string, string | undefined, string>;
  job_id: number | null;
  rows_read: ColumnType<number, number | undefined, number>;
  rows_imported: ColumnType<number, number | undefined, number>;
  rows_updated: ColumnType<number, number | undefined, number>;
  rows_unchanged: ColumnType<number, number | undefined, number>;
  rows_rejected: ColumnType<number, number | undefined, number>;
  rows_outside: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_at: Timestamp;
  completed_at: Date | null;
  undone_at: Date | null;
  heartbeat_at: Timestamp;
}

export interface ImportRejectionsTable {
  city_id: number;
  batch_id: number;
  line: number;
  field: string;
  value: string | null;
  reason: string;
}

export interface IncidentsTable {
  city_id: number;
  id: Generated<number>;
  batch_id: number;
  record_key: string;
  content_hash: string;
  source: string;
  occurred_at: Timestamp;
  /** 'YYYY-MM-DD', local to the city */
  occurred_on: string;
  /** first day of the local month, 'YYYY-MM-01' */
  month: string;
  iccs: string;
  local_category: string | null;
  sex: ColumnType<string, string | undefined, string>;
  age: number | null;
  age_band: ColumnType<string, string | undefined, string>;
  lon: number | null;
  lat: number | null;
  unit_id: number | null;
  outside: ColumnType<boolean, boolean | undefined, boolean>;
  h3_r10: string | null;
  replaced_by_batch: number | null;
}

export interface IncidentAggregatesTable {
  city_id: number;
  /** 0 = outside every unit */
  unit_id: number;
  month: string;
  iccs: string;
  sex: string;
  age_band: string;
  source: string;
  count: number;
}

export interface IncidentCellAggregatesTable {
  city_id: number;
  h3_r10: string;
  month: string;
  iccs: string;
  source: string;
  count: number;
}

// Accounts and the audit log (migrations/20261125_0003_accounts.sql).

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  status: ColumnType<string, string | undefined, string>;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  deactivated_at: Date | null;
}

export interface RecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface RoleGrantsTable {
  user_id: number;
  role: string;
  scope_kind: string;
  scope_id: ColumnType<string, string | undefined, string>;
  granted_by: string;
  granted_at: Timestamp;
}

export interface CityRoleGrantsTable {
  city_id: number;
  user_id: number;
  role: string;
  granted_by: string;
  granted_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  second_factor: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

export interface OneTimeLinksTable {
  id: Generated<number>;
  kind: string;
  token_hash: string;
  email: string | null;
  user_id: number | null;
  display_name: string | null;
  grants: Json<unknown[]>;
  language: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  key: string;
  at: Timestamp;
}

export interface PlatformSecretsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  scope_kind: string | null;
  scope_id: string | null;
  fields: Json<string[]>;
}

// Indicators and the monitoring framework (issue 5).
export interface IndicatorRollupsTable {
  city_id: number;
  grain: string;
  iccs: string;
  year: number;
  unit_id: number;
  sex: string;
  age_band: string;
  source: string;
  count: number;
}

export interface IndicatorRollupStampsTable {
  city_id: number;
  stamp: string;
  built_at: Timestamp;
}

export interface CustomIndicatorsTable {
  city_id: number;
  code: string;
  definition: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MonitoringPrioritiesTable {
  city_id: number;
  id: Generated<number>;
  title: string;
  position: number;
  created_at: Timestamp;
}

export interface MonitoringTargetsTable {
  city_id: number;
  id: Generated<number>;
  priority_id: number;
  indicator_code: string;
  baseline_value: number;
  baseline_year: number;
  target_value: number;
  target_year: number;
  created_at: Timestamp;
}

export interface MonitoringReportsTable {
  city_id: number;
  id: Generated<number>;
  job_id: number | null;
  period_from: string;
  period_to: string;
  lang: string;
  status: string;
  html: string | null;
  pdf: Uint8Array | null;
  note: string | null;
  created_at: Timestamp;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  cities: CitiesTable;
  jobs: JobsTable;
  unit_levels: UnitLevelsTable;
  units: UnitsTable;
  population: PopulationTable;
  import_batches: ImportBatchesTable;
  import_rejections: ImportRejectionsTable;
  incidents: IncidentsTable;
  incident_aggregates: IncidentAggregatesTable;
  incident_cell_aggregates: IncidentCellAggregatesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  role_grants: RoleGrantsTable;
  city_role_grants: CityRoleGrantsTable;
  sessions: SessionsTable;
  one_time_links: OneTimeLinksTable;
  sign_in_failures: SignInFailuresTable;
  platform_secrets: PlatformSecretsTable;
  audit_log: AuditLogTable;
  // Indicators and the monitoring framework (issue 5).
  indicator_rollups: IndicatorRollupsTable;
  indicator_rollup_stamps: IndicatorRollupStampsTable;
  custom_indicators: CustomIndicatorsTable;
  monitoring_priorities: MonitoringPrioritiesTable;
  monitoring_targets: MonitoringTargetsTable;
  monitoring_reports: MonitoringReportsTable;
}
