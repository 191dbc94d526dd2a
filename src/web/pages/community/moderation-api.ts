// The moderation API of a city's community reports (src/server/community/community.routes.ts).
import { ApiError } from '../../api/client.ts';
import { csrfHeader } from '../../api/session-csrf.ts';

export type QueueState = 'pending' | 'approved' | 'hidden' | 'merged' | 'all';
export type ReportStatus = 'received' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed';

export type QueueItem = {
  id: string;
  category: string;
  description: string;
  publicDescription: string | null;
  suggestedPublicDescription: string;
  location: { kind: 'point' | 'unit' | 'landmark'; unit: string | null; landmark: string | null; cell: string | null };
  flags: string[];
  moderation: 'pending' | 'approved' | 'hidden' | 'merged';
  status: ReportStatus;
  department: string | null;
  submittedAt: string;
};

export type ModerationAction =
  | { action: 'approve'; publicDescription?: string }
  | { action: 'hide' }
  | { action: 'forward'; department: string }
  | { action: 'answer'; body: string }
  | { action: 'status'; status: ReportStatus };

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, {});
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, (body as { error?: Record<string, string> } | undefined)?.error ?? {});
  return body as T;
}

export async function listQueue(city: string, state: QueueState, signal?: AbortSignal): Promise<QueueItem[]> {
  const r = await call<{ reports: QueueItem[] }>(`/cities/${encodeURIComponent(city)}/community/moderation/reports?state=${state}`, signal ? { signal } : {});
  return r.reports;
}

export async function moderate(city: string, id: string, action: ModerationAction): Promise<void> {
  await call(`/cities/${encodeURIComponent(city)}/community/moderation/reports/${id}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...csrfHeader() },
    body: JSON.stringify(action),
  });
}
