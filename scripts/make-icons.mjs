import sharp from 'sharp';
import fs from 'node:fs';
const svg = fs.readFileSync('app/icon.svg');
for (const size of [192, 512]) {
  await sharp(svg, { density: Math.ceil((72 * size) / 64) }).resize(size, size).png({ compressionLevel: 9, palette: true }).toFile(`public/icon-${size}.png`);
}
// Maskable: the same mark on a full-bleed square with the safe zone (80 %) around it.
const inner = await sharp(svg, { density: Math.ceil((72 * 410) / 64) }).resize(410, 410).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#5b21b6' } })
  .composite([{ input: inner, gravity: 'centre' }])
  .png({ compressionLevel: 9, palette: true })
  .toFile('public/icon-maskable-512.png');
