/**
 * Cells as the readers give them: text from CSV, typed values from XLSX (numbers, booleans, dates whose UTC fields
 * are the spreadsheet's wall-clock time) and GeoJSON properties.
 */
export type Cell = string | number | boolean | Date | null | undefined;

/** One data row of a file: its line (CSV line, XLSX sheet row, GeoJSON feature index + 1), cells in header order. */
export type SourceRow = {
  line: number;
  cells: readonly Cell[];
  /** A GeoJSON feature's Point (lon, lat); null when the feature has no Point. Absent for tabular files. */
  point?: readonly [number, number] | null;
};

/** A cell as text, trimmed; empty for a missing cell. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell);
}

const decimalNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number written with the file's decimal mark; undefined when the cell is empty or not a number. */
export function cellNumber(cell: Cell, decimal: '.' | ','): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cellText(cell);
  if (text === '') return undefined;
  const normal = decimal === ',' ? text.replace(',', '.') : text;
  if (!decimalNumber.test(normal)) return undefined;
  return Number(normal);
}
