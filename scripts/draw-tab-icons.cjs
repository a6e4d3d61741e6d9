// Draws the tab bar's icons (miniprogram/assets/tab/*.png): 81×81 PNGs, a normal and a selected one per tab,
// in the tab bar's own colours. Drawn from a few shapes here rather than taken from an icon set, so they are
// ours and reproducible: `node scripts/draw-tab-icons.cjs` rewrites them byte for byte
// (test/build/app-shell.test.ts checks that, and the sizes WeChat asks for).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { PNG } = require('pngjs');

const SIZE = 81;
/** The tab bar's `color` and `selectedColor` in the app config. */
const COLORS = { normal: '#555555', selected: '#b71c1c' };
const STROKE = 5.5;
/** Samples per pixel side: edges are anti-aliased by coverage, not jagged. */
const SUPERSAMPLE = 4;

// Each shape answers "is this point inside?" in the icon's 81-unit coordinates.
const segment = (ax, ay, bx, by, width = STROKE) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
};
const polyline = (points, width) => {
  const parts = points.slice(1).map((p, i) => segment(points[i][0], points[i][1], p[0], p[1], width));
  return (x, y) => parts.some((inside) => inside(x, y));
};
const ring = (cx, cy, r, width = STROKE) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= width / 2;
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const box = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** The upper half of an ellipse's outline (shoulders). */
const arch = (cx, cy, rx, ry, width = STROKE) => (x, y) => y <= cy + width / 2 && Math.abs(Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry) <= width / 2;
/** A filled polygon (even-odd rule). */
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const union = (...shapes) => (x, y) => shapes.some((inside) => inside(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

/** 首页: a house with a door. Selected: the house filled, the door cut out. */
const home = (selected) =>
  selected
    ? minus(union(polyline([[12, 40], [40.5, 14], [69, 40]]), polygon([[40.5, 14], [61, 33], [61, 68], [20, 68], [20, 33]])), box(34, 50, 47, 69))
    : union(polyline([[12, 40], [40.5, 14], [69, 40]]), polyline([[20, 38], [20, 66], [61, 66], [61, 38]]), polyline([[34, 66], [34, 50], [47, 50], [47, 66]]));

/** 政务公开: a page with its corner folded and lines of text. */
const notices = (selected) => {
  const page = polyline([[20, 12], [48, 12], [61, 25], [61, 69], [20, 69], [20, 12]]);
  const fold = polyline([[48, 12], [48, 25], [61, 25]]);
  const lines = union(segment(29, 37, 52, 37), segment(29, 47, 52, 47), segment(29, 57, 44, 57));
  if (!selected) return union(page, fold, lines);
  const filled = union(page, polygon([[20, 12], [48, 12], [61, 25], [61, 69], [20, 69]]));
  return minus(filled, union(lines, segment(48, 12, 48, 25, 3), segment(48, 25, 61, 25, 3)));
};

/** 办事: a briefcase. */
const guides = (selected) => {
  const handle = polyline([[31, 26], [31, 17], [50, 17], [50, 26]]);
  const body = polyline([[13, 26], [68, 26], [68, 65], [13, 65], [13, 26]]);
  const belt = segment(13, 42, 68, 42);
  const clasp = box(36, 38, 45, 48);
  if (!selected) return union(handle, body, belt, clasp);
  return union(handle, minus(union(body, box(13, 26, 68, 65)), segment(16, 42, 65, 42, 3.5)), clasp);
};

/** 我的: a person, head and shoulders. */
const me = (selected) =>
  selected
    ? union(disc(40.5, 28, 13), (x, y) => y <= 68 && y >= 47 && Math.hypot((x - 40.5) / 26, (y - 70) / 24) <= 1)
    : union(ring(40.5, 28, 12), arch(40.5, 70, 25, 23), segment(15.5, 68, 65.5, 68));

const ICONS = { home, notices, guides, me };

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** One icon as PNG bytes: the colour everywhere, the shape's coverage as alpha. */
function drawIcon(shape, color) {
  const png = new PNG({ width: SIZE, height: SIZE, colorType: 6 });
  const [r, g, b] = rgb(color);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++)
        for (let sx = 0; sx < SUPERSAMPLE; sx++) if (shape(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) covered++;
      const at = (py * SIZE + px) * 4;
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = Math.round((255 * covered) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

/** Every icon's file name → its bytes: `<tab>.png` and `<tab>-active.png`. */
function drawTabIcons() {
  const files = {};
  for (const [name, draw] of Object.entries(ICONS)) {
    files[`${name}.png`] = drawIcon(draw(false), COLORS.normal);
    files[`${name}-active.png`] = drawIcon(draw(true), COLORS.selected);
  }
  return files;
}

const ICON_DIR = 'miniprogram/assets/tab';

module.exports = { SIZE, COLORS, ICONS, ICON_DIR, drawIcon, drawTabIcons };

if (require.main === module) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const [file, bytes] of Object.entries(drawTabIcons())) {
    writeFileSync(join(ICON_DIR, file), bytes);
    console.log(`${join(ICON_DIR, file)} ${bytes.length} bytes`);
  }
}
