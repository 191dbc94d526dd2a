import { type Cell, cellText } from './cells.ts';

/**
 * Record keys: how a row is recognised across extracts (issue: "one data row is one record").
 *
 * - With `id` columns the key is their values; without, it is a hash of the row's whole content (every column, by
 *   header name, so reordered columns read the same). Either way the key ends with the occurrence number of that
 *   id or content in the file (`#1`, `#2` …): identical rows are distinct records, and the same file read again
 *   gives the same keys.
 * - With `"duplicates": "merge"` a repeated row is the same record (the occurrence is always `#1`); with `id`, a
 *   repeated id whose row differs is rejected, since the file says two different things about one record.
 */
export type KeyResult =
  | { kind: 'key'; key: string }
  | { kind: 'merged' }
  | { kind: 'rejected'; field: string; value: string; reason: string };

export type RecordKeyer = (cells: readonly Cell[]) => KeyResult;

export type KeyerOptions = {
  header: readonly string[];
  /** Indexes of the id columns in the header; undefined when the profile has no `id`. */
  idIndexes: readonly number[] | undefined;
  duplicates: 'keep' | 'merge';
  /** A stable hash of a string (the server passes SHA-256; tests may pass anything deterministic). */
  hash: (text: string) => string;
};

export function rowContent(header: readonly string[], cells: readonly Cell[], order: readonly number[]): string {
  let text = '';
  for (const i of order) text += `${header[i]}\u001f${cellText(cells[i])}\u001e`;
  return text;
}

export function buildRecordKeyer(opts: KeyerOptions): RecordKeyer {
  const { header, idIndexes, duplicates, hash } = opts;
  const order = header.map((_, i) => i).sort((a, b) => (header[a]! < header[b]! ? -1 : header[a]! > header[b]! ? 1 : a - b));
  // Occurrences are counted under a 53-bit hash of the base, not the base itself: a million rows then take tens of
  // megabytes, not hundreds. Two bases sharing a hash (about 1 in 10^5 for a million distinct rows) only share a
  // counter: their keys stay distinct and the same file still gives the same keys.
  const seen = new Map<number, number>();
  const contentOfId = new Map<number, string>();
  const idField = idIndexes?.map((i) => header[i]).join('+') ?? '';

  return (cells) => {
    let base: string;
    if (idIndexes) {
      const values = idIndexes.map((i) => cellText(cells[i]));
      if (values.every((v) => v === '')) return { kind: 'rejected', field: idField, value: '', reason: 'record id is empty' };
      base = `id:${JSON.stringify(values)}`;
      if (duplicates === 'merge') {
        const content = hash(rowContent(header, cells, order));
        const slot = hash53(base);
        const before = contentOfId.get(slot);
        if (before === undefined) contentOfId.set(slot, content);
        else if (before === content) return { kind: 'merged' };
        else return { kind: 'rejected', field: idField, value: values.join(' '), reason: 'record id repeats with different content' };
        return { kind: 'key', key: `${base}#1` };
      }
    } else {
      base = `c:${hash(rowContent(header, cells, order))}`;
      if (duplicates === 'merge') {
        const slot = hash53(base);
        if (seen.has(slot)) return { kind: 'merged' };
        seen.set(slot, 1);
        return { kind: 'key', key: `${base}#1` };
      }
    }
    const slot = hash53(base);
    const n = (seen.get(slot) ?? 0) + 1;
    seen.set(slot, n);
    return { kind: 'key', key: `${base}#${n}` };
  };
}

/** cyrb53: a fast 53-bit string hash (public domain, bryc). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
