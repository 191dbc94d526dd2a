import type { ColumnMeta } from './survey-columns.ts';

/** Survey imports as the API and CLI show them. */
export const surveyStatuses = ['running', 'complete', 'failed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export type SurveyTotals = { read: number; imported: number; rejected: number; outside: number };

export type Survey = {
  id: number;
  cityId: number;
  name: string;
  formId: string | null;
  formVersion: string | null;
  formFile: string;
  dataFile: string;
  languages: string[];
  status: SurveyStatus;
  jobId: number | null;
  totals: SurveyTotals;
  /** Repeat groups of the form whose answers were skipped. */
  repeats: string[];
  /** Built-in indicators the mapping lets this survey compute. */
  indicators: string[];
  meta: ColumnMeta | null;
  firstDate: string | null;
  lastDate: string | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
};
