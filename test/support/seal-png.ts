import { PNG } from 'pngjs';

/**
 * A seal as an admin would upload it: a red ring with a star-like centre on a transparent
 * background, drawn here so no image file is kept in the repository. `size` in pixels.
 */
export function sealPng(size = 96): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const r = Math.hypot(x - c, y - c);
      const ink = (r < c - 1 && r > c - size / 12) || r < size / 8;
      const i = (y * size + x) * 4;
      png.data[i] = 0xd0;
      png.data[i + 1] = 0x10;
      png.data[i + 2] = 0x10;
      png.data[i + 3] = ink ? 0xff : 0;
    }
  }
  return PNG.sync.write(png);
}

export const sealPngBase64 = (size?: number): string => sealPng(size).toString('base64');
