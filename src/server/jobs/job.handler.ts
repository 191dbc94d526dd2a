import type { z } from 'zod';

/** What a job handler is given: its payload, progress reporting and a signal for shutdown or cancellation. */
export type JobContext<P> = {
  jobId: number;
  payload: P;
  attempt: number;
  /** Aborted when the job is cancelled or the worker shuts down; long work checks it between batches. */
  signal: AbortSignal;
  /** Records progress; throws JobCancelledError when cancellation was requested. */
  progress(done: number, total?: number | null, note?: string | null): Promise<void>;
};

export type JobHandler<S extends z.ZodType = z.ZodType> = {
  kind: string;
  payload: S;
  maxAttempts?: number;
  run(ctx: JobContext<z.output<S>>): Promise<unknown>;
};

export class JobCancelledError extends Error {
  override name = 'JobCancelledError';
}

export class WorkerStoppingError extends Error {
  override name = 'WorkerStoppingError';
}

export function defineJob<S extends z.ZodType>(handler: JobHandler<S>): JobHandler<S> {
  return handler;
}
