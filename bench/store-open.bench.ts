// Opening a store: creating and migrating a fresh PGlite database against copying a migrated one (what the tests
// do) and reopening an existing one. Baseline: the fresh create + migrate, measured in the same run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPGlite } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';

const root = mkdtempSync(join(tmpdir(), 'safer-bench-'));
const runs = 3;

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const fresh: number[] = [];
const copied: number[] = [];
const reopened: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = join(root, `fresh-${i}`);
  fresh.push(
    await time(async () => {
      const s = await openPGlite(dir, { role: 'cli', skipLock: true });
      await migrate(s);
      await s.close();
    }),
  );
  const copy = join(root, `copy-${i}`);
  copied.push(
    await time(async () => {
      cpSync(dir, copy, { recursive: true });
      const s = await openPGlite(copy, { role: 'cli', skipLock: true });
      await migrate(s);
      await s.close();
    }),
  );
  reopened.push(
    await time(async () => {
      const s = await openPGlite(dir, { role: 'cli', skipLock: true });
      await s.close();
    }),
  );
}
rmSync(root, { recursive: true, force: true });

const base = median(fresh);
const row = (name: string, ms: number) =>
  `${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ${(base / ms).toFixed(1).padStart(5)}× the baseline`;
console.log(`median of ${runs} runs`);
console.log(row('baseline: create + migrate', base));
console.log(row('copy migrated template + open', median(copied)));
console.log(row('reopen existing', median(reopened)));
