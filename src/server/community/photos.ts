import sharp from 'sharp';
import { DomainError } from '../../core/errors.ts';
import type { Photo } from './community.service.ts';

const MAX_SIDE = 2048;

/**
 * Re-encodes a resident's photo as JPEG, turned upright, at most 2048 pixels a side, with every piece of metadata
 * (EXIF with its GPS position, XMP, IPTC, ICC) left behind: sharp writes none unless asked to.
 */
export async function reencodePhoto(bytes: Uint8Array): Promise<Photo> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { mime: 'image/jpeg', width: info.width, height: info.height, data: new Uint8Array(data) };
  } catch {
    throw new DomainError('community.photo_invalid', 'A photo could not be read as an image.', { field: 'photos' });
  }
}
