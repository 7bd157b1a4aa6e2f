// Draws the tab bar icons (81x81 PNG, grey and red) without any image library.
// Run once: node src/assets/tabbar/make-icons.mjs — the PNGs are committed, this is not part of the build.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const SIZE = 81;
const SS = 4; // supersamples per axis, for smooth edges
const dir = path.dirname(fileURLToPath(import.meta.url));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
function png(rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes: predicates over the 81x81 square.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => circle(cx, cy, r)(x, y) && !circle(cx, cy, r - w)(x, y);
const frame = (x0, y0, x1, y1, r, w) => (x, y) =>
  roundRect(x0, y0, x1, y1, r)(x, y) && !roundRect(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(r - w, 0))(x, y);
const union = (...fs) => (x, y) => fs.some((f) => f(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};

const icons = {
  // 点单: a menu card with four dishes
  menu: union(
    roundRect(14, 14, 38, 38, 6), roundRect(43, 14, 67, 38, 6),
    roundRect(14, 43, 38, 67, 6), frame(43, 43, 67, 67, 6, 5),
  ),
  // 订单: a sheet with lines
  orders: union(
    frame(16, 10, 65, 71, 8, 5),
    segment(27, 28, 54, 28, 5), segment(27, 40, 54, 40, 5), segment(27, 52, 44, 52, 5),
  ),
  // 任务: a check in a circle
  tasks: union(ring(40.5, 40.5, 29, 5.5), segment(27, 41, 37, 51, 6), segment(37, 51, 55, 31, 6)),
  // 我的: a person
  me: union(
    ring(40.5, 27, 14, 5.5),
    minus(
      minus(circle(40.5, 78, 30), circle(40.5, 78, 24.5)),
      (x, y) => y > 70,
    ),
    segment(11, 70, 70, 70, 5.5),
  ),
};

const colours = { '': [0x7a, 0x7e, 0x83], '-active': [0xc8, 0x16, 0x1d] };

for (const [name, shape] of Object.entries(icons)) {
  for (const [suffix, [r, g, b]] of Object.entries(colours)) {
    const rgba = Buffer.alloc(SIZE * SIZE * 4);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++)
          for (let sx = 0; sx < SS; sx++) if (shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++;
        const i = (y * SIZE + x) * 4;
        rgba[i] = r;
        rgba[i + 1] = g;
        rgba[i + 2] = b;
        rgba[i + 3] = Math.round((255 * hits) / (SS * SS));
      }
    }
    writeFileSync(path.join(dir, `${name}${suffix}.png`), png(rgba));
  }
}
