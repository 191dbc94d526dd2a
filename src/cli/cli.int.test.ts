import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, startServer } from '../../test/support/cli.ts';
import { acquireLock, lockPath } from '../server/db/lock.ts';

// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('the safer command on a PGlite data directory', { timeout: 240_000 }, () => {
  const dataDir = `${inject('testRoot')}/cli-${process.pid}`;
  const env = { SAFER_DATA_DIR: dataDir };

  beforeAll(() => mkdirSync(dataDir, { recursive: true }));

  it('has help for every command', async () => {
    const top = await runCli(['--help'], env);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'city', 'jobs', 'migrate']) expect(top.stdout).toContain(cmd);
    const sub = await runCli(['city', 'add', '--help'], env);
    expect(sub.stdout).toMatch(/--country <ISO3>/);
  });

  it('creates and lists cities, CSV on stdout with one header row', async () => {
    const add = await runCli(['city', 'add', 'nairobi', '--name', 'Nairobi', '--country', 'KEN', '--timezone', 'Africa/Nairobi'], env);
    expect(add.stderr).toContain('city nairobi created');
    expect(add.code).toBe(0);
    const list = await runCli(['city', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe('slug,name,country,timezone\nnairobi,Nairobi,KEN,Africa/Nairobi\n');
  });

  it('never loads the demo city', async () => {
    const list = await runCli(['city', 'list', '--format', 'json'], env);
    expect(JSON.parse(list.stdout).map((c: { slug: string }) => c.slug)).toEqual(['nairobi']);
  });

  it('names each bad flag and exits non-zero', async () => {
    const bad = await runCli(['city', 'add', 'Bad Slug', '--name', 'X', '--country', 'ke', '--timezone', 'Nowhere'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--country/);
    expect(bad.stderr).toMatch(/--timezone/);
    const unknown = await runCli(['city', 'frobnicate'], env);
    expect(unknown.code).toBe(2);
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid, role: 'server', url: 'http://127.0.0.1:1', startedAt: '' }));
    const list = await runCli(['city', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('nairobi');
  });

  it('refuses a second opener in the same process and another live process', () => {
    const lock = acquireLock(dataDir, 'cli');
    try {
      expect(() => acquireLock(dataDir, 'cli')).toThrow(/in use by process/);
    } finally {
      lock.release();
    }
  });

  describe('while the server holds the directory', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      server = await startServer({ ...env, SAFER_DEMO: '0' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('keeps the operator token readable only by the machine user', () => {
      expect(statSync(`${dataDir}/operator-token`).mode & 0o777).toBe(0o600);
      expect(readFileSync(`${dataDir}/operator-token`, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    });

    it('sends the CLI work to the server API instead of opening the store twice', async () => {
      const add = await runCli(['city', 'add', 'lyon', '--name', 'Lyon', '--country', 'FRA', '--timezone', 'Europe/Paris'], env);
      expect(add.stderr).toContain('city lyon created');
      const res = await fetch(`${server.url}/api/v1/cities`);
      expect((await res.json()).cities.map((c: { slug: string }) => c.slug)).toEqual(['lyon', 'nairobi']);
      const jobs = await runCli(['jobs', 'list'], env);
      expect(jobs.code).toBe(0);
      expect(jobs.stdout.split('\n')[0]).toMatch(/^id,kind,status/);
    });

    it('refuses store-level work while the server runs, saying who holds it', async () => {
      const run = await runCli(['jobs', 'run'], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/in use by process \d+ \(server at http/);
    });

    it('stops gracefully and releases the lock', async () => {
      expect(await server.stop()).toBe(0);
      expect(() => statSync(lockPath(dataDir))).toThrow();
    });
  });
});
