// The review mechanism's API (/api/v1/review), with the session cookie and its CSRF token.
import { ApiError } from '../../api/client.ts';
import { csrfHeader } from '../../api/session-csrf.ts';

export type Stage = 'self_assessment' | 'desk_review' | 'dialogue' | 'report' | 'approval' | 'publication';
export type Cycle = {
  id: string;
  title: string;
  boardDecision: { symbol: string; date: string };
  scope: string[];
  stages: { stage: Stage; deadline: string }[];
  firstCycle: boolean;
  example: boolean;
};
export type Participant = {
  cycleId: string;
  country: string;
  reviewId: string;
  status: string;
  stage: Stage;
  language: string;
  name: string;
  group: string | null;
  deadline: string | null;
  overdue: boolean;
};
export type BalanceWarning = { kind: string; group?: string; count?: number; total?: number; target?: { min: number; max: number } };
export type Balance = { counts: { group: string; count: number }[]; total: number; warnings: BalanceWarning[] };
export type Evidence = { kind: 'link'; url: string; title: string } | { kind: 'file'; fileId: number; name: string };
export type TaNeed = { type: string; subject: string; details: string };
export type Answer = {
  status: string | null;
  narrative: string;
  measures: string;
  difficulties: string;
  goodPractices: string;
  evidence: Evidence[];
  taNeeds: TaNeed[];
};
export type StoredAnswer = { questionId: string; version: number; answer: Answer; assisted: boolean; carriedOver: boolean; updatedAt: string };
export type Question = { id: string; section: string; paragraph: string; text: Record<string, string>; textStatus: string };
export type SubmissionInfo = { number: number; submittedBy: string; submittedAt: string; clearedBy: string | null; clearedAt: string | null };
export type ChecklistView = {
  review: Participant;
  cycle: Cycle;
  example: boolean;
  side: string;
  status: 'draft' | 'submitted' | 'cleared';
  confidentiality: string;
  carriedFrom: string | null;
  questions: Question[];
  answers: StoredAnswer[];
  progress: { section: string; answered: number; total: number }[];
  submissions: SubmissionInfo[];
};
export type Message = { id: number; author: string; side: string; body: string; at: string };
export type Thread = { id: number; questionId: string | null; confidentiality: string; messages: Message[] };
export type Change = { questionId: string; fields: string[]; before: Answer | null; after: Answer | null };
export type ProposalField = { id: string; kind: string; label: Record<string, string> };
export type Proposal = { proposal: { version: number; status: string; content: Record<string, string | string[] | boolean>; confidentiality: string }; template: { version: number; fields: ProposalField[] } };

export async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError(0, {});
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, (json as { error?: Record<string, unknown> } | undefined)?.error ?? {});
  return json as T;
}

/** The path of a review's state-side routes, and of the reviewer-side ones. */
export const stateChecklist = (country: string, review: string) => `/review/countries/${country}/checklists/${review}`;
export const reviewerBase = (review: string) => `/review/reviews/${review}`;
