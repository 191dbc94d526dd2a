import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { reencodePhoto } from './photos.ts';

/** A minimal EXIF block (TIFF, little-endian) with a GPS IFD holding a latitude reference and latitude. */
function exifWithGps(): Buffer {
  const b = Buffer.alloc(200);
  b.write('II', 0, 'ascii');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  // IFD0: one entry, GPSInfo (0x8825) → offset 26
  b.writeUInt16LE(1, 8);
  b.writeUInt16LE(0x8825, 10);
  b.writeUInt16LE(4, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt32LE(26, 18);
  b.writeUInt32LE(0, 22);
  // GPS IFD: GPSLatitudeRef 'S', GPSLatitude 1/1, 17/1, 3456/100
  b.writeUInt16LE(2, 26);
  b.writeUInt16LE(1, 28);
  b.writeUInt16LE(2, 30);
  b.writeUInt32LE(2, 32);
  b.write('S\0', 36, 'ascii');
  b.writeUInt16LE(2, 40);
  b.writeUInt16LE(5, 42);
  b.writeUInt32LE(3, 44);
  b.writeUInt32LE(56, 48);
  b.writeUInt32LE(0, 52);
  for (const [i, [n, d]] of [
    [1, 1],
    [17, 1],
    [3456, 100],
  ].entries()) {
    b.writeUInt32LE(n!, 56 + i * 8);
    b.writeUInt32LE(d!, 60 + i * 8);
  }
  return Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), b.subarray(0, 80)]);
}

describe('photo re-encoding', () => {
  it('takes a JPEG with EXIF GPS in and gives one with no metadata out', async () => {
    const input = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 100, b: 50 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' } })
      .toBuffer();
    // Put a GPS IFD in as well: sharp's withExif writes IFD0 only, so splice a real APP1 segment after SOI.
    const app1Body = exifWithGps();
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(app1Body.length + 2) >> 8, (app1Body.length + 2) & 0xff]), app1Body]);
    const withGps = Buffer.concat([input.subarray(0, 2), app1, input.subarray(2)]);
    const before = await sharp(withGps).metadata();
    expect(before.exif).toBeDefined();
    expect(withGps.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const out = await reencodePhoto(withGps);
    const after = await sharp(Buffer.from(out.data)).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(Buffer.from(out.data).includes(Buffer.from('Exif\0\0', 'ascii'))).toBe(false);
    expect(Buffer.from(out.data).includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect([out.width, out.height]).toEqual([64, 48]);
  });

  it('refuses what is not an image', async () => {
    await expect(reencodePhoto(new TextEncoder().encode('not an image'))).rejects.toMatchObject({ code: 'community.photo_invalid' });
  });
});
