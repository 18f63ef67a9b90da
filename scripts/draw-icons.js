#!/usr/bin/env node
/**
 * Draws Shinchoku's icons (assets/icon-{16,32,64,80,128}.png) with no dependency but node's zlib.
 *
 * The picture: a rounded blue tile, three white bars rising left to right (progress year on year) and an
 * orange badge with a check mark (the KPI is on track). Blue #0072B2 and orange #E69F00 are from the
 * Okabe–Ito palette, which stays distinguishable under the common colour-vision deficiencies; the bars and
 * the check are told apart by shape and lightness too, never by hue alone.
 *
 * Shapes are described in a 128-unit design space and rasterised by supersampling (SS×SS samples a pixel),
 * which gives anti-aliased edges. At 16 px the badge would be a smudge, so that size draws a simplified,
 * pixel-snapped variant (bars only, the tallest one orange).
 *
 * Usage: node scripts/draw-icons.js [outDir]   (default: assets/). Output is deterministic.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const SS = 8;

const BLUE_TOP = [0x1a, 0x86, 0xc8];
const BLUE_BOTTOM = [0x00, 0x5f, 0x96];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xe6, 0x9f, 0x00];
const INK = [0x10, 0x2a, 0x43];

// ---------- geometry (design space: 0..128) ----------

function inRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const rad = r.radius;
  const cx = x < r.x0 + rad ? r.x0 + rad : x > r.x1 - rad ? r.x1 - rad : x;
  const cy = y < r.y0 + rad ? r.y0 + rad : y > r.y1 - rad ? r.y1 - rad : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= rad * rad;
}

/** A bar with rounded top corners only (its foot stands on the baseline). */
function inBar(x, y, b) {
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  if (y > b.y0 + b.radius) return true;
  return inRoundedRect(x, y, { x0: b.x0, x1: b.x1, y0: b.y0, y1: b.y1 + b.radius, radius: b.radius });
}

function inCircle(x, y, c) {
  const dx = x - c.cx;
  const dy = y - c.cy;
  return dx * dx + dy * dy <= c.r * c.r;
}

/** Distance from a point to a segment: polylines are drawn as "within half the width" (round caps/joins). */
function distToSegment(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const px = ax + t * vx - x;
  const py = ay + t * vy - y;
  return Math.sqrt(px * px + py * py);
}

function inPolyline(x, y, p) {
  for (let i = 0; i + 1 < p.points.length; i++) {
    const [ax, ay] = p.points[i];
    const [bx, by] = p.points[i + 1];
    if (distToSegment(x, y, ax, ay, bx, by) <= p.width / 2) return true;
  }
  return false;
}

// ---------- the picture ----------

function fullDesign() {
  const tile = { x0: 4, y0: 4, x1: 124, y1: 124, radius: 26 };
  const baseline = 102;
  const bars = [
    { x0: 22, x1: 42, y0: 78, y1: baseline, radius: 4 },
    { x0: 50, x1: 70, y0: 60, y1: baseline, radius: 4 },
    { x0: 78, x1: 98, y0: 42, y1: baseline, radius: 4 },
  ];
  const badge = { cx: 94, cy: 36, r: 22 };
  const ring = { cx: 94, cy: 36, r: 27 };
  const check = { width: 7, points: [[83, 37], [91, 45], [105, 28]] };
  return (x, y) => {
    if (inCircle(x, y, badge)) return inPolyline(x, y, check) ? INK : ORANGE;
    if (!inRoundedRect(x, y, tile)) return null;
    // The ring in the tile colour separates the badge from the tallest bar, like a sticker.
    if (inCircle(x, y, ring)) return tileColour(y);
    for (const bar of bars) if (inBar(x, y, bar)) return WHITE;
    return tileColour(y);
  };
}

/** 16 px: bars snapped to whole pixels (design units of 8 = 1 px), no badge. */
function smallDesign() {
  const tile = { x0: 0, y0: 0, x1: 128, y1: 128, radius: 24 };
  const px = (n) => n * 8;
  const bars = [
    { x0: px(3), x1: px(5), y0: px(9), y1: px(13), radius: 0, colour: WHITE },
    { x0: px(7), x1: px(9), y0: px(6), y1: px(13), radius: 0, colour: WHITE },
    { x0: px(11), x1: px(13), y0: px(3), y1: px(13), radius: 0, colour: ORANGE },
  ];
  return (x, y) => {
    if (!inRoundedRect(x, y, tile)) return null;
    for (const bar of bars) if (x >= bar.x0 && x < bar.x1 && y >= bar.y0 && y < bar.y1) return bar.colour;
    return tileColour(y);
  };
}

function tileColour(y) {
  const t = Math.max(0, Math.min(1, (y - 4) / 120));
  return BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i] - c) * t));
}

// ---------- raster ----------

function render(size) {
  const paint = size <= 16 ? smallDesign() : fullDesign();
  const scale = 128 / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) * scale;
          const y = (py + (sy + 0.5) / SS) * scale;
          const c = paint(x, y);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        // Average the colour over covered samples (straight alpha), coverage becomes alpha.
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

// ---------- PNG ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { render, encodePng, SIZES };
