import { crc32 } from 'node:zlib';
import { Deflate } from 'fflate';

/** A zip entry as written, with the uncompressed size its directory declares (which a hostile zip may lie about). */
export type RawZipEntry = { name: string; deflated: Uint8Array; declaredSize: number; crc: number };

/** Deflates `size` zero bytes a megabyte at a time (never holding them all). */
export function deflatedZeros(size: number): { deflated: Uint8Array; crc: number } {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  const mib = new Uint8Array(Math.min(size, 1024 ** 2));
  let crc = 0;
  for (let left = size; left > 0; left -= mib.length) {
    const part = left >= mib.length ? mib : mib.subarray(0, left);
    crc = crc32(part, crc);
    deflate.push(part, false);
  }
  deflate.push(new Uint8Array(0), true);
  const deflated = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    deflated.set(c, at);
    at += c.length;
  }
  return { deflated, crc };
}

/** A zip archive of the entries, written by hand so that its declared sizes are what the test says. */
export function rawZip(entries: RawZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.deflated));
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(e.declaredSize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}
