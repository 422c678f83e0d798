import sharp from 'sharp';
import { DomainError } from '../../common/errors';
import { processImage } from './image-processing';

async function jpegWithGps(): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 32, channels: 3, background: '#3366cc' },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
    })
    .toBuffer();
}

async function failure(input: Buffer): Promise<DomainError> {
  try {
    await processImage(input, 'images[0]');
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('processImage', () => {
  it('re-encodes to WebP without EXIF or GPS and makes a thumbnail', async () => {
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await processImage(input, 'images[0]');
    const meta = await sharp(out.main).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    expect(out.main.includes(Buffer.from('TestCam'))).toBe(false);
    expect([out.width, out.height]).toEqual([64, 32]);
    expect((await sharp(out.thumb).metadata()).format).toBe('webp');
  });

  it('applies the EXIF orientation before dropping it', async () => {
    const rotated = await sharp({
      create: { width: 40, height: 20, channels: 3, background: '#000' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await processImage(rotated, 'images[0]');
    expect([out.width, out.height]).toEqual([20, 40]);
  });

  it('refuses a script named like an image, by content', async () => {
    const error = await failure(Buffer.from('<script>alert(1)</script>'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.errors['images[0]']).toBe('must be a JPEG, PNG or WebP image');
  });

  it('refuses a readable but unaccepted format (GIF)', async () => {
    const gif = await sharp({
      create: { width: 4, height: 4, channels: 3, background: '#fff' },
    })
      .gif()
      .toBuffer();
    const error = await failure(gif);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.errors['images[0]']).toContain('this is gif');
  });

  it('refuses a decompression bomb before decoding it', async () => {
    // 10,000 × 10,000 of one colour compresses to a few kilobytes of PNG.
    const bomb = await sharp({
      create: {
        width: 10_000,
        height: 10_000,
        channels: 3,
        background: '#000',
      },
      limitInputPixels: false,
    })
      .png({ palette: true, colours: 2, compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    const error = await failure(bomb);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.errors['images[0]']).toBe('must be at most 40 megapixels');
  });

  it('refuses a truncated image', async () => {
    const png = await sharp({
      create: { width: 200, height: 200, channels: 3, background: '#f00' },
    })
      .png()
      .toBuffer();
    const error = await failure(png.subarray(0, Math.floor(png.length / 2)));
    expect(['UNPROCESSABLE', 'UNSUPPORTED_MEDIA_TYPE']).toContain(error.code);
  });
});
