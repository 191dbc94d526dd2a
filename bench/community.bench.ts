// Community reports under load (issue 7, "Speed"): the real server (`safer serve`, its own process) on
// PostgreSQL, rate limits and proof of work switched off by this bench's environment, no photos. 50 concurrent
// clients for 30 s each on:
//   1. the baseline: a trivial JSON route of the same app (GET …/community/categories, answered from memory);
//   2. report submissions: POST …/community/reports with an Idempotency-Key each (goal ≥ 500/s, p99 < 100 ms);
//   3. the public map: GET …/community/map with its cache (goal ≥ 2,000/s), over 2,000 approved reports.
// The clients run in this process on keep-alive connections (node:http; autocannon is not installed).
// PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL); a database safer_bench_community_<pid> is made and dropped.
//   npx tsx bench/community.bench.ts [seconds]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchDatabase } from './support/database.ts';
import { fmt, printTable, type ResultRow } from './support/synthetic.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.argv[2] ?? 30);
const CLIENTS = 50;

type Load = { requests: number; errors: number; seconds: number; latencies: Float64Array; statuses: Map<number, number> };

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `clients` loops, each sending one request after the other on its own keep-alive connection, for `seconds`. */
async function load(base: URL, seconds: number, clients: number, make: (n: number, i: number) => { method: string; path: string; body?: string; headers?: Record<string, string> }): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const lat: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = (n: number, i: number) =>
    new Promise<number>((resolve) => {
      const r = make(n, i);
      const req = http.request(
        { host: base.hostname, port: base.port, path: r.path, method: r.method, agent, headers: { ...(r.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } : {}), ...r.headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      if (r.body) req.write(r.body);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, n) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        const status = await one(n, i);
        lat.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status < 200 || status >= 300) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: lat.length, errors, seconds: elapsed, latencies: Float64Array.from(lat).sort(), statuses };
}

/** A free port on the loopback (the server logs at warn level only, so it cannot say which port it took). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = http.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ url: URL; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [`${root}bin/safer.js`, 'serve'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = new URL(`http://127.0.0.1:${port}`);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(new URL('/api/v1/health', url)).then((r) => r.ok).catch(() => false);
    if (up) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function api(base: URL, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
if (!serverUrl) {
  console.log('community bench: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; skipped.');
  process.exit(0);
}

const db = await createBenchDatabase(serverUrl, 'community');
const dataDir = mkdtempSync(join(tmpdir(), 'safer-bench-community-'));
let server: ChildProcess | undefined;
try {
  const started = await startServer({
    SAFER_DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    SAFER_DEMO: '0',
    SAFER_COMMUNITY_PER_ADDRESS: '0',
    SAFER_COMMUNITY_PER_CITY: '0',
    SAFER_COMMUNITY_POW_BITS: '0',
  });
  server = started.child;
  const base = started.url;
  const token = readFileSync(join(dataDir, 'operator-token'), 'utf8').trim();
  await api(base, token, 'POST', '/api/v1/cities', { slug: 'bench', name: 'Bench City', country: 'KEN', timezone: 'Africa/Nairobi' });

  // Warm-up (JIT, connection pool, caches), not counted.
  const categories = '/api/v1/cities/bench/community/categories';
  await load(base, 2, CLIENTS, () => ({ method: 'GET', path: categories }));

  const baseline = await load(base, SECONDS, CLIENTS, () => ({ method: 'GET', path: categories }));
  const run = Date.now().toString(36);
  const reports = await load(base, SECONDS, CLIENTS, (n, i) => ({
    method: 'POST',
    path: '/api/v1/cities/bench/community/reports',
    headers: { 'idempotency-key': `bench-${run}-${n}-${i}` },
    body: JSON.stringify({
      category: i % 3 === 0 ? 'poor-lighting' : i % 3 === 1 ? 'isolated-space' : 'transport-stop',
      description: `Street light out near stop ${n}-${i}; it has been dark for a week.`,
      // 40 places reported again and again (as unsafe places are), the points a few metres apart.
      location: { lat: -1.45 + ((n * 31 + i * 17) % 40) * 0.004 + (i % 7) * 1e-5, lon: 36.65 + ((n * 31 + i * 17) % 40) * 0.005 + (n % 5) * 1e-5 },
      when: { times: ['night'], days: [] },
      who: ['women'],
    }),
  }));

  // Approve 2,000 of them so the map has something to count.
  const queue = (await api(base, token, 'GET', '/api/v1/cities/bench/community/moderation/reports?limit=500')) as { reports: { id: string }[] };
  let approved = 0;
  for (let page = 0; page < 4 && approved < 2000; page++) {
    const batch = page === 0 ? queue : ((await api(base, token, 'GET', '/api/v1/cities/bench/community/moderation/reports?limit=500')) as typeof queue);
    for (const r of batch.reports) {
      await api(base, token, 'POST', `/api/v1/cities/bench/community/moderation/reports/${r.id}/actions`, { action: 'approve' });
      approved++;
    }
  }
  const mapPath = '/api/v1/cities/bench/community/map?lang=en';
  const features = ((await api(base, token, 'GET', mapPath)) as { features: unknown[] }).features.length;
  const map = await load(base, SECONDS, CLIENTS, () => ({ method: 'GET', path: mapPath }));

  const rate = (l: Load) => l.requests / l.seconds;
  const row = (what: string, l: Load, goal: string, met: boolean): ResultRow => ({
    what: `${what} (p50 ${fmt(percentile(l.latencies, 50))} ms, p99 ${fmt(percentile(l.latencies, 99))} ms, errors ${l.errors})`,
    figure: `${fmt(rate(l))}/s`,
    baseline: `${fmt(rate(baseline))}/s`,
    ratio: `${(rate(l) / rate(baseline)).toFixed(2)}×`,
    goal,
    met: met ? 'yes' : 'NO',
  });
  console.log(`community bench: PostgreSQL, ${CLIENTS} clients, ${SECONDS} s per phase; ${approved} approved reports in ${features} map features`);
  printTable([
    row('trivial JSON route (categories)', baseline, 'baseline', true),
    row('report submissions', reports, '≥ 500/s, p99 < 100 ms', rate(reports) >= 500 && percentile(reports.latencies, 99) < 100 && reports.errors === 0),
    row('public map (cached)', map, '≥ 2,000/s', rate(map) >= 2000 && map.errors === 0),
  ]);
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await db.drop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}
