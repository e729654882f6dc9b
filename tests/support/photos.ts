import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export interface PhotoOptions {
  width: number;
  height: number;
  /** Stored lying on its side with EXIF Orientation 6, as phones do: the upright photo is width × height. */
  sideways?: boolean;
  /** Camera make, model and a GPS position in EXIF (on by default: what a phone writes). */
  camera?: boolean;
  format?: 'jpeg' | 'png' | 'webp' | 'gif';
}

/** The EXIF tags tests look for. */
export const EXIF_TAG = { make: 0x010f, orientation: 0x0112, gps: 0x8825 } as const;

/** The mark in an upright test photo's top-left quarter (pure red); the rest is blue. */
export const MARK = { r: 255, g: 0, b: 0 };

/**
 * Writes a photo made with sharp: blue, with a red block in the top-left
 * corner of the upright picture, so a test can tell which way is up.
 */
export async function writePhoto(
  file: string,
  { width, height, sideways = false, camera = true, format = 'jpeg' }: PhotoOptions,
): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  const mark = await sharp({
    create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: MARK },
  })
    .png()
    .toBuffer();
  const upright = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 200 } } })
    .composite([{ input: mark, top: 0, left: 0 }])
    .png()
    .toBuffer();
  // Rotated 270° clockwise on disk; Orientation 6 says "turn 90° clockwise to view".
  let photo = sideways ? sharp(upright).rotate(270).withMetadata({ orientation: 6 }) : sharp(upright);
  if (camera) {
    photo = photo.withExif({
      IFD0: { Make: 'Samsung', Model: 'Galaxy A54' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 8/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 50/1 24/1' },
    });
  }
  await photo.toFormat(format, { quality: 90 }).toFile(file);
  return file;
}

/** Tag numbers in an EXIF block's first directory (IFD0), which points to the GPS one. */
export function exifTags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const ifd = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}
