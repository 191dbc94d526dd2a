#!/usr/bin/env node
// Playwright's web server: builds the web app (the server serves dist/web), empties the data
// directory named by SAFER_DATA_DIR, then runs the real server (`tsx src/server/main.ts`) and
// removes the directory again when it stops. E2E_SKIP_BUILD=1 reuses an existing dist/web.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dataDir = process.env.SAFER_DATA_DIR;
if (!dataDir || !resolve(root, dataDir).startsWith(resolve(root, '.tmp'))) {
  process.stderr.write('start-server: SAFER_DATA_DIR must be a directory under .tmp/\n');
  process.exit(2);
}
const dataPath = resolve(root, dataDir);

if (process.env.E2E_SKIP_BUILD !== '1') {
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

rmSync(dataPath, { recursive: true, force: true });
const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
const server = spawn(process.execPath, [tsx, 'src/server/main.ts'], { cwd: root, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  rmSync(dataPath, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
