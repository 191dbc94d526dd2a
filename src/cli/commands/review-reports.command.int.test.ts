import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

describe('safer review calendar', () => {
  const root = `${inject('testRoot')}/review-calendar-${process.pid}`;
  mkdirSync(root, { recursive: true });

  it('prints the approved states of the EXAMPLE cycle with their stage and date, in date order, names in the language asked', async () => {
    const env = { SAFER_DATA_DIR: `${root}/local` };
    const empty = await runCli(['review', 'calendar'], env);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout.trim()).toBe('cycle,cycleTitle,example,country,name,stage,date,approvedOn');
    expect((await runCli(['review', 'example'], env)).code).toBe(0);
    const res = await runCli(['review', 'calendar', '--format', 'json', '--lang', 'fr'], env);
    expect(res.code, res.stderr).toBe(0);
    const entries = JSON.parse(res.stdout) as { country: string; name: string; stage: string; date: string }[];
    expect(entries.map((e) => e.country).sort()).toEqual(['FRA', 'JOR', 'KEN', 'MEX', 'POL']);
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
    expect(entries.find((e) => e.country === 'MEX')).toMatchObject({ name: 'Mexique', stage: 'desk_review', date: '2027-06-30' });
    const bad = await runCli(['review', 'calendar', '--lang', 'de'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--lang/);
  });
});
