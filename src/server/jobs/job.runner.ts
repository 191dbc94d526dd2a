import { randomUUID } from 'node:crypto';
import { afterFailure, type Job } from '../../core/jobs/job.ts';
import { JobCancelledError, WorkerStoppingError } from './job.handler.ts';
import type { JobService } from './job.service.ts';

export type RunnerLog = {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type JobOutcome = { id: number; kind: string; status: 'succeeded' | 'failed' | 'retrying' | 'cancelled' | 'interrupted' };

/**
 * Runs persisted jobs: in the server as a polling worker, or once from cron (`safer jobs run`).
 * One job at a time per runner; PGlite runs one query at a time anyway.
 */
export class JobRunner {
  readonly workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private current: { job: Job; abort: AbortController; done: Promise<JobOutcome> } | undefined;
  private stopping = false;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly jobs: JobService,
    private readonly log: RunnerLog,
    private readonly onProgress?: (job: Job, done: number, total: number | null, note: string | null) => void,
  ) {}

  /** Runs every job that is due now, one after another; for cron and tests. */
  async runDue(opts: { limit?: number } = {}): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    const limit = opts.limit ?? Number.POSITIVE_INFINITY;
    while (!this.stopping && outcomes.length < limit) {
      const outcome = await this.runNext();
      if (!outcome) break;
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** Claims and runs the next due job; undefined when none is due. */
  async runNext(): Promise<JobOutcome | undefined> {
    const job = await this.jobs.repo.claimNext(this.workerId, this.jobs.kinds());
    if (!job) return undefined;
    const abort = new AbortController();
    const done = this.execute(job, abort);
    this.current = { job, abort, done };
    try {
      return await done;
    } finally {
      this.current = undefined;
    }
  }

  start(pollMs: number): void {
    this.stopping = false;
    const tick = async () => {
      this.timer = undefined;
      try {
        this.polling = this.runDue().then(() => undefined);
        await this.polling;
      } catch (err) {
        this.log.error({ err }, 'job worker poll failed');
      } finally {
        this.polling = undefined;
        if (!this.stopping) this.timer = setTimeout(tick, pollMs);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling; a running job is interrupted and goes back to the queue without spending an attempt. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.current?.abort.abort(new WorkerStoppingError('worker stopping'));
    await this.polling?.catch(() => {});
  }

  private async execute(job: Job, abort: AbortController): Promise<JobOutcome> {
    const handler = this.jobs.handler(job.kind)!;
    const base = { id: job.id, kind: job.kind };
    this.log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job started');
    try {
      const payload = handler.payload.parse(job.payload);
      const result = await handler.run({
        jobId: job.id,
        payload,
        attempt: job.attempts,
        signal: abort.signal,
        progress: async (done, total = null, note = null) => {
          abort.signal.throwIfAborted();
          this.onProgress?.(job, done, total, note);
          const cancel = await this.jobs.repo.progress(job.id, done, total, note);
          if (cancel) {
            abort.abort(new JobCancelledError('cancelled'));
            throw new JobCancelledError(`Job ${job.id} was cancelled.`);
          }
        },
      });
      await this.jobs.repo.finish(job.id, 'succeeded', { result: result ?? null });
      this.log.info({ jobId: job.id }, 'job succeeded');
      return { ...base, status: 'succeeded' };
    } catch (caught) {
      const err = abort.signal.aborted && abort.signal.reason instanceof Error ? abort.signal.reason : caught;
      if (err instanceof WorkerStoppingError) {
        await this.jobs.repo.requeue(job.id, new Date(), { uncountAttempt: true });
        this.log.info({ jobId: job.id }, 'job interrupted by shutdown; queued again');
        return { ...base, status: 'interrupted' };
      }
      if (err instanceof JobCancelledError) {
        await this.jobs.repo.finish(job.id, 'cancelled', {});
        this.log.info({ jobId: job.id }, 'job cancelled');
        return { ...base, status: 'cancelled' };
      }
      const message = err instanceof Error ? err.message : String(err);
      const next = afterFailure(job.attempts, job.maxAttempts, new Date());
      this.log.error({ jobId: job.id, err, next: next.status }, 'job attempt failed');
      if (next.status === 'queued') {
        await this.jobs.repo.requeue(job.id, next.runAt, { error: message });
        return { ...base, status: 'retrying' };
      }
      await this.jobs.repo.finish(job.id, 'failed', { error: message });
      return { ...base, status: 'failed' };
    }
  }
}
