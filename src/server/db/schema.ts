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
  /** migrations/20261125_0004_accounts_tokens.sql */
  record_count: ColumnType<number | null, number | null | undefined, number | null>;
}

// API tokens (migrations/20261125_0004_accounts_tokens.sql).

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  secret_hash: string;
  grants: Json<unknown[]>;
  created_by: string;
  created_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
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

// Surveys (XLSForm imports, survey indicators)
export interface SurveysTable {
  city_id: number;
  id: Generated<number>;
  name: string;
  form_id: string | null;
  form_version: string | null;
  form_file: string;
  data_file: string;
  mapping: ColumnType<unknown, string, string>;
  languages: ColumnType<string[], string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  job_id: number | null;
  rows_read: ColumnType<number, number | undefined, number>;
  rows_imported: ColumnType<number, number | undefined, number>;
  rows_rejected: ColumnType<number, number | undefined, number>;
  rows_outside: ColumnType<number, number | undefined, number>;
  repeats: ColumnType<string[], string | undefined, string>;
  indicators: ColumnType<string[], string | undefined, string>;
  meta: ColumnType<unknown, string | null | undefined, string | null>;
  first_date: ColumnType<string | null, string | null | undefined, string | null>;
  last_date: ColumnType<string | null, string | null | undefined, string | null>;
  error: string | null;
  created_at: Timestamp;
  completed_at: Date | null;
}

export interface SurveyRejectionsTable {
  city_id: number;
  survey_id: number;
  line: number;
  field: string;
  value: string | null;
  reason: string;
}

export interface SurveyResponsesTable {
  city_id: number;
  survey_id: number;
  line: number;
  weight: number;
  stratum: string | null;
  cluster: string | null;
  interviewed_on: ColumnType<string | null, string | null, string | null>;
  sex: string;
  age_band: string;
  disability: string;
  unit_code: string | null;
  places: number;
  outcomes: ColumnType<Record<string, number>, string, string>;
  answers: ColumnType<Record<string, string>, string, string>;
}

export interface SurveyColumnsTable {
  city_id: number;
  survey_id: number;
  name: string;
  data: Uint8Array;
}

// Community reporting, moderation, safety audits (issue 7).
export interface CommunitySettingsTable {
  city_id: number;
  contact_retention_days: ColumnType<number, number | undefined, number>;
  languages: ColumnType<string[], string | undefined, string>;
}

export interface CommunityCategoriesTable {
  city_id: number;
  code: string;
  names: Json<Record<string, string>>;
  sensitive: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  position: ColumnType<number, number | undefined, number>;
}

export interface CommunityReportsTable {
  city_id: number;
  id: Generated<number>;
  public_id: string;
  follow_token_hash: string;
  idempotency_key: string | null;
  request_hash: string | null;
  source: ColumnType<string, string | undefined, string>;
  category: string;
  description: string;
  public_description: string | null;
  location_kind: string;
  exact_lat: number | null;
  exact_lon: number | null;
  cell: string | null;
  public_lat: number | null;
  public_lon: number | null;
  unit_code: string | null;
  landmark: string | null;
  times: Json<string[]>;
  days: Json<string[]>;
  who: Json<string[]>;
  flags: Json<string[]>;
  moderation: ColumnType<string, string | undefined, string>;
  merged_into: number | null;
  status: ColumnType<string, string | undefined, string>;
  department: string | null;
  submitted_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommunityContactsTable {
  city_id: number;
  report_id: number;
  contact: string;
  delete_after: Timestamp;
}

export interface CommunityPhotosTable {
  city_id: number;
  report_id: number;
  id: Generated<number>;
  mime: string;
  width: number;
  height: number;
  data: Uint8Array;
}

export interface CommunityReportEventsTable {
  city_id: number;
  report_id: number;
  id: Generated<number>;
  at: Timestamp;
  kind: string;
  public: ColumnType<boolean, boolean | undefined, boolean>;
  status: string | null;
  department: string | null;
  body: string | null;
  actor: string;
}

export interface CommunityAuditsTable {
  city_id: number;
  id: Generated<number>;
  cell: string | null;
  public_lat: number | null;
  public_lon: number | null;
  unit_code: string | null;
  place: string | null;
  scores: Json<number[]>;
  audited_at: Timestamp;
}

// Review mechanism, part 1 (issue 8): migrations/20261125_0009_review.sql.
export interface ReviewCyclesTable {
  id: string;
  title: string;
  board_decision_symbol: string;
  board_decision_date: ColumnType<string, string, string>;
  scope: Json<string[]>;
  stages: Json<{ stage: string; deadline: string }[]>;
  first_cycle: ColumnType<boolean, boolean | undefined, boolean>;
  checklist_version: number;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  created_at: Timestamp;
}

export interface ReviewParticipationsTable {
  cycle_id: string;
  country: string;
  review_id: string;
  status: string;
  stage: ColumnType<string, string | undefined, string>;
  language: ColumnType<string, string | undefined, string>;
  board_decision_symbol: string | null;
  requested_by: string;
  requested_at: Timestamp;
  approved_by: string | null;
  approved_at: Date | null;
}

export interface ReviewChecklistsTable {
  review_id: string;
  template_version: number;
  status: ColumnType<string, string | undefined, string>;
  confidentiality: ColumnType<string, string | undefined, string>;
  carried_from: string | null;
  updated_at: Timestamp;
}

export interface ReviewAnswersTable {
  review_id: string;
  question_id: string;
  version: number;
  answer: Json<unknown>;
  assisted: ColumnType<boolean, boolean | undefined, boolean>;
  carried_over: ColumnType<boolean, boolean | undefined, boolean>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ReviewSubmissionsTable {
  review_id: string;
  number: number;
  answers: Json<Record<string, unknown>>;
  assisted_questions: Json<string[]>;
  submitted_by: string;
  submitted_at: Timestamp;
  cleared_by: string | null;
  cleared_at: Date | null;
}

export interface ReviewEvidenceFilesTable {
  id: Generated<number>;
  review_id: string;
  question_id: string;
  name: string;
  media_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface ReviewProposalTemplatesTable {
  version: number;
  fields: Json<unknown[]>;
  created_by: string;
  created_at: Timestamp;
}

export interface ReviewProposalsTable {
  review_id: string;
  template_version: number;
  content: Json<Record<string, unknown>>;
  version: ColumnType<number, number | undefined, number>;
  status: ColumnType<string, string | undefined, string>;
  confidentiality: ColumnType<string, string | undefined, string>;
  updated_by: string | null;
  updated_at: Timestamp;
  cleared_by: string | null;
  cleared_at: Date | null;
}

export interface ReviewThreadsTable {
  id: Generated<number>;
  review_id: string;
  question_id: string | null;
  confidentiality: string;
  opened_by: string;
  opened_at: Timestamp;
}

export interface ReviewMessagesTable {
  id: Generated<number>;
  thread_id: number;
  author: string;
  side: string;
  body: string;
  at: Timestamp;
}

export interface ReviewDocumentsTable {
  id: Generated<number>;
  review_id: string | null;
  cycle_id: string | null;
  kind: string;
  confidentiality: string;
  created_by: string;
  created_at: Timestamp;
}

export interface ReviewDocumentTranslationsTable {
  document_id: number;
  language: string;
  status: string;
  translator: string | null;
  body: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}

export interface ReviewMailPreferencesTable {
  user_id: number;
  mode: string;
}

export interface ReviewNotificationsTable {
  id: Generated<number>;
  user_id: number;
  review_id: string;
  kind: string;
  created_at: Timestamp;
  sent_at: Date | null;
}

// Review mechanism, part 2 (issue 9): migrations/20261125_0010_review_reports.sql.
export interface ReviewDocumentStatesTable {
  document_id: number;
  section: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  published_at: Date | null;
}
export interface ReviewConsentsTable {
  review_id: string;
  subject: string;
  given: boolean;
  recorded_by: string;
  recorded_at: Timestamp;
}
export interface ReviewIrgMeetingsTable {
  id: Generated<number>;
  cycle_id: string | null;
  title: string;
  starts_on: ColumnType<string, string, string>;
  venue: string;
  agenda: Json<{ item: string; note: string }[]>;
  documents: Json<{ title: string; url: string }[]>;
  participants: Json<{ name: string; role: string }[]>;
  created_by: string;
  created_at: Timestamp;
}
export interface ReviewIrgOutcomesTable {
  id: Generated<number>;
  meeting_id: number;
  kind: string;
  text: string;
  adopted_at: Date | null;
  transmitted_at: Date | null;
  created_by: string;
  created_at: Timestamp;
}
export interface ReviewBoardDecisionsTable {
  id: Generated<number>;
  outcome_id: number;
  symbol: string;
  decided_on: ColumnType<string, string, string>;
  text: string;
  recorded_by: string;
  recorded_at: Timestamp;
}
export interface ReviewRecommendationsTable {
  id: Generated<number>;
  review_id: string;
  text: string;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<string, string | undefined, string>;
  last_reminded_at: Date | null;
  created_by: string;
  created_at: Timestamp;
}
export interface ReviewFollowUpUpdatesTable {
  id: Generated<number>;
  recommendation_id: number;
  status: string;
  body: string;
  evidence: Json<{ title: string; url: string }[]>;
  author: string;
  at: Timestamp;
}
export interface ReviewTaOffersTable {
  id: Generated<number>;
  partner: string;
  type: string;
  subject: string;
  details: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
}
export interface ReviewTaMatchesTable {
  id: Generated<number>;
  review_id: string;
  question_id: string;
  need_index: number;
  offer_id: number;
  status: ColumnType<string, string | undefined, string>;
  updated_by: string;
  updated_at: Timestamp;
}
export interface ReviewBudgetLinesTable {
  id: Generated<number>;
  period: string;
  name: string;
  amount: number;
  currency: string;
  created_by: string;
  created_at: Timestamp;
}
export interface ReviewContributionsTable {
  id: Generated<number>;
  donor: string;
  amount: number;
  currency: string;
  received_on: ColumnType<string, string, string>;
  unconditional: boolean;
  recorded_by: string;
  recorded_at: Timestamp;
}
export interface ReviewSpendingTable {
  id: Generated<number>;
  line_id: number;
  amount: number;
  spent_on: ColumnType<string, string, string>;
  description: string;
  recorded_by: string;
  recorded_at: Timestamp;
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
  // API tokens
  api_tokens: ApiTokensTable;
  // Indicators and the monitoring framework (issue 5).
  indicator_rollups: IndicatorRollupsTable;
  indicator_rollup_stamps: IndicatorRollupStampsTable;
  custom_indicators: CustomIndicatorsTable;
  monitoring_priorities: MonitoringPrioritiesTable;
  monitoring_targets: MonitoringTargetsTable;
  monitoring_reports: MonitoringReportsTable;
  // Surveys
  surveys: SurveysTable;
  survey_rejections: SurveyRejectionsTable;
  survey_responses: SurveyResponsesTable;
  survey_columns: SurveyColumnsTable;
  // Community reporting, moderation, safety audits (issue 7).
  community_settings: CommunitySettingsTable;
  community_categories: CommunityCategoriesTable;
  community_reports: CommunityReportsTable;
  community_contacts: CommunityContactsTable;
  community_photos: CommunityPhotosTable;
  community_report_events: CommunityReportEventsTable;
  community_audits: CommunityAuditsTable;
  // Review mechanism, part 1 (issue 8)
  review_cycles: ReviewCyclesTable;
  review_participations: ReviewParticipationsTable;
  review_checklists: ReviewChecklistsTable;
  review_answers: ReviewAnswersTable;
  review_submissions: ReviewSubmissionsTable;
  review_evidence_files: ReviewEvidenceFilesTable;
  review_proposal_templates: ReviewProposalTemplatesTable;
  review_proposals: ReviewProposalsTable;
  review_threads: ReviewThreadsTable;
  review_messages: ReviewMessagesTable;
  review_documents: ReviewDocumentsTable;
  review_document_translations: ReviewDocumentTranslationsTable;
  review_mail_preferences: ReviewMailPreferencesTable;
  review_notifications: ReviewNotificationsTable;
  // Review mechanism, part 2 (issue 9)
  review_document_states: ReviewDocumentStatesTable;
  review_consents: ReviewConsentsTable;
  review_irg_meetings: ReviewIrgMeetingsTable;
  review_irg_outcomes: ReviewIrgOutcomesTable;
  review_board_decisions: ReviewBoardDecisionsTable;
  review_recommendations: ReviewRecommendationsTable;
  review_follow_up_updates: ReviewFollowUpUpdatesTable;
  review_ta_offers: ReviewTaOffersTable;
  review_ta_matches: ReviewTaMatchesTable;
  review_budget_lines: ReviewBudgetLinesTable;
  review_contributions: ReviewContributionsTable;
  review_spending: ReviewSpendingTable;
}
