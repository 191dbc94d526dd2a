// Shapes of the `/api/v1` responses the web app reads.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type City = {
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
};

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export type Job = {
  id: number;
  kind: string;
  status: JobStatus;
  /** `note` is the server's own words about the step in progress (English, not translated). */
  progress: { done: number; total: number | null; note?: string | null };
  attempts: number;
  maxAttempts: number;
  /** True once cancellation was asked for a running job that has not stopped yet. */
  cancelRequested?: boolean;
  runAt: string;
  createdAt: string;
  startedAt?: string | null;
  finishedAt: string | null;
  /** The server's English error text (data, not a catalogue message). */
  error: string | null;
};

/** The body of every error response. */
export type ApiErrorBody = {
  error: {
    code: string;
    messageId: string;
    message: string;
    requestId?: string;
    details?: unknown;
  };
};

/** Properties of one administrative unit in `GET /cities/{city}/units` (GeoJSON, WGS 84). */
export type UnitProperties = {
  /** The unit's id as imported. */
  unit: string;
  name: string;
  level: number;
  parent: string | null;
  population: number | null;
  /** The year of `population`: the year asked for, else the nearest year with data. */
  populationYear: number | null;
  issues: number;
};

export type UnitGeometry = Polygon | MultiPolygon;
export type UnitCollection = FeatureCollection<UnitGeometry, UnitProperties>;

export type UnitLevel = { level: number; name: string | null; units: number };

/** One row of `GET /cities/{city}/incidents/summary`; `count` is null where a public answer suppresses it. */
export type SummaryRow = { unit?: string; month?: string; count: number | null };
export type Summary = { rows: SummaryRow[]; notes: string[] };

/** The `unit` of the summary row counting records outside every unit. */
export const outsideUnit = 'outside';

// The batch states and totals are the server's own (src/core, no I/O), shared rather than restated.
import type { BatchStatus as ImportStatus, ImportTotals } from '../../core/incidents/import-batch.ts';

export { batchStatuses as importStatuses } from '../../core/incidents/import-batch.ts';
export type { ImportStatus, ImportTotals };

/** An incident import (a batch), as the web app uses it whatever the server's field names. */
export type ImportBatch = {
  batchId: number;
  jobId: number | null;
  kind: string | null;
  status: ImportStatus;
  source: string | null;
  fileName: string;
  progress: { done: number; total: number | null };
  totals: ImportTotals;
  /** The server's English error text (data, not a catalogue message). */
  error: string | null;
  createdAt: string;
  completedAt: string | null;
};
