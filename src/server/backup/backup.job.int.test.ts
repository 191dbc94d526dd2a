import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { JobRunner } from '../jobs/job.runner.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import { createServices, type Services } from '../services.ts';
import { backupsDir, resolveBackupFile, STORE_BACKUP_JOB } from './backup.job.ts';
import { type Content, dumpContent } from './backup.test-support.ts';
import { restoreBackup } from './backup-restore.service.ts';

const quietLog = { info() {}, error() {} };

describe('backup file paths', () => {
  const dataDir = '/srv/safer/data';

  it('takes relative paths from <dataDir>/backups and keeps every path inside it', () => {
    expect(resolveBackupFile(dataDir, 'nightly.jsonl.gz')).toBe('/srv/safer/data/backups/nightly.jsonl.gz');
    expect(resolveBackupFile(dataDir, '/srv/safer/data/backups/2026/a.jsonl.gz')).toBe('/srv/safer/data/backups/2026/a.jsonl.gz');
    expect(resolveBackupFile(dataDir, '../pg/evil.gz')).toBeUndefined();
    expect(resolveBackupFile(dataDir, '/etc/passwd')).toBeUndefined();
    expect(resolveBackupFile(dataDir, '/srv/safer/data/backups')).toBeUndefined();
    expect(resolveBackupFile(dataDir, 'a/../../x.gz')).toBeUndefined();
  });
});

describe.each(storeKinds())('the store.backup job on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  let runner: JobRunner;
  let dataDir: string;
  let expected: Content;

  beforeAll(async () => {
    store = await openTestStore(kind);
    dataDir = mkdtempSync(join(inject('testRoot'), 'job-data-'));
    services = createServices(store);
    registerJobHandlers(services, { dataDir });
    runner = new JobRunner(services.jobs, quietLog);
    await services.cities.create({ slug: 'dakar', name: 'Dakar', country: 'SEN', timezone: 'Africa/Dakar' });
    await services.cities.create({ slug: 'tunis', name: 'تونس', country: 'TUN', timezone: 'Africa/Tunis' });
  });
  afterAll(async () => {
    await store.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a backup into <dataDir>/backups that restores into a fresh store', async () => {
    const job = await services.jobs.enqueue(STORE_BACKUP_JOB, {});
    expected = await dumpContent(store);
    expect(await runner.runDue()).toEqual([{ id: job.id, kind: STORE_BACKUP_JOB, status: 'succeeded' }]);
    const done = await services.jobs.get(job.id);
    const result = done.result as { file: string; rows: number; tables: { name: string; rows: number }[] };
    expect(result.file.startsWith(`${backupsDir(dataDir)}/safer-`)).toBe(true);
    expect(result.file).toMatch(/safer-\d{8}T\d{6}\.\d{3}Z\.jsonl\.gz$/);
    expect(readdirSync(backupsDir(dataDir))).toEqual([result.file.split('/').at(-1)]);
    expect(done.progress).toMatchObject({ done: result.tables.length, total: result.tables.length });

    const fresh = await openTestStore(kind);
    try {
      await restoreBackup(fresh, result.file);
      const restored = await dumpContent(fresh);
      // The backup saw its own job running; everything else is as it was when the job was queued.
      expect({ ...restored, jobs: [] }).toEqual({ ...expected, jobs: [] });
      expect(restored.jobs).toHaveLength(1);
      expect(JSON.parse(restored.jobs![0]!)).toMatchObject({ id: job.id, kind: STORE_BACKUP_JOB, status: 'running' });
    } finally {
      await fresh.dispose();
    }
  });

  it('writes to a named file inside the backups folder and never replaces a backup', async () => {
    const first = await services.jobs.enqueue(STORE_BACKUP_JOB, { file: 'weekly/w01.jsonl.gz' });
    await runner.runDue();
    expect((await services.jobs.get(first.id)).status).toBe('succeeded');
    expect(existsSync(join(backupsDir(dataDir), 'weekly/w01.jsonl.gz'))).toBe(true);

    const again = await services.jobs.enqueue(STORE_BACKUP_JOB, { file: 'weekly/w01.jsonl.gz' });
    await runner.runDue();
    const refused = await services.jobs.get(again.id);
    expect(refused.error).toMatch(/exists already/);
  });

  it('refuses at queueing a file outside the backups folder, even through a link', async () => {
    await expect(services.jobs.enqueue(STORE_BACKUP_JOB, { file: '../escape.jsonl.gz' })).rejects.toThrow(/must be inside/);
    await expect(services.jobs.enqueue(STORE_BACKUP_JOB, { file: '/tmp/x.jsonl.gz' })).rejects.toThrow(/must be inside/);
    symlinkSync(dataDir, join(backupsDir(dataDir), 'out'));
    await expect(services.jobs.enqueue(STORE_BACKUP_JOB, { file: 'out/x.jsonl.gz' })).rejects.toThrow(/must be inside/);
  });
});
