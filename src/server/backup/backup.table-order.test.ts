import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './backup.table-order.ts';

const names = (ts: { name: string }[]) => ts.map((t) => t.name);

describe('dependencyOrder', () => {
  it('puts referenced tables first and breaks ties by name', () => {
    const order = dependencyOrder([
      { name: 'incidents', dependsOn: ['units', 'cities'] },
      { name: 'units', dependsOn: ['cities'] },
      { name: 'jobs', dependsOn: [] },
      { name: 'cities', dependsOn: [] },
    ]);
    expect(names(order)).toEqual(['cities', 'jobs', 'units', 'incidents']);
  });

  it('ignores self-references and tables outside the set', () => {
    const order = dependencyOrder([
      { name: 'units', dependsOn: ['units', 'elsewhere'] },
      { name: 'a', dependsOn: ['units'] },
    ]);
    expect(names(order)).toEqual(['units', 'a']);
  });

  it('keeps every table when there is a cycle, the cycle last', () => {
    const order = dependencyOrder([
      { name: 'b', dependsOn: ['c'] },
      { name: 'c', dependsOn: ['b'] },
      { name: 'a', dependsOn: [] },
    ]);
    expect(names(order)).toEqual(['a', 'b', 'c']);
  });
});
