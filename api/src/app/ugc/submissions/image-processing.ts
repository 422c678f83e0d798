import sharp from 'sharp';
import { DomainError, unprocessable } from '../../common/errors';

/** Refuses decompression bombs: a small file that would expand past this many pixels. */
export const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
const MAIN_EDGE = 2048;
const THUMB_EDGE = 480;

export interface ProcessedImage {
  main: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  contentType: 'image/webp';
}

/**
 * Checks an upload by its content (never its name or declared type), then re-encodes it: `.rotate()`
 * applies the EXIF orientation and the re-encode drops every metadata block, GPS included.
 */
export async function processImage(
  input: Buffer,
  field: string,
): Promise<ProcessedImage> {
  let format: string | undefined;
  let pixels = 0;
  try {
    const meta = await sharp(input, { failOn: 'error' }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0) * (meta.pages ?? 1);
  } catch {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'That file is not an image we can read',
      { [field]: 'must be a JPEG, PNG or WebP image' },
    );
  }
  if (!format || !ACCEPTED_FORMATS.has(format))
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Only JPEG, PNG and WebP images are accepted',
      {
        [field]: `must be a JPEG, PNG or WebP image (this is ${format ?? 'unknown'})`,
      },
    );
  if (pixels > MAX_INPUT_PIXELS)
    throw unprocessable('That image has too many pixels', {
      [field]: `must be at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels`,
    });
  try {
    const base = sharp(input, {
      failOn: 'error',
      limitInputPixels: MAX_INPUT_PIXELS,
    }).rotate();
    const main = await base
      .clone()
      .resize(MAIN_EDGE, MAIN_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await base
      .clone()
      .resize(THUMB_EDGE, THUMB_EDGE, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      main: main.data,
      thumb,
      width: main.info.width,
      height: main.info.height,
      contentType: 'image/webp',
    };
  } catch {
    throw unprocessable('That image could not be processed', {
      [field]: 'is damaged or truncated',
    });
  }
}
