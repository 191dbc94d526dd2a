// Typed client for the platform's REST API at /api/v1.
import { toImportBatch } from './import-batch.ts';
import { csrfHeader } from './session-csrf.ts';
import type {
  ApiErrorBody,
  City,
  ImportBatch,
  Job,
  Summary,
  UnitCollection,
  UnitLevel,
} from './types.ts';

const base = '/api/v1';

/** A failed call: the HTTP status and the server's error, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Catalogue key of the message to show the reader. */
  readonly messageId: string;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(status: number, body: Partial<ApiErrorBody['error']>) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network' : 'internal');
    this.messageId = body.messageId ?? (status === 0 ? 'error.network' : 'error.internal');
    this.requestId = body.requestId;
    this.details = body.details;
  }
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string | undefined;
  signal?: AbortSignal | undefined;
  body?: FormData;
  /** A JSON body (sent with its content type). */
  json?: unknown;
  accept?: string;
};

/** Sends a request; answers the response when it is 2xx, else throws an ApiError. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  // Without a token the session cookie authenticates: a write then carries the session's CSRF token.
  else if ((options.method ?? 'GET') !== 'GET') Object.assign(headers, csrfHeader());
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method: options.method ?? 'GET',
      headers,
      signal: options.signal ?? null,
      credentials: 'same-origin',
      ...(body ? { body } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, {});
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status, isErrorBody(body) ? body.error : {});
  }
  return response;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  return body as T;
}

/** A query string of the parameters that have a value, e.g. `?level=1&year=2020`. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null;
}

export async function listCities(signal?: AbortSignal): Promise<City[]> {
  const body = await request<{ cities: City[] }>('/cities', { signal });
  return body.cities;
}

export type NewCity = { slug: string; name: string; country: string; timezone: string };

/** Creates a city (the secretariat, or the operator with the token); answers its public fields. */
export async function createCity(city: NewCity, token?: string): Promise<City> {
  const body = await request<City & { timezone: string }>('/cities', { method: 'POST', token, json: city });
  return { slug: body.slug, name: body.name, country: body.country };
}

export async function listJobs(token: string, signal?: AbortSignal): Promise<Job[]> {
  const body = await request<{ jobs: Job[] }>('/admin/jobs', { token, signal });
  return body.jobs;
}

export async function cancelJob(id: number, token: string): Promise<void> {
  await request<unknown>(`/admin/jobs/${id}/cancel`, { method: 'POST', token });
}

export async function retryJob(id: number, token: string): Promise<void> {
  await request<unknown>(`/admin/jobs/${id}/retry`, { method: 'POST', token });
}

// City data: one city, its units with population, and incident counts.

const cityPath = (slug: string) => `/cities/${encodeURIComponent(slug)}`;

export function getCity(slug: string, signal?: AbortSignal): Promise<City> {
  return request<City>(cityPath(slug), { signal });
}

export async function listUnitLevels(slug: string, signal?: AbortSignal): Promise<UnitLevel[]> {
  const body = await request<{ levels: UnitLevel[] }>(`${cityPath(slug)}/units/levels`, { signal });
  return body.levels;
}

/** Names a level of a city's units (the operator, or an administrator). */
export function renameUnitLevel(slug: string, level: number, name: string, token?: string): Promise<UnitLevel> {
  return request<UnitLevel>(`${cityPath(slug)}/units/levels/${level}`, { method: 'PUT', token, json: { name } });
}

export function getUnits(
  slug: string,
  params: { level?: number | undefined; year?: number | undefined },
  signal?: AbortSignal,
): Promise<UnitCollection> {
  return request<UnitCollection>(`${cityPath(slug)}/units${query(params)}`, { signal });
}

export type SummaryParams = {
  by: 'unit' | 'month';
  from?: string | undefined;
  to?: string | undefined;
  iccs?: string | undefined;
  source?: string | undefined;
  level?: number | undefined;
};

/** Incident counts; with the operator token they are exact, without it small counts are suppressed. */
export async function getSummary(
  slug: string,
  params: SummaryParams,
  token?: string,
  signal?: AbortSignal,
): Promise<Summary> {
  const body = await request<Partial<Summary>>(`${cityPath(slug)}/incidents/summary${query(params)}`, {
    token,
    signal,
  });
  return { rows: body.rows ?? [], notes: body.notes ?? [] };
}

// Incident imports (operator only).

export async function listImports(slug: string, token: string, signal?: AbortSignal): Promise<ImportBatch[]> {
  const body = await request<{ imports?: unknown[] }>(`${cityPath(slug)}/imports`, { token, signal });
  return (body.imports ?? []).map((batch) => toImportBatch(batch));
}

export async function getImport(
  slug: string,
  batchId: number,
  token: string,
  signal?: AbortSignal,
): Promise<ImportBatch> {
  return toImportBatch(await request<unknown>(`${cityPath(slug)}/imports/${batchId}`, { token, signal }));
}

/** Uploads a file with its import profile (JSON text); the import then runs on the server as a job. */
export async function startImport(slug: string, file: File, profile: string, token: string): Promise<ImportBatch> {
  const body = new FormData();
  // The server reads the profile before the file: it must come first.
  body.append('profile', profile);
  body.append('file', file, file.name);
  const answer = await request<unknown>(`${cityPath(slug)}/imports`, { method: 'POST', token, body });
  return toImportBatch(answer, { fileName: file.name });
}

export async function undoImport(slug: string, batchId: number, token: string): Promise<void> {
  await request<unknown>(`${cityPath(slug)}/imports/${batchId}/undo`, { method: 'POST', token });
}

/** The rejected rows of an import as CSV text (header `line,field,value,reason`). */
export async function getRejectionsCsv(
  slug: string,
  batchId: number,
  token: string,
  signal?: AbortSignal,
): Promise<string> {
  const response = await send(`${cityPath(slug)}/imports/${batchId}/rejections.csv`, {
    token,
    signal,
    accept: 'text/csv',
  });
  return response.text();
}

// Hotspot analysis (exact for the city's analysts and administrators signed in, else the public version).

export type HotspotParams = {
  method: 'gistar' | 'gi' | 'lisa';
  grid: string;
  variable: 'count' | 'rate';
  from?: string | undefined;
  to?: string | undefined;
  iccs?: string | undefined;
};

export type HotspotFeature = {
  type: 'Feature';
  geometry: import('geojson').Polygon | import('geojson').MultiPolygon;
  properties: { unit?: string; cell?: string; class: string; z: number | null; p_fdr: number | null; value: number | null };
};

export type HotspotAnswer = {
  features: HotspotFeature[];
  parameters: { method: string; grid: string; weights: string; transform: string; variable: string; permutations: number; seed: number; exact: boolean; suggestedH3: number | null };
  islands?: string[];
};

export function getHotspots(slug: string, params: HotspotParams, signal?: AbortSignal): Promise<HotspotAnswer> {
  return request<HotspotAnswer>(`${cityPath(slug)}/hotspots${query(params)}`, { signal, accept: 'application/geo+json' });
}

// Surveys (the survey import page)

/** A survey import as the API answers it (src/server/surveys/survey.routes.ts). */
export type Survey = {
  id: number;
  name: string;
  formFile: string;
  dataFile: string;
  languages: string[];
  status: 'running' | 'complete' | 'failed';
  totals: { read: number; imported: number; rejected: number; outside: number };
  repeats: string[];
  indicators: string[];
  firstDate: string | null;
  lastDate: string | null;
  error: string | null;
  createdAt: string;
  job: { id: number; status: string; progress: { done: number; total: number | null; note: string | null }; error: string | null } | null;
};

export async function listSurveys(slug: string, token: string, signal?: AbortSignal): Promise<Survey[]> {
  return (await request<{ surveys: Survey[] }>(`${cityPath(slug)}/surveys`, { token, signal })).surveys;
}

export function getSurvey(slug: string, id: number, token: string, signal?: AbortSignal): Promise<Survey> {
  return request<Survey>(`${cityPath(slug)}/surveys/${id}`, { token, signal });
}

/** Uploads the XLSForm, its submissions export and the mapping; the import then runs on the server as a job. */
export function startSurveyImport(slug: string, form: File, data: File, fields: Record<string, string>, token: string): Promise<Survey> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) body.append(key, value);
  body.append('form', form, form.name);
  body.append('data', data, data.name);
  return request<Survey>(`${cityPath(slug)}/surveys`, { method: 'POST', token, body });
}

export async function deleteSurvey(slug: string, id: number, token: string): Promise<void> {
  await send(`${cityPath(slug)}/surveys/${id}`, { method: 'DELETE', token });
}

/** The mapping file of the standard modules form, as text. */
export async function getStandardMapping(signal?: AbortSignal): Promise<string> {
  return (await send('/surveys/standard-mapping.json', { signal })).text();
}
