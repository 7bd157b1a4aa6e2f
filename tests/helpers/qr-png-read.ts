import zlib from 'node:zlib';

/** Reads our 1-bit PNG back (Node's zlib inflates it) into the QR's module matrix. */
export function modulesOfPng(dataUrl: string, scale = 6, margin = 3): boolean[][] {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  const side = png.readUInt32BE(16);
  const idat = png.indexOf('IDAT');
  const len = png.readUInt32BE(idat - 4);
  const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + len));
  const rowBytes = Math.ceil(side / 8);
  const n = side / scale - 2 * margin;
  return Array.from({ length: n }, (_, y) =>
    Array.from({ length: n }, (_, x) => {
      const px = (x + margin) * scale + 2;
      const py = (y + margin) * scale + 2;
      return (raw[py * (rowBytes + 1) + 1 + (px >> 3)] & (0x80 >> (px & 7))) === 0;
    }),
  );
}

