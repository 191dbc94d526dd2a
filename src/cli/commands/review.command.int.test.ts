import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

describe('safer review', () => {
  const root = `${inject('testRoot')}/review-${process.pid}`;
  mkdirSync(root, { recursive: true });

  it('lists no cycle on a fresh store, loads the EXAMPLE cycle only when asked, and refuses to load it twice', async () => {
    const env = { SAFER_DATA_DIR: `${root}/local` };
    const empty = await runCli(['review', 'cycles'], env);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout.trim()).toBe('id,title,boardDecisionSymbol,boardDecisionDate,scope,stages,example');
    const loaded = await runCli(['review', 'example'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stderr).toMatch(/EXAMPLE cycle example loaded/);
    const listed = await runCli(['review', 'cycles', '--format', 'json'], env);
    const cycles = JSON.parse(listed.stdout) as { id: string; title: string; example: boolean; boardDecisionSymbol: string }[];
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ id: 'example', example: true });
    expect(cycles[0]!.title).toMatch(/^EXAMPLE/);
    expect(cycles[0]!.boardDecisionSymbol).toMatch(/^EXAMPLE/);
    const twice = await runCli(['review', 'example'], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/exists already/);
  });
});
