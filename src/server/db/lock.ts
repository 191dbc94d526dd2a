import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors.ts';

/**
 * One writer for PGlite (DESIGN §3): whoever opens the store holds `safer.lock` in the data directory with
 * its process id. A lock whose process is gone is stale and is taken over.
 */
export type LockHolder = {
  pid: number;
  role: 'server' | 'cli';
  /** Where a server holding the lock answers, so the CLI can send its work there. */
  url?: string;
  startedAt: string;
};

export type StoreLock = { path: string; holder: LockHolder; update(patch: Partial<LockHolder>): void; release(): void };

export function lockPath(dataDir: string): string {
  return join(dataDir, 'safer.lock');
}

export function readLock(dataDir: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, if any (a stale lock reads as none). */
export function liveLockHolder(dataDir: string): LockHolder | undefined {
  const holder = readLock(dataDir);
  return holder && holder.pid !== process.pid && isProcessAlive(holder.pid) ? holder : undefined;
}

export function acquireLock(dataDir: string, role: LockHolder['role']): StoreLock {
  const path = lockPath(dataDir);
  const holder: LockHolder = { pid: process.pid, role, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      return makeLock(path, holder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const current = readLock(dataDir);
      if (current && isProcessAlive(current.pid)) {
        throw new DomainError(
          'store.locked',
          `The data directory ${dataDir} is in use by process ${current.pid} (${current.role}).`,
          current,
        );
      }
      // Stale (or unreadable) lock: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DomainError('store.locked', `Could not take the lock ${path}.`);
}

function makeLock(path: string, holder: LockHolder): StoreLock {
  let released = false;
  return {
    path,
    holder,
    update(patch) {
      Object.assign(holder, patch);
      writeFileAtomic(path, JSON.stringify(holder));
    },
    release() {
      if (released) return;
      released = true;
      const current = (() => {
        try {
          return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
        } catch {
          return undefined;
        }
      })();
      if (current?.pid === holder.pid) rmSync(path, { force: true });
    },
  };
}

function writeFileAtomic(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  writeSync(fd, text);
  closeSync(fd);
}
