import { type Kysely, type Selectable, sql } from 'kysely';
import type { Job, JobStatus } from '../../core/jobs/job.ts';
import type { DB, JobsTable } from '../db/schema.ts';

export type EnqueueInput = { kind: string; payload: unknown; runAt?: Date; maxAttempts?: number };

/** The only place with SQL for jobs. */
export class JobRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async enqueue(input: EnqueueInput): Promise<Job> {
    const row = await this.db
      .insertInto('jobs')
      .values({
        kind: input.kind,
        payload: JSON.stringify(input.payload ?? {}),
        run_at: input.runAt ?? new Date(),
        max_attempts: input.maxAttempts ?? 3,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(row);
  }

  async get(id: number): Promise<Job | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toJob(row);
  }

  async list(limit: number, status?: JobStatus): Promise<Job[]> {
    let q = this.db.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
    if (status) q = q.where('status', '=', status);
    return (await q.execute()).map(toJob);
  }

  /** Takes the next due job for a worker, atomically, and counts the attempt. */
  async claimNext(workerId: string, kinds: readonly string[]): Promise<Job | undefined> {
    if (kinds.length === 0) return undefined;
    const row = await this.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        locked_at: sql<Date>`now()`,
        started_at: sql<Date>`coalesce(started_at, now())`,
        attempts: sql<number>`attempts + 1`,
      })
      .where(
        'id',
        '=',
        this.db
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('run_at', '<=', sql<Date>`now()`)
          .where('kind', 'in', kinds)
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
    return row && toJob(row);
  }

  /** Records progress and returns whether cancellation was requested. */
  async progress(id: number, done: number, total: number | null, note: string | null): Promise<boolean> {
    const row = await this.db
      .updateTable('jobs')
      .set({ progress_done: done, progress_total: total, progress_note: note, locked_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returning('cancel_requested')
      .executeTakeFirst();
    return row?.cancel_requested ?? false;
  }

  async finish(id: number, status: 'succeeded' | 'failed' | 'cancelled', fields: { result?: unknown; error?: string }) {
    await this.db
      .updateTable('jobs')
      .set({
        status,
        result: fields.result === undefined ? null : JSON.stringify(fields.result),
        error: fields.error ?? null,
        finished_at: sql<Date>`now()`,
        locked_by: null,
        locked_at: null,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Puts a job back in the queue (a failed attempt to retry, or one interrupted by shutdown). */
  async requeue(id: number, runAt: Date, fields: { error?: string | null; uncountAttempt?: boolean }) {
    await this.db
      .updateTable('jobs')
      .set({
        status: 'queued',
        run_at: runAt,
        error: fields.error ?? null,
        locked_by: null,
        locked_at: null,
        ...(fields.uncountAttempt ? { attempts: sql<number>`greatest(attempts - 1, 0)` } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Cancels a queued job at once, or asks a running one to stop. Returns the job after the change. */
  async requestCancel(id: number): Promise<Job | undefined> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    await this.db.updateTable('jobs').set({ cancel_requested: true }).where('id', '=', id).where('status', '=', 'running').execute();
    return this.get(id);
  }

  async retry(id: number): Promise<Job | undefined> {
    const row = await this.db
      .updateTable('jobs')
      .set({
        status: 'queued',
        attempts: 0,
        run_at: sql<Date>`now()`,
        error: null,
        cancel_requested: false,
        finished_at: null,
        progress_done: 0,
      })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'cancelled'])
      .returningAll()
      .executeTakeFirst();
    return row && toJob(row);
  }

  /**
   * Jobs left `running` by a worker that is gone go back to the queue: all of them when `everyone` (a PGlite store
   * has one writer, so at start nothing else can be running), else those whose worker has been silent too long.
   */
  async requeueAbandoned(opts: { everyone: boolean; silentForSeconds?: number }): Promise<number> {
    let q = this.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, locked_at: null, cancel_requested: false })
      .where('status', '=', 'running');
    if (!opts.everyone) {
      q = q.where('locked_at', '<', sql<Date>`now() - make_interval(secs => ${opts.silentForSeconds ?? 600})`);
    }
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    status: row.status as JobStatus,
    progress: { done: row.progress_done, total: row.progress_total, note: row.progress_note },
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    cancelRequested: row.cancel_requested,
    error: row.error,
    result: row.result,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
