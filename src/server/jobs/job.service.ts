import { type Actor, operatorActor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { canCancel, canRetry, type Job, type JobStatus } from '../../core/jobs/job.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { JobHandler } from './job.handler.ts';
import type { JobRepository } from './job.repository.ts';

export class JobService {
  private readonly handlers = new Map<string, JobHandler>();

  /** With `audit`, cancels and retries (and enqueues that name an actor) are recorded in the audit log. */
  constructor(
    readonly repo: JobRepository,
    private readonly audit?: AuditService,
  ) {}

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
  async enqueue(kind: string, payload: unknown, opts: { runAt?: Date; actor?: Actor } = {}): Promise<Job> {
    const handler = this.handlers.get(kind);
    if (!handler) {
      throw new DomainError('validation', `Unknown job kind "${kind}". Known: ${this.kinds().join(', ')}.`, {
        field: 'kind',
      });
    }
    const parsed = handler.payload.parse(payload);
    const job = await this.repo.enqueue({ kind, payload: parsed, runAt: opts.runAt, maxAttempts: handler.maxAttempts });
    if (opts.actor) await this.recordAction(opts.actor, 'job.enqueue', job, Object.keys(parsed ?? {}));
    return job;
  }

  list(limit = 100, status?: JobStatus): Promise<Job[]> {
    return this.repo.list(limit, status);
  }

  async get(id: number): Promise<Job> {
    const job = await this.repo.get(id);
    if (!job) throw new DomainError('job.not_found', `No job ${id}.`, { id });
    return job;
  }

  async cancel(id: number, actor: Actor = operatorActor): Promise<Job> {
    const job = await this.get(id);
    if (!canCancel(job.status)) {
      throw new DomainError('job.not_cancellable', `Job ${id} is ${job.status} and cannot be cancelled.`, { id });
    }
    const cancelled = (await this.repo.requestCancel(id)) ?? job;
    await this.recordAction(actor, 'job.cancel', cancelled, ['status']);
    return cancelled;
  }

  async retry(id: number, actor: Actor = operatorActor): Promise<Job> {
    const job = await this.get(id);
    if (!canRetry(job.status)) {
      throw new DomainError('job.not_retryable', `Job ${id} is ${job.status}; only failed or cancelled jobs can be retried.`, { id });
    }
    const retried = await this.repo.retry(id);
    if (!retried) throw new DomainError('job.not_retryable', `Job ${id} changed state; try again.`, { id });
    await this.recordAction(actor, 'job.retry', retried, ['status']);
    return retried;
  }

  private async recordAction(actor: Actor, action: 'job.enqueue' | 'job.cancel' | 'job.retry', job: Job, fields: string[]): Promise<void> {
    await this.audit?.record(actor, { action, target: { type: 'job', id: job.id }, fields: action === 'job.enqueue' ? ['kind', ...fields] : fields });
  }
}
