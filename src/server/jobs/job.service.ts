import { DomainError } from '../../core/errors.ts';
import { canCancel, canRetry, type Job, type JobStatus } from '../../core/jobs/job.ts';
import type { JobHandler } from './job.handler.ts';
import type { JobRepository } from './job.repository.ts';

export class JobService {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(readonly repo: JobRepository) {}

  register(handler: JobHandler): void {
    this.handlers.set(handler.kind, handler);
  }

  handler(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Queues a job after validating its payload against the handler's schema. */
  async enqueue(kind: string, payload: unknown, opts: { runAt?: Date } = {}): Promise<Job> {
    const handler = this.handlers.get(kind);
    if (!handler) {
      throw new DomainError('validation', `Unknown job kind "${kind}". Known: ${this.kinds().join(', ')}.`, {
        field: 'kind',
      });
    }
    const parsed = handler.payload.parse(payload);
    return this.repo.enqueue({ kind, payload: parsed, runAt: opts.runAt, maxAttempts: handler.maxAttempts });
  }

  list(limit = 100, status?: JobStatus): Promise<Job[]> {
    return this.repo.list(limit, status);
  }

  async get(id: number): Promise<Job> {
    const job = await this.repo.get(id);
    if (!job) throw new DomainError('job.not_found', `No job ${id}.`, { id });
    return job;
  }

  async cancel(id: number): Promise<Job> {
    const job = await this.get(id);
    if (!canCancel(job.status)) {
      throw new DomainError('job.not_cancellable', `Job ${id} is ${job.status} and cannot be cancelled.`, { id });
    }
    return (await this.repo.requestCancel(id)) ?? job;
  }

  async retry(id: number): Promise<Job> {
    const job = await this.get(id);
    if (!canRetry(job.status)) {
      throw new DomainError('job.not_retryable', `Job ${id} is ${job.status}; only failed or cancelled jobs can be retried.`, { id });
    }
    const retried = await this.repo.retry(id);
    if (!retried) throw new DomainError('job.not_retryable', `Job ${id} changed state; try again.`, { id });
    return retried;
  }
}
