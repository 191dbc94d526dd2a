import { describe, expect, it } from 'vitest';
import { buildRecordKeyer, type KeyResult } from './record-key.ts';

const hash = (t: string) => `h(${t.length}:${[...t].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7)})`;
const keys = (results: KeyResult[]) => results.map((r) => (r.kind === 'key' ? r.key : r.kind));

describe('record keys', () => {
  const header = ['num', 'date', 'place'];

  it('makes identical rows distinct records by their occurrence number', () => {
    const key = buildRecordKeyer({ header, idIndexes: undefined, duplicates: 'keep', hash });
    const out = keys([key(['1', 'a', 'x']), key(['1', 'a', 'x']), key(['2', 'a', 'x']), key(['1', 'a', 'x'])]);
    expect(out[0]).toMatch(/^c:.+#1$/);
    expect(out[1]).toBe(out[0]!.replace('#1', '#2'));
    expect(out[2]).toMatch(/#1$/);
    expect(out[3]).toBe(out[0]!.replace('#1', '#3'));
  });

  it('gives the same keys to the same file read again, whatever the order of its columns', () => {
    const a = buildRecordKeyer({ header, idIndexes: undefined, duplicates: 'keep', hash });
    const b = buildRecordKeyer({ header: ['place', 'num', 'date'], idIndexes: undefined, duplicates: 'keep', hash });
    expect(keys([a(['1', 'a', 'x']), a(['1', 'a', 'x'])])).toEqual(keys([b(['x', '1', 'a']), b(['x', '1', 'a'])]));
  });

  it('treats a changed row as another record (content key)', () => {
    const a = buildRecordKeyer({ header, idIndexes: undefined, duplicates: 'keep', hash });
    expect(keys([a(['1', 'a', 'x'])])).not.toEqual(keys([buildRecordKeyer({ header, idIndexes: undefined, duplicates: 'keep', hash })(['1', 'b', 'x'])]));
  });

  it('merges identical rows when the profile says so', () => {
    const key = buildRecordKeyer({ header, idIndexes: undefined, duplicates: 'merge', hash });
    expect(keys([key(['1', 'a', 'x']), key(['1', 'a', 'x']), key(['1', 'b', 'x'])]).map((k) => k.replace(/^c:.*#/, 'c#'))).toEqual([
      'c#1',
      'merged',
      'c#1',
    ]);
  });

  it('keys by the id columns, with occurrence numbers when an id repeats', () => {
    const key = buildRecordKeyer({ header, idIndexes: [0], duplicates: 'keep', hash });
    expect(keys([key(['120', 'a', 'x']), key(['120', 'b', 'y']), key(['121', 'a', 'x'])])).toEqual([
      'id:["120"]#1',
      'id:["120"]#2',
      'id:["121"]#1',
    ]);
    const two = buildRecordKeyer({ header, idIndexes: [0, 2], duplicates: 'keep', hash });
    expect(keys([two(['120', 'a', 'x'])])).toEqual(['id:["120","x"]#1']);
    expect(key(['', 'a', 'x'])).toEqual({ kind: 'rejected', field: 'num', value: '', reason: 'record id is empty' });
  });

  it('with merge and an id, merges the same row and rejects a different one under the same id', () => {
    const key = buildRecordKeyer({ header, idIndexes: [0], duplicates: 'merge', hash });
    expect(key(['120', 'a', 'x'])).toEqual({ kind: 'key', key: 'id:["120"]#1' });
    expect(key(['120', 'a', 'x'])).toEqual({ kind: 'merged' });
    expect(key(['120', 'b', 'x'])).toMatchObject({ kind: 'rejected', field: 'num', reason: 'record id repeats with different content' });
  });
});
