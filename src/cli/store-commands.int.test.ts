import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../test/support/cli.ts';
import { createPostgresDatabase, storeKinds } from '../../test/support/stores.ts';

/** backup → restore and move round trips through the real `safer` command. */
// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('safer backup, restore and move', { timeout: 240_000 }, () => {
  const root = `${inject('testRoot')}/cli-store-${process.pid}`;
  const a = { SAFER_DATA_DIR: `${root}/a` };
  const b = { SAFER_DATA_DIR: `${root}/b` };
  const file = `${root}/backup.jsonl.gz`;
  mkdirSync(root, { recursive: true });

  const cities = [
    ['nairobi', 'Nairobi', 'KEN', 'Africa/Nairobi'],
    ['cairo', 'القاهرة', 'EGY', 'Africa/Cairo'],
    ['guangzhou', '广州', 'CHN', 'Asia/Shanghai'],
  ];

  it('backs up one data directory and restores it into another', async () => {
    for (const [slug, name, country, tz] of cities) {
      const r = await runCli(['city', 'add', slug!, '--name', name!, '--country', country!, '--timezone', tz!], a);
      expect(r.code).toBe(0);
    }
    const before = await runCli(['city', 'list'], a);
    const backup = await runCli(['backup', file], a);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/backup of pglite written/);

    const restore = await runCli(['restore', file], b);
    expect(restore.code, restore.stderr).toBe(0);
    const after = await runCli(['city', 'list'], b);
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toContain('القاهرة');

    // New rows continue after the restored ids.
    const more = await runCli(['city', 'add', 'lima', '--name', 'Lima', '--country', 'PER', '--timezone', 'America/Lima'], b);
    expect(more.code, more.stderr).toBe(0);
  });

  it('refuses to replace a store that holds data without --yes, and changes nothing', async () => {
    const refused = await runCli(['restore', file], b);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect((await runCli(['city', 'list'], b)).stdout).toContain('lima');
    const forced = await runCli(['restore', file, '--yes'], b);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await runCli(['city', 'list'], b)).stdout).not.toContain('lima');
  });

  it('refuses a file that is not a backup, naming it', async () => {
    const bad = await runCli(['restore', `${root}/a/operator-token`, '--yes'], b);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/operator-token/);
  });

  it.runIf(storeKinds().includes('postgres'))('moves a PGlite deployment to PostgreSQL', async () => {
    const db = await createPostgresDatabase(`move_cli_${process.pid}`);
    try {
      const move = await runCli(['move', '--to', db.url], a);
      expect(move.code, move.stderr).toBe(0);
      const onPg = await runCli(['city', 'list'], { DATABASE_URL: db.url, SAFER_DATA_DIR: `${root}/unused` });
      expect(onPg.stdout).toBe((await runCli(['city', 'list'], a)).stdout);
      const again = await runCli(['move', '--to', db.url], a);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/not empty|empty/i);
    } finally {
      await db.drop();
    }
  });

  it('names a bad --to', async () => {
    const bad = await runCli(['move', '--to', 'mysql://x'], a);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--to/);
  });
});
