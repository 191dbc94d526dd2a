import type { Command } from 'commander';
import { z } from 'zod';
import { type Job, jobStatuses } from '../../core/jobs/job.ts';
import type { Config } from '../../server/config.ts';
import { toJobDto } from '../../server/jobs/job.routes.ts';
import { JobRunner } from '../../server/jobs/job.runner.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { progressBar } from '../progress.ts';
import { withLocalServices, withTarget } from '../target.ts';

type JobDto = ReturnType<typeof toJobDto>;

const columns = ['id', 'kind', 'status', 'done', 'total', 'attempts', 'maxAttempts', 'runAt', 'createdAt', 'finishedAt', 'error'];

function row(j: JobDto): Record<string, unknown> {
  return { ...j, done: j.progress.done, total: j.progress.total ?? '' };
}

const idSchema = z.coerce.number().int().positive();

export function jobsCommand(program: Command, config: () => Config): void {
  const jobs = program.command('jobs').description('persisted jobs: list, run due ones (for cron), cancel, retry');

  jobs
    .command('list')
    .description('list jobs, newest first')
    .option('--status <status>', `one of ${jobStatuses.join(', ')}`)
    .option('--limit <n>', 'how many', '100')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (opts: unknown) => {
      const o = parseOptions(
        z.object({ status: z.enum(jobStatuses).optional(), limit: z.coerce.number().int().min(1).max(1000), format: formatSchema }),
        opts,
      );
      const list = await withTarget(config(), async (t) => {
        if (t.kind === 'local') return (await t.services.jobs.list(o.limit, o.status)).map(toJobDto);
        const qs = new URLSearchParams({ limit: String(o.limit), ...(o.status ? { status: o.status } : {}) });
        return (await t.api.request<{ jobs: JobDto[] }>('GET', `/api/v1/admin/jobs?${qs}`)).jobs;
      });
      writeTable(o.format, columns, list.map(row));
    });

  jobs
    .command('run')
    .description('run every job that is due, then exit (for cron on deployments without a long-running server)')
    .option('--limit <n>', 'stop after this many jobs')
    .action(async (opts: unknown) => {
      const o = parseOptions(z.object({ limit: z.coerce.number().int().min(1).optional() }), opts);
      await withLocalServices(config(), async (services) => {
        let bar: ReturnType<typeof progressBar> | undefined;
        let current: number | undefined;
        const runner = new JobRunner(
          services.jobs,
          {
            info: (obj, msg) => note(`${msg} ${JSON.stringify(obj)}`),
            error: (obj, msg) => note(`${msg} ${JSON.stringify(obj, (k, v) => (k === 'err' ? String(v) : v))}`),
          },
          (job: Job, done, total) => {
            if (current !== job.id) {
              bar?.stop();
              bar = progressBar(`job ${job.id} ${job.kind}`);
              current = job.id;
            }
            bar?.update(done, total);
          },
        );
        const outcomes = await runner.runDue({ limit: o.limit });
        bar?.stop();
        note(outcomes.length === 0 ? 'no job was due' : `${outcomes.length} job(s) run`);
        writeTable('csv', ['id', 'kind', 'status'], outcomes);
        if (outcomes.some((x) => x.status === 'failed')) process.exitCode = 1;
      });
    });

  for (const action of ['cancel', 'retry'] as const) {
    jobs
      .command(action)
      .description(action === 'cancel' ? 'cancel a queued or running job' : 'queue a failed or cancelled job again')
      .argument('<id>', 'job id')
      .action(async (id: string) => {
        const jobId = parseOptions(z.object({ id: idSchema }), { id }).id;
        const job = await withTarget(config(), async (t) =>
          t.kind === 'local'
            ? toJobDto(await t.services.jobs[action](jobId))
            : await t.api.request<JobDto>('POST', `/api/v1/admin/jobs/${jobId}/${action}`),
        );
        note(`job ${job.id} is ${job.status}${job.cancelRequested && job.status === 'running' ? ' (stopping)' : ''}`);
      });
  }
}
