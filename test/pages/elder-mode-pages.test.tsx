/** @jest-environment jsdom */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { setElderMode } from '../../miniprogram/elder-mode';
import { setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { resetTaro } from '../support/taro';

/**
 * 长辈模式 in WeChat: a page has no shared root there, so every resident page's root view must carry the
 * class itself (`useElderClass()`), from its first frame (loading, error or content). Found by folder, so a
 * new resident page is checked too. dev-sign-in is the local cloud's developer page, not a resident's.
 */
const ROOTS = ['miniprogram/pages', 'miniprogram/requests/pages', 'miniprogram/rating/pages', 'miniprogram/inquiry/pages'];
const PAGES = ROOTS.flatMap((root) => readdirSync(root).filter((name) => name !== 'dev-sign-in').map((name) => join(root, name, 'index.tsx')));

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
  setTransport(cloud.transportAs('resident-a'));
});
afterAll(() => {
  setTransport(null);
  cloud.close();
});
afterEach(() => {
  cleanup();
  setElderMode(false);
});

test('every resident page folder is found', () => {
  expect(PAGES).toEqual(expect.arrayContaining([
    'miniprogram/pages/inbox/index.tsx',
    'miniprogram/pages/subscriptions/index.tsx',
    'miniprogram/requests/pages/new/index.tsx',
    'miniprogram/rating/pages/rate/index.tsx',
  ]));
});

test.each(PAGES)('%s puts the elder class on its root view', (path) => {
  resetTaro();
  setElderMode(true);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Page: ComponentType = require(join('../..', path)).default;
  const { container } = render(<Page />);
  expect(container.firstElementChild?.classList.contains('elder')).toBe(true);
  cleanup();
  setElderMode(false);
  expect(render(<Page />).container.firstElementChild?.classList.contains('elder')).toBe(false);
});
