import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../../test/support/cli.ts';
import { createPostgresDatabase, storeKinds } from '../../../test/support/stores.ts';
import { openPGlite, openPostgres, type Store } from '../db/database.ts';

type Server = Awaited<ReturnType<typeof startServer>>;
type Ack = { key: string; id: string };

/**
 * A report acknowledged to the resident is durably stored (issue 7, "Reliability"): clients submit reports with
 * idempotency keys and retry on any failure; the server is killed with SIGKILL mid-stream and started again; then
 * every acknowledged report exists exactly once, under the id the client was given.
 */
describe.each(storeKinds())('reports survive a SIGKILL of the server on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('keeps every acknowledged report exactly once', { timeout: 240_000 }, async () => {
    const id = randomUUID().slice(0, 8);
    const dataDir = `${inject('testRoot')}/reliability-${id}`;
    const env: Record<string, string> = {
      SAFER_DATA_DIR: dataDir,
      SAFER_DEMO: '0',
      SAFER_COMMUNITY_PER_ADDRESS: '0',
      SAFER_COMMUNITY_PER_CITY: '0',
      SAFER_COMMUNITY_POW_BITS: '0',
    };
    let dbUrl: string | undefined;
    if (kind === 'postgres') {
      const db = await createPostgresDatabase(`rel${id}`, `${inject('pgPrefix')}template`);
      dbUrl = db.url;
      env.DATABASE_URL = db.url;
      cleanups.push(db.drop);
    } else {
      cpSync(inject("pgliteTemplate"), dataDir, { recursive: true });
    }
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));

    let server: Server = await startServer(env);
    cleanups.push(async () => {
      server.child.kill('SIGKILL');
    });
    let base = server.url.replace('localhost', '127.0.0.1');
    const operator = readFileSync(`${dataDir}/operator-token`, 'utf8').trim();
    const created = await fetch(`${base}/api/v1/cities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'accra', name: 'Accra', country: 'GHA', timezone: 'Africa/Accra' }),
    });
    expect(created.status).toBe(201);

    const acks: Ack[] = [];
    let failures = 0;
    let stop = false;
    /** One client: a report at a time, retried with the same key until the server acknowledges it. */
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const key = `c${n}-r${i}-${randomUUID()}`;
        const body = JSON.stringify({ category: 'poor-lighting', description: `client ${n} report ${i}`, location: { lat: 5.56 + n / 1000, lon: -0.2 } });
        for (;;) {
          try {
            const res = await fetch(`${base}/api/v1/cities/accra/community/reports`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': key },
              body,
              signal: AbortSignal.timeout(5_000),
            });
            if (res.status === 201) {
              acks.push({ key, id: ((await res.json()) as { id: string }).id });
              break;
            }
            failures++;
          } catch {
            failures++;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 1_500));
    const before = acks.length;
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    server = await startServer(env);
    base = server.url.replace('localhost', '127.0.0.1');
    await new Promise((r) => setTimeout(r, 1_500));
    stop = true;
    await Promise.all(clients);
    expect(before).toBeGreaterThan(0);
    expect(acks.length).toBeGreaterThan(before);
    expect(failures).toBeGreaterThan(0);
    await server.stop();

    const store: Store = kind === 'postgres' ? openPostgres(dbUrl!) : await openPGlite(dataDir, { role: 'cli' });
    try {
      const rows = await store.db.selectFrom('community_reports').select(['idempotency_key', 'public_id']).execute();
      const byKey = new Map<string, string[]>();
      for (const r of rows) byKey.set(r.idempotency_key!, [...(byKey.get(r.idempotency_key!) ?? []), r.public_id]);
      const problems = acks.filter((a) => (byKey.get(a.key) ?? []).join() !== a.id).map((a) => `${a.key}: ${byKey.get(a.key)?.join() ?? 'missing'}`);
      expect(problems).toEqual([]);
      expect(new Set(acks.map((a) => a.id)).size).toBe(acks.length);
      // Reports stored but not acknowledged (the kill came between commit and answer) are at most one per client.
      expect(rows.length - acks.length).toBeLessThanOrEqual(8);
    } finally {
      await store.close();
    }
  });
});
