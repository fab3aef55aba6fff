// Regenerates the committed PNG app icons from app/icon.svg (run after changing the SVG):
// node scripts/icons.mjs. sharp comes with Next.js; the PNGs are committed, so builds need nothing.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const app = path.join(import.meta.dirname, '..', 'app');
const svg = fs.readFileSync(path.join(app, 'icon.svg'));

// Next.js links app/icon*.png and app/apple-icon.png itself (Metadata file conventions).
const OUTPUTS = [
  // Browsers without SVG favicons (Safari before 26).
  { file: 'icon1.png', size: 32 },
  // iOS home screen: it masks the corners itself and shows transparency as black, so fill them.
  { file: 'apple-icon.png', size: 180, background: '#5b21b6' },
];

for (const { file, size, background } of OUTPUTS) {
  const image = sharp(svg, { density: (72 * size) / 64 }).resize(size, size);
  await (background ? image.flatten({ background }) : image)
    .png({ compressionLevel: 9 })
    .toFile(path.join(app, file));
  console.log(`app/${file}: ${size}×${size}`);
}
