#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a green rounded square
 * (Excel's green) with a white tick over three ruled lines, i.e. a checked score sheet.
 * Pure Node (zlib), so it runs anywhere: `node scripts/makeIcons.js`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [33, 115, 70];
const WHITE = [255, 255, 255];

/** Coverage of a pixel by a shape, by 4×4 supersampling, so edges are smooth. */
function coverage(inside, x, y) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function drawIcon(size) {
  const s = size;
  const r = s * 0.18;
  const inSquare = (x, y) => {
    const cx = Math.min(Math.max(x, r), s - r), cy = Math.min(Math.max(y, r), s - r);
    return Math.hypot(x - cx, y - cy) <= r;
  };
  const stroke = Math.max(1.2, s * 0.085);
  const lines = [0.3, 0.5, 0.7].map((f) => [s * 0.2, s * f, s * 0.48, s * f]);
  const inLines = (x, y) => lines.some(([ax, ay, bx, by]) => distanceToSegment(x, y, ax, ay, bx, by) <= stroke / 2);
  const tick = [[s * 0.52, s * 0.55], [s * 0.64, s * 0.7], [s * 0.84, s * 0.3]];
  const inTick = (x, y) =>
    distanceToSegment(x, y, ...tick[0], ...tick[1]) <= stroke * 0.75 || distanceToSegment(x, y, ...tick[1], ...tick[2]) <= stroke * 0.75;

  const rgba = Buffer.alloc(s * s * 4);
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const bg = coverage(inSquare, x, y);
      const fg = Math.max(coverage(inLines, x, y), coverage(inTick, x, y));
      const o = (y * s + x) * 4;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(GREEN[c] * (1 - fg) + WHITE[c] * fg);
      rgba[o + 3] = Math.round(255 * bg);
    }
  }
  return png(s, s, rgba);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), drawIcon(size));
  console.log(`assets/icon-${size}.png`);
}
