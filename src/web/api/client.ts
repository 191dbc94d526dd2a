// Typed client for the platform's REST API at /api/v1.
import type { ApiErrorBody, City, Job } from './types.ts';

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

type RequestOptions = { method?: 'GET' | 'POST'; token?: string | undefined; signal?: AbortSignal };

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method: options.method ?? 'GET',
      headers,
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, {});
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(response.status, isErrorBody(body) ? body.error : {});
  }
  return body as T;
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
