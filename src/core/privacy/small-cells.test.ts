import { describe, expect, it } from 'vitest';
import { SMALL_CELL_THRESHOLD, suppressSmallCells } from './small-cells.ts';

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4, keeps zero and 5 and more, and says so', () => {
    expect(SMALL_CELL_THRESHOLD).toBe(5);
    const out = suppressSmallCells([0, 1, 4, 5, 12].map((count) => ({ unit: 'A', count })));
    expect(out.rows.map((r) => r.count)).toEqual([0, null, null, 5, 12]);
    expect(out.suppressed).toBe(2);
    expect(out.note).toMatch(/1 to 4 are suppressed.*2 of 5 cells/);
  });
});
