import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openCsv } from './csv.reader.ts';

async function read(bytes: Buffer, file: { delimiter: string; decimal: '.' | ','; encoding: string }) {
  const { header, rows } = await openCsv(Readable.from([bytes]), file);
  const out: { line: number; cells: readonly unknown[] }[] = [];
  for await (const r of rows) out.push(r);
  return { header, rows: out };
}

describe('CSV dialects', () => {
  it('reads semicolons in windows-1252, counting lines from the header as 1, blank and multi-line rows included', async () => {
    const text = 'nature;x\r\nDÉGRADATION;1,5\r\n\r\n"VOL;\r\nTENTATIVE";2\r\nÉCHANGE;3\r\n';
    const { header, rows } = await read(iconv.encode(text, 'windows-1252'), { delimiter: ';', decimal: ',', encoding: 'windows-1252' });
    expect(header).toEqual(['nature', 'x']);
    expect(rows).toEqual([
      { line: 2, cells: ['DÉGRADATION', '1,5'] },
      { line: 4, cells: ['VOL;\r\nTENTATIVE', '2'] },
      { line: 6, cells: ['ÉCHANGE', '3'] },
    ]);
  });

  it('strips a UTF-8 byte order mark, reads tabs, keeps a stray quote', async () => {
    const { header, rows } = await read(Buffer.from('\uFEFFa\tb\n5" screen\t2\n'), { delimiter: '\t', decimal: '.', encoding: 'utf-8' });
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([{ line: 2, cells: ['5" screen', '2'] }]);
  });

  it('reads UTF-16 with its byte order mark', async () => {
    const { header } = await read(iconv.encode('ville,n\nZürich,1\n', 'utf-16le', { addBOM: true }), { delimiter: ',', decimal: '.', encoding: 'utf-16le' });
    expect(header).toEqual(['ville', 'n']);
  });
});
