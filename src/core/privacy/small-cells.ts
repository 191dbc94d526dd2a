/**
 * Small-cell suppression for public outputs (DESIGN §6): a count resting on fewer records than the threshold is
 * not shown. Zero is shown (it discloses no record); 1 to threshold − 1 become null.
 */
export const SMALL_CELL_THRESHOLD = 5;

export type Suppressed<T extends { count: number }> = Omit<T, 'count'> & { count: number | null };

export function suppressSmallCells<T extends { count: number }>(
  rows: readonly T[],
  threshold: number = SMALL_CELL_THRESHOLD,
): { rows: Suppressed<T>[]; suppressed: number; note: string } {
  let suppressed = 0;
  const out = rows.map((r) => {
    if (r.count > 0 && r.count < threshold) {
      suppressed++;
      return { ...r, count: null };
    }
    return r;
  });
  const note =
    `Public figures: counts from 1 to ${threshold - 1} are suppressed (shown empty) to protect the people behind ` +
    `them; ${suppressed} of ${rows.length} cells suppressed.`;
  return { rows: out, suppressed, note };
}
