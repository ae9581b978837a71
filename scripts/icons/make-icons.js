#!/usr/bin/env node
/**
 * Draws the add-in's icons as real PNG files (no image tooling needed): a rounded green tile with a white glyph,
 * one glyph per ribbon button, at the sizes Office asks for (16/32/80 for buttons, 32/64 for the add-in itself).
 * Run `node scripts/icons/make-icons.js` after changing a glyph; the PNGs in assets/ are committed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const TILE = [0x10, 0x7c, 0x41]; // Excel-like green
const GLYPH = [0xff, 0xff, 0xff];

// --- geometry helpers in unit coordinates (0..1, y grows downwards) ---
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };
}
function triangle(ax, ay, bx, by, cx, cy) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}
const any = (...shapes) => (x, y) => shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);

function roundedTile(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const GLYPHS = {
  // the add-in: rising bars with a trend line
  icon: any(rect(0.2, 0.58, 0.32, 0.8), rect(0.44, 0.46, 0.56, 0.8), rect(0.68, 0.32, 0.8, 0.8),
    segment(0.22, 0.42, 0.74, 0.18, 0.04)),
  home: any(triangle(0.5, 0.18, 0.16, 0.5, 0.84, 0.5), minus(rect(0.26, 0.48, 0.74, 0.82), rect(0.43, 0.6, 0.57, 0.82))),
  entry: any(rect(0.42, 0.2, 0.58, 0.8), rect(0.2, 0.42, 0.8, 0.58)),
  check: any(segment(0.22, 0.52, 0.42, 0.72, 0.075), segment(0.42, 0.72, 0.8, 0.3, 0.075)),
  reports: minus(circle(0.5, 0.5, 0.32), any(triangle(0.5, 0.5, 0.5, 0.1, 0.95, 0.1), triangle(0.5, 0.5, 0.95, 0.1, 0.95, 0.5))),
  template: minus(rect(0.18, 0.22, 0.82, 0.78),
    any(rect(0.23, 0.38, 0.39, 0.5), rect(0.44, 0.38, 0.56, 0.5), rect(0.61, 0.38, 0.77, 0.5),
      rect(0.23, 0.55, 0.39, 0.73), rect(0.44, 0.55, 0.56, 0.73), rect(0.61, 0.55, 0.77, 0.73))),
};

// --- PNG encoding (RGBA, 8 bit, no interlace) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders one glyph with 4×4 supersampling so small sizes stay smooth. */
function render(glyph, size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (roundedTile(x, y)) {
            tile++;
            if (glyph(x, y)) mark++;
          }
        }
      }
      const cover = tile / (ss * ss);
      const share = tile === 0 ? 0 : mark / tile;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(TILE[c] * (1 - share) + GLYPH[c] * share);
      out[i + 3] = Math.round(cover * 255);
    }
  }
  return out;
}

function main() {
  const dir = path.resolve(__dirname, '../../assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, glyph] of Object.entries(GLYPHS)) {
    for (const size of SIZES) {
      const file = path.join(dir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(glyph, size)));
    }
  }
  process.stdout.write(`wrote ${Object.keys(GLYPHS).length * SIZES.length} icons to ${dir}\n`);
}

if (require.main === module) main();
module.exports = { encodePng, render, GLYPHS };
