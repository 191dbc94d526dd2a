// A job list covering every status, for the tests that stub GET /api/v1/admin/jobs: the server
// under test starts empty and has no job kinds registered yet, so it cannot make these itself.
const at = '2026-03-01T09:30:00.000Z';

function job(id: number, status: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'incidents.import',
    status,
    progress: { done: 0, total: 100, note: null },
    attempts: 1,
    maxAttempts: 3,
    cancelRequested: false,
    runAt: at,
    createdAt: at,
    startedAt: null,
    finishedAt: null,
    error: null,
    result: null,
    ...extra,
  };
}

export const jobsFixture = {
  jobs: [
    job(5, 'running', { progress: { done: 40, total: 100, note: 'rows 4,001–8,000' }, startedAt: at }),
    job(4, 'queued', { kind: 'report.render', attempts: 0, progress: { done: 0, total: null, note: null } }),
    job(3, 'failed', { attempts: 3, finishedAt: at, error: 'Line 12: unknown ICCS code 0999' }),
    job(2, 'cancelled', { kind: 'some.future.kind', finishedAt: at }),
    job(1, 'succeeded', { progress: { done: 100, total: 100, note: null }, finishedAt: at }),
  ],
};
