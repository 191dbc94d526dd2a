import { describe, expect, it } from 'vitest';
import { toImportBatch } from './import-batch.ts';

const totals = { read: 10, imported: 8, updated: 0, unchanged: 0, rejected: 2, outside: 1 };

describe('an import batch read from the server', () => {
  it('reads the server’s shape: id, and the progress of its job', () => {
    const batch = toImportBatch({
      id: 7,
      status: 'running',
      source: 'police',
      fileName: 'a.csv',
      createdAt: '2026-01-01T00:00:00.000Z',
      completedAt: null,
      error: null,
      totals,
      job: { id: 3, status: 'running', progress: { done: 40, total: 100, note: null }, error: null },
    });
    expect(batch).toMatchObject({ batchId: 7, jobId: 3, status: 'running', progress: { done: 40, total: 100 }, totals });
  });

  it('reads the contract’s shape: batchId, jobId, progress', () => {
    const batch = toImportBatch({ batchId: 9, jobId: 4 }, { fileName: 'b.xlsx' });
    expect(batch).toMatchObject({ batchId: 9, jobId: 4, status: 'running', fileName: 'b.xlsx', progress: { done: 0, total: null } });
    expect(batch.totals.read).toBe(0);
  });

  it('counts a running batch whose job gave up as failed, with the job’s error', () => {
    const batch = toImportBatch({ id: 2, status: 'running', error: null, job: { id: 1, status: 'failed', error: 'boom' } });
    expect(batch).toMatchObject({ status: 'failed', error: 'boom' });
  });
});
