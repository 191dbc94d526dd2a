import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Services } from '../services.ts';
import { defineJob } from './job.handler.ts';
import { JobRunner } from './job.runner.ts';

const quietLog = { info() {}, error() {} };

describe.each(storeKinds())('jobs on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const calls: string[] = [];
  let failuresLeft = 0;
  let release: (() => void) | undefined;

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    // Test handlers exercise the runner's mechanics; real kinds are registered by job-handlers.ts.
    services.jobs.register(
      defineJob({
        kind: 'test.count',
        payload: z.object({ to: z.number().int().min(1) }),
        maxAttempts: 2,
        async run(ctx) {
          calls.push(`count:${ctx.payload.to}:attempt${ctx.attempt}`);
          if (failuresLeft > 0) {
            failuresLeft--;
            throw new Error('flaky source');
          }
          for (let i = 1; i <= ctx.payload.to; i++) await ctx.progress(i, ctx.payload.to, `step ${i}`);
          return { counted: ctx.payload.to };
        },
      }),
    );
    services.jobs.register(
      defineJob({
        kind: 'test.wait',
        payload: z.object({}),
        async run(ctx) {
          await ctx.progress(0, 10);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          await ctx.progress(5, 10);
          ctx.signal.throwIfAborted();
          return null;
        },
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('runs a queued job with progress and keeps its result', async () => {
    const job = await services.jobs.enqueue('test.count', { to: 3 });
    const outcomes = await new JobRunner(services.jobs, quietLog).runDue();
    expect(outcomes).toEqual([{ id: job.id, kind: 'test.count', status: 'succeeded' }]);
    const done = await services.jobs.get(job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, result: { counted: 3 } });
    expect(done.progress).toEqual({ done: 3, total: 3, note: 'step 3' });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it('retries a failed attempt later, with back-off, then fails for good when attempts are spent', async () => {
    failuresLeft = 5;
    const job = await services.jobs.enqueue('test.count', { to: 1 });
    const runner = new JobRunner(services.jobs, quietLog);
    expect((await runner.runDue()).map((o) => o.status)).toEqual(['retrying']);
    const waiting = await services.jobs.get(job.id);
    expect(waiting.status).toBe('queued');
    expect(waiting.error).toBe('flaky source');
    expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now() + 3_000); // first back-off is 5 s
    expect(await runner.runDue()).toEqual([]); // not due yet
    await sql`update jobs set run_at = now() where id = ${job.id}`.execute(store.db);
    expect((await runner.runDue()).map((o) => o.status)).toEqual(['failed']);
    expect(await services.jobs.get(job.id)).toMatchObject({ status: 'failed', attempts: 2, error: 'flaky source' });
    failuresLeft = 0;
    const retried = await services.jobs.retry(job.id);
    expect(retried).toMatchObject({ status: 'queued', attempts: 0, error: null });
    expect((await runner.runDue()).map((o) => o.status)).toEqual(['succeeded']);
  });

  it('rejects an unknown kind and a bad payload, naming the field', async () => {
    await expect(services.jobs.enqueue('test.nope', {})).rejects.toMatchObject({ code: 'validation' });
    await expect(services.jobs.enqueue('test.count', { to: 0 })).rejects.toThrow(/to/);
  });

  it('cancels a queued job at once and a running one at its next progress report', async () => {
    const queued = await services.jobs.enqueue('test.count', { to: 1 });
    expect((await services.jobs.cancel(queued.id)).status).toBe('cancelled');
    await expect(services.jobs.cancel(queued.id)).rejects.toMatchObject({ code: 'job.not_cancellable' });

    const running = await services.jobs.enqueue('test.wait', {});
    const runner = new JobRunner(services.jobs, quietLog);
    const outcome = runner.runNext();
    await waitFor(() => release !== undefined);
    const asked = await services.jobs.cancel(running.id);
    expect(asked).toMatchObject({ status: 'running', cancelRequested: true });
    release?.();
    release = undefined;
    expect((await outcome)?.status).toBe('cancelled');
    expect((await services.jobs.get(running.id)).status).toBe('cancelled');
  });

  it('puts a job interrupted by shutdown back in the queue without spending an attempt', async () => {
    const job = await services.jobs.enqueue('test.wait', {});
    const runner = new JobRunner(services.jobs, quietLog);
    const outcome = runner.runNext();
    await waitFor(() => release !== undefined);
    const stopping = runner.stop();
    release?.();
    release = undefined;
    expect((await outcome)?.status).toBe('interrupted');
    await stopping;
    expect(await services.jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await services.jobs.cancel(job.id);
  });

  it('serves jobs to the operator only, and cancels and retries through the API', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs' })).statusCode).toBe(401);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/jobs',
      headers: operatorHeaders,
      payload: { kind: 'test.count', payload: { to: 2 } },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/jobs?status=queued', headers: operatorHeaders });
    expect(list.json().jobs.map((j: { id: number }) => j.id)).toContain(id);
    const cancel = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${id}/cancel`, headers: operatorHeaders });
    expect(cancel.json().status).toBe('cancelled');
    const retry = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${id}/retry`, headers: operatorHeaders });
    expect(retry.json().status).toBe('queued');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/admin/jobs/abc/cancel', headers: operatorHeaders });
    expect(bad.statusCode).toBe(400);
    const missing = await app.inject({ method: 'POST', url: '/api/v1/admin/jobs/999999/retry', headers: operatorHeaders });
    expect(missing.json().error.code).toBe('job.not_found');
    await services.jobs.cancel(id);
  });

  it('requeues jobs left running by a process that is gone', async () => {
    const job = await services.jobs.enqueue('test.count', { to: 1 });
    await services.jobs.repo.claimNext('dead-worker', ['test.count']);
    expect((await services.jobs.get(job.id)).status).toBe('running');
    await sql`update jobs set locked_at = now() - interval '1 hour' where id = ${job.id}`.execute(store.db);
    expect(await services.jobs.repo.requeueAbandoned({ everyone: false, silentForSeconds: 600 })).toBe(1);
    expect((await services.jobs.get(job.id)).status).toBe('queued');
    await services.jobs.cancel(job.id);
  });
});

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
