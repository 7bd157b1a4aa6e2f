import sharp from 'sharp';

/**
 * Uploaded photos are decoded and encoded again before they are kept. Checking the first bytes
 * is not enough: a PNG or GIF header followed by HTML or script would be stored and served from
 * the app's own origin. Re-encoding keeps only pixels, so nothing the sender wrote survives
 * except the picture, and it drops all metadata (EXIF GPS of a phone photo is a privacy leak).
 */

/** Decompression bombs: refuse to decode more pixels than this (a 50 MP phone photo fits). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Photos are shown on phones and the admin desktop: a longer side than this only costs bytes. */
export const MAX_SIDE_PX = 4096;
/** A decode or encode that takes longer is abandoned rather than holding a worker thread. */
const TIMEOUT_SECONDS = 15;

export type ImageFormat = 'jpeg' | 'png' | 'webp';

export interface CleanImage {
  bytes: Buffer;
  mime: `image/${ImageFormat}`;
  ext: 'jpg' | 'png' | 'webp';
  width: number;
  height: number;
}

const OUTPUT: Record<ImageFormat, Pick<CleanImage, 'mime' | 'ext'>> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
};

/**
 * The format the first bytes claim. Only these four are ever handed to the decoder: sharp would
 * also read SVG, TIFF, HEIF or PDF, whose parsers we do not want to expose to anonymous input.
 */
export function sniffImage(buf: Buffer): 'jpeg' | 'png' | 'gif' | 'webp' | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.subarray(0, 6).toString('latin1'))) return 'gif';
  if (buf.length >= 12 && buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

/** Why a file is refused, in words for the user (the upload answers VALIDATION with fields.file). */
export class ImageRejected extends Error {}

/**
 * Decodes `buf` fully and answers a fresh encoding of its pixels: same format for JPEG, PNG and
 * WebP; GIF becomes PNG (its first frame: photos of needs and records are not animations, and
 * PNG keeps the frame lossless). Rotated upright from the EXIF orientation, at most
 * MAX_SIDE_PX on the long side, no metadata. Throws ImageRejected for anything that is not a
 * whole, decodable image of those formats.
 */
export async function reencodeImage(buf: Buffer): Promise<CleanImage> {
  const claimed = sniffImage(buf);
  if (!claimed) throw new ImageRejected('只能上传 JPG、PNG、GIF 或 WebP 图片');
  // failOn 'warning' (the default, spelled out): a truncated or corrupt file is refused, not
  // half-decoded. limitInputPixels is checked from the header before any pixel is allocated.
  const input = () => sharp(buf, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true });
  let detected: string | undefined;
  try {
    detected = (await input().metadata()).format;
  } catch (err) {
    throw rejection(err);
  }
  // The decoder's own opinion must agree with the magic bytes (no SVG behind a JPEG name etc.).
  if (detected !== claimed) throw new ImageRejected('图片已损坏或无法识别，请换一张');
  const format: ImageFormat = claimed === 'gif' ? 'png' : claimed;
  const pipeline = input()
    .timeout({ seconds: TIMEOUT_SECONDS })
    .resize({ width: MAX_SIDE_PX, height: MAX_SIDE_PX, fit: 'inside', withoutEnlargement: true });
  const encoded =
    format === 'jpeg' ? pipeline.jpeg({ quality: 85 }) : format === 'webp' ? pipeline.webp({ quality: 85 }) : pipeline.png();
  try {
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, ...OUTPUT[format], width: info.width, height: info.height };
  } catch (err) {
    throw rejection(err);
  }
}

/** sharp's errors are plain Errors; only the pixel limit deserves its own words. */
function rejection(err: unknown): ImageRejected {
  const message = err instanceof Error ? err.message : '';
  if (/pixel limit/i.test(message)) return new ImageRejected('图片像素过多，请缩小后再上传');
  return new ImageRejected('图片已损坏或无法识别，请换一张');
}
