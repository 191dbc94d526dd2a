// Shapes of the `/api/v1` responses the web app reads.

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
