// The indicators and monitoring API (README "Indicators and monitoring").
import { query, request, send } from './client.ts';

export type IndicatorText = { text: string; status: 'official' | 'unofficial' };

export type IndicatorDefinition = {
  code: string;
  framework: 'sdg' | 'umf' | 'iccs' | 'custom';
  names: Record<string, IndicatorText>;
  descriptions: Record<string, IndicatorText>;
  unit: 'per_100000_per_year' | 'percent';
  by: string[];
  source: 'record' | 'survey';
  rule: string;
};

export type IndicatorValue = Record<string, string | undefined> & {
  value: number | null;
  lower: number | null;
  upper: number | null;
  numerator: number | null;
  denominator: number | null;
  flags: string[];
  suppressed?: boolean;
};

export type IndicatorAnswer = { code: string; unit: string; by: string[]; from: string | null; to: string | null; rows: IndicatorValue[]; notes: string[]; method: string };

export type IndicatorParams = { by?: string; from?: string; to?: string };

const cityPath = (slug: string) => `/cities/${encodeURIComponent(slug)}`;

export async function listIndicators(slug: string, signal?: AbortSignal): Promise<IndicatorDefinition[]> {
  return (await request<{ indicators: IndicatorDefinition[] }>(`${cityPath(slug)}/indicators`, { signal })).indicators;
}

export function getIndicator(slug: string, code: string, params: IndicatorParams, token?: string, signal?: AbortSignal): Promise<IndicatorAnswer> {
  return request<IndicatorAnswer>(`${cityPath(slug)}/indicators/${encodeURIComponent(code)}${query(params)}`, { token, signal });
}

/** The same answer as CSV, for the download link. */
export async function getIndicatorCsv(slug: string, code: string, params: IndicatorParams, token?: string): Promise<string> {
  const response = await send(`${cityPath(slug)}/indicators/${encodeURIComponent(code)}${query(params)}`, { token, accept: 'text/csv' });
  return response.text();
}

export type TargetProgress = {
  target: { id: number; priorityId: number; indicatorCode: string; baseline: { value: number; year: number }; target: { value: number; year: number } };
  latest: { year: number; value: number | null; lower: number | null; upper: number | null; suppressed?: boolean } | null;
  series: { year: number; value: number | null; lower: number | null; upper: number | null }[];
  trend: { method: string; annualChangePercent: number; projection: { year: number; value: number; lower: number; upper: number } } | null;
  status: 'on_track' | 'off_track' | 'uncertain' | 'no_data';
  notes: string[];
};

export type PriorityProgress = { id: number; title: string; position: number; targets: TargetProgress[] };

export async function getMonitoring(slug: string, token?: string, signal?: AbortSignal): Promise<PriorityProgress[]> {
  return (await request<{ priorities: PriorityProgress[] }>(`${cityPath(slug)}/monitoring`, { token, signal })).priorities;
}

export function addPriority(slug: string, title: string, token?: string): Promise<{ id: number }> {
  return request(`${cityPath(slug)}/monitoring/priorities`, { method: 'POST', token, json: { title } });
}

export type NewTarget = { priorityId: number; indicatorCode: string; baseline: { value: number; year: number }; target: { value: number; year: number } };

export function addTarget(slug: string, target: NewTarget, token?: string): Promise<{ id: number }> {
  return request(`${cityPath(slug)}/monitoring/targets`, { method: 'POST', token, json: target });
}

export type Report = { id: number; from: string; to: string; lang: string; status: 'queued' | 'done' | 'failed'; note: string | null; hasHtml: boolean; hasPdf: boolean };

export function startReport(slug: string, r: { from: string; to: string; lang: string }, token?: string): Promise<Report> {
  return request(`${cityPath(slug)}/monitoring/reports`, { method: 'POST', token, json: r });
}

export async function listReports(slug: string, token?: string, signal?: AbortSignal): Promise<Report[]> {
  return (await request<{ reports: Report[] }>(`${cityPath(slug)}/monitoring/reports`, { token, signal })).reports;
}

export const reportUrl = (slug: string, id: number, kind: 'html' | 'pdf') => `/api/v1${cityPath(slug)}/monitoring/reports/${id}/${kind}`;
