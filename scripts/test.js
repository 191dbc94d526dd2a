// `npm test`: type-check, lint, message catalogues, unit and integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the end-to-end tests in the system Chromium. It never skips a step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  process.stderr.write(
    `npm test: Chromium is missing (${chromium}); the end-to-end tests need it. Install it with:\n` +
      '  sudo apt-get install -y chromium\n',
  );
  process.exit(1);
}

const pgUrl = process.env.TEST_DATABASE_URL;
const steps = [
  ['type-check', 'tsc', ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'biome', ['check', '.']],
  ['messages', process.execPath, ['scripts/check-messages.js']],
  ['unit and integration tests', 'vitest', ['run']],
  ['web build', 'vite', ['build', '--config', 'vite.config.ts', '--logLevel', 'warn']],
  ['end-to-end tests', 'playwright', ['test']],
];

const results = [];
for (const [name, cmd, args] of steps) {
  process.stderr.write(`\n=== ${name}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (r.status !== 0) {
    summary();
    process.exit(r.status ?? 1);
  }
}
summary();

function summary() {
  process.stderr.write(`\n${results.join('\n')}\n`);
  process.stderr.write(
    pgUrl
      ? 'Integration tests ran on PGlite and on PostgreSQL (TEST_DATABASE_URL).\n'
      : 'Integration tests ran on PGlite only: PostgreSQL was NOT tested (set TEST_DATABASE_URL to a PostgreSQL URL whose user may create databases).\n',
  );
}
