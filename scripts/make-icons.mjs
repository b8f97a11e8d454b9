// Writes the app icons (public/icons/*.png): three book spines on a shelf, drawn pixel by pixel so
// that no image tool is needed. The drawing keeps to the middle 60%, the safe zone of a maskable
// icon, so one image serves both "any" and "maskable". Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// The site's accent (rust, --accent in app/globals.css) and the light tones of app/icon.svg.
const BACKGROUND = [0xb4, 0x54, 0x2d];
const INK = [0xfb, 0xfa, 0xf7];
const ACCENT = [0xf6, 0xe7, 0xdf];

// Shapes in units of a 100x100 canvas: [x, y, width, height, colour].
const SHAPES = [
  [26, 30, 12, 44, INK],
  [40, 24, 14, 50, ACCENT],
  [56, 34, 10, 40, INK],
  [67, 32, 8, 42, INK],
  [22, 74, 56, 5, INK],
];

function pixel(x, y, size) {
  const u = (x / size) * 100;
  const v = (y / size) * 100;
  for (const [sx, sy, w, h, colour] of SHAPES) if (u >= sx && u < sx + w && v >= sy && v < sy + h) return colour;
  return BACKGROUND;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x++) rows.set(pixel(x, y, size), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size] of [['icon-192.png', 192], ['icon-512.png', 512], ['apple-touch-icon.png', 180]]) {
  writeFileSync(new URL(`../public/icons/${name}`, import.meta.url), png(size));
}
