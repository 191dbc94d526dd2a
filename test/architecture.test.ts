import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Layers of DESIGN §2: core imports nothing above it and no I/O; web never imports server or cli; only
 * repositories (and the db folder that opens the store) hold SQL; only config.ts reads the environment.
 */
const root = new URL('../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const isTest = (f: string) => /\.test\.tsx?$|\.test-support\.ts$/.test(f);

describe('architecture', () => {
  it('keeps src/core pure', () => {
    const offenders = files('src/core')
      .filter((f) => !isTest(f))
      .flatMap((f) =>
        imports(f)
          .filter((i) => /^(node:|fs$|path$|kysely|pg$|@electric-sql|fastify|react)/.test(i) || /\/(server|cli|web)\//.test(i))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the web app off the server and the CLI', () => {
    // src/web/build holds Vite plugins that run in Node at build time, not in the browser.
    const offenders = files('src/web')
      .filter((f) => !f.startsWith('src/web/build/'))
      .flatMap((f) =>
      imports(f)
        .filter((i) => /\/(server|cli)\//.test(i) || /^(node:|kysely|pg$|fastify)/.test(i))
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in repositories', () => {
    const allowed = (f: string) =>
      /\.repository\.ts$/.test(f) || f.startsWith('src/server/db/') || isTest(f);
    const offenders = files('src/server')
      .concat(files('src/cli'))
      .filter((f) => !allowed(f))
      .filter((f) => {
        const text = readFileSync(join(root, f), 'utf8');
        return /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(text);
      });
    expect(offenders).toEqual([]);
  });

  it('reads the environment only in src/server/config.ts', () => {
    const offenders = [...files('src'), ...files('test')]
      .filter((f) => f !== 'src/server/config.ts' && !f.startsWith('test/architecture'))
      .filter((f) => /process\.env\b/.test(readFileSync(join(root, f), 'utf8')))
      .filter((f) => !f.startsWith('test/support/cli.ts'));
    expect(offenders.map((f) => relative('.', f))).toEqual([]);
  });
});
