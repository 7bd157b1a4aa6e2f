import QRCode from 'qrcode';

/**
 * A QR code as a `data:image/png;base64,…` URL, made in plain JavaScript: an <Image> shows it on
 * weapp and in a browser alike, with no canvas (weapp's needs a node query and draws
 * asynchronously) and no DOM (the qrcode package's own toDataURL wants one). 1-bit grayscale,
 * deflate "stored" blocks: a 33-module code at 6 px is about 7 KB.
 */
export function qrPngDataUrl(text: string, opts: { scale?: number; margin?: number } = {}): string {
  const scale = opts.scale ?? 6;
  const margin = opts.margin ?? 3;
  const qr = QRCode.create(qrSegments(text), { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < n && y < n && qr.modules.get(y, x) === 1;
  const side = (n + 2 * margin) * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = new Uint8Array((rowBytes + 1) * side);
  for (let py = 0; py < side; py++) {
    const my = Math.floor(py / scale) - margin;
    const row = py * (rowBytes + 1); // filter byte 0, then the bits (1 = white in grayscale)
    for (let px = 0; px < side; px++) {
      if (!dark(Math.floor(px / scale) - margin, my)) raw[row + 1 + (px >> 3)] |= 0x80 >> (px & 7);
    }
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter method, no interlace
  const png = concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return `data:image/png;base64,${base64(png)}`;
}

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * The text as QR segments given explicitly: the qrcode package's own byte encoding calls
 * TextEncoder, which weapp does not have (the weapp harness caught it). Alphanumeric mode when the
 * text allows, else its UTF-8 bytes.
 */
export function qrSegments(text: string): QRCode.QRCodeSegment[] {
  if (ALPHANUMERIC.test(text)) return [{ data: text, mode: 'alphanumeric' }];
  const utf8 = unescape(encodeURIComponent(text));
  return [{ data: Uint8ClampedArray.from(utf8, (c) => c.charCodeAt(0)), mode: 'byte' }];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u32 = (v: number) => new Uint8Array([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new Uint8Array([...type].map((c) => c.charCodeAt(0)));
  const body = concat([typeBytes, data]);
  return concat([u32(data.length), body, u32(crc32(body))]);
}

/** zlib with uncompressed deflate blocks (at most 65535 bytes each) and the Adler-32 check. */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0x78, 0x01])];
  for (let at = 0; at < data.length || at === 0; at += 65535) {
    const block = data.subarray(at, Math.min(data.length, at + 65535));
    const last = at + 65535 >= data.length ? 1 : 0;
    parts.push(new Uint8Array([last, block.length & 0xff, block.length >> 8, ~block.length & 0xff, (~block.length >> 8) & 0xff]), block);
    if (data.length === 0) break;
  }
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  parts.push(u32(((b << 16) | a) >>> 0));
  return concat(parts);
}

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** weapp has no btoa. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [x, y, z] = [bytes[i], bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    out += B64[x >> 2] + B64[((x & 3) << 4) | (y >> 4)] + (i + 1 < bytes.length ? B64[((y & 15) << 2) | (z >> 6)] : '=') + (i + 2 < bytes.length ? B64[z & 63] : '=');
  }
  return out;
}
