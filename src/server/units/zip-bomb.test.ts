import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { maxShapefileInflatedBytes, readZippedShapefile } from './shapefile.reader.ts';
import { readUnitFile } from './unit-file.reader.ts';
import { deflatedZeros, rawZip } from './zip-bomb.test-support.ts';

/** Grows of the process's array buffers (where inflated bytes would go) while `work` runs. */
async function arrayBufferGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 1);
  try {
    await work().catch(() => {});
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().arrayBuffers) - before;
}

describe('a zip bomb as a Shapefile', () => {
  // 64 MiB of zeros deflate to about 64 KiB.
  const zeros = deflatedZeros(64 * 1024 ** 2);

  it('is refused from the sizes its directory declares, before anything is inflated', async () => {
    // Sixteen entries declaring 256 MiB each: 4 GiB from a file of about a megabyte.
    const entries = Array.from({ length: 16 }, (_, i) => ({ name: i === 0 ? 'bomb.shp' : `bomb${i}.dbf`, ...zeros, declaredSize: 256 * 1024 ** 2 }));
    const zip = rawZip(entries);
    expect(zip.length).toBeLessThan(2 * 1024 ** 2);
    let error: unknown;
    const grown = await arrayBufferGrowth(async () => {
      try {
        await readUnitFile(zip, 'bomb.zip');
      } catch (err) {
        error = err;
        throw err;
      }
    });
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('units.bad_file');
    expect((error as DomainError).message).toMatch(/bomb\.zip: the zip would inflate to more than 1024 MiB \(a zip bomb\?\); the limit is 1073741824 bytes/);
    expect(grown).toBeLessThan(300 * 1024 ** 2);
  });

  it('that lies about its sizes inflates no further than it declared', async () => {
    const zip = rawZip([
      { name: 'liar.shp', ...zeros, declaredSize: 1024 },
      { name: 'liar.dbf', ...zeros, declaredSize: 1024 },
    ]);
    const grown = await arrayBufferGrowth(() => readZippedShapefile(zip, 'liar.zip'));
    await expect(readZippedShapefile(zip, 'liar.zip')).rejects.toMatchObject({ code: 'units.bad_file' });
    expect(grown).toBeLessThan(32 * 1024 ** 2);
  });

  it('counts only the layer’s files against the limit, and takes a lower limit when given', async () => {
    expect(maxShapefileInflatedBytes).toBe(1024 ** 3);
    const zip = rawZip([{ name: 'readme.txt', ...zeros, declaredSize: 2 * 1024 ** 3 }]);
    await expect(readZippedShapefile(zip, 'x.zip')).rejects.toThrow(/no \.shp file/);
    const small = rawZip([{ name: 'a.shp', ...zeros, declaredSize: 64 * 1024 ** 2 }]);
    await expect(readZippedShapefile(small, 's.zip', { maxInflatedBytes: 1024 ** 2 })).rejects.toThrow(/the limit is 1048576 bytes/);
  });
});
