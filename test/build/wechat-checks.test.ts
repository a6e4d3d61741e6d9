import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * WeChat's own checks over dist/weapp, run offline by miniprogram-ci in a child
 * process (scripts/wechat-checks.cjs): the 11 code-quality checks DevTools shows
 * under 代码质量, and the package sizes of the compiled upload.
 */
const { MAIN_PACKAGE_LIMIT_BYTES, TOTAL_LIMIT_BYTES } = require('../../scripts/wechat-checks.cjs');

const DIST = 'dist/weapp';
const built = existsSync(join(DIST, 'app.json'));
const describeBuilt = built ? describe : describe.skip;

type Check = { name: string; success: boolean; text: string };
type Sizes = { main: number; subpackages: Record<string, number>; total: number; files: number };

describeBuilt("WeChat's own checks of the build", () => {
  let result: { checks: Check[]; sizes: Sizes };

  beforeAll(() => {
    const run = spawnSync(process.execPath, ['scripts/wechat-checks.cjs', '--json'], { encoding: 'utf8', timeout: 240_000 });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    if (!last.startsWith('{')) throw new Error(`wechat-checks printed no result (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    result = JSON.parse(last);
  }, 250_000);

  test('all 11 code-quality checks pass (compression, lazy code loading, no code only subpackages use, nothing unused)', () => {
    expect(result.checks.map((c) => c.name).sort()).toEqual([
      'CONTAINS_OTHER_PKG_COMPONENTS', 'CONTAINS_OTHER_PKG_JS', 'CONTAINS_UNUSED_CODES', 'CONTAINS_UNUSED_COMPONENTS',
      'CONTAINS_UNUSED_PLUGINS', 'IMAGE_AND_AUDIO_LIMIT', 'JS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN',
      'PACKAGE_SIZE_LIMIT', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN',
    ]);
    expect(result.checks.filter((c) => !c.success).map((c) => `${c.name}: ${c.text}`)).toEqual([]);
  });

  test('the settings the checks read are ours: compression in project.config.json, lazy loading in app.json', () => {
    const settings = JSON.parse(readFileSync('project.config.json', 'utf8')).setting;
    expect(settings).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
    expect(JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')).lazyCodeLoading).toBe('requiredComponents');
  });

  test(`the compiled upload: main package ≤ ${MAIN_PACKAGE_LIMIT_BYTES / 1024} KB, all packages ≤ ${TOTAL_LIMIT_BYTES / 1024 / 1024} MB`, () => {
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'));
    expect(Object.keys(result.sizes.subpackages).sort()).toEqual(app.subPackages.map((s: { root: string }) => s.root).sort());
    expect(result.sizes.main).toBeGreaterThan(50 * 1024);
    expect(result.sizes.main).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT_BYTES);
    expect(result.sizes.total).toBeLessThanOrEqual(TOTAL_LIMIT_BYTES);
  });
});
