/**
 * Writes the extension's icons (public/icons/<size>.png): an inbox tray on a blue rounded square.
 * Drawn here with node's zlib, so no image tool or network is needed; the PNGs are committed and
 * this is run again only when the design changes: `npm run icons`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const BLUE = [11, 87, 208] as const;
const WHITE = [255, 255, 255] as const;
const SUBSAMPLES = 4;

type Rect = [x0: number, y0: number, x1: number, y1: number];
const inside = (x: number, y: number, [x0, y0, x1, y1]: Rect) => x >= x0 && x < x1 && y >= y0 && y < y1;

function inRoundedSquare(x: number, y: number, radius = 0.22): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The tray: a white frame whose lower band has a slot, in unit coordinates. */
function isTray(x: number, y: number): boolean {
  const outer: Rect = [0.2, 0.28, 0.8, 0.74];
  const hollow: Rect = [0.28, 0.36, 0.72, 0.54];
  const slot: Rect = [0.4, 0.54, 0.6, 0.62];
  return inside(x, y, outer) && !inside(x, y, hollow) && !inside(x, y, slot);
}

function pixels(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (!inRoundedSquare(x, y)) continue;
          covered++;
          if (isTray(x, y)) white++;
        }
      }
      const at = row + 1 + px * 4;
      for (let c = 0; c < 3; c++) rows[at + c] = covered ? Math.round((BLUE[c]! * (covered - white) + WHITE[c]! * white) / covered) : 0;
      rows[at + 3] = Math.round((255 * covered) / SUBSAMPLES ** 2);
    }
  }
  return rows;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels(size))), chunk('IEND', Buffer.alloc(0))]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(import.meta.dirname, '../public/icons');
  for (const size of ICON_SIZES) writeFileSync(path.join(dir, `${size}.png`), iconPng(size));
  console.info(`Wrote ${ICON_SIZES.map((s) => `${s}.png`).join(', ')} to ${dir}`);
}
