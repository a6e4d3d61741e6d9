/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import GuidePage from '../../miniprogram/inquiry/pages/guide/index';
import { setTransport } from '../../miniprogram/api/transport';
import { takeTabQuery } from '../../miniprogram/tab-pages';
import { NOTICE_KINDS, NOTICE_KIND_TITLES } from '../../shared/notices/notice-kinds';
import { type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/** 政府信息公开指南's 主动公开目录 (条例 Art. 12): each category of the catalogue is a notice kind and opens 政务公开 on it. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

test('the catalogue lists every notice kind, and a tap opens 政务公开 on that kind', async () => {
  setTransport(cloud.transportAs(null));
  resetTaro();
  render(<GuidePage />);
  const catalogue = await waitFor(() => screen.getByTestId('guide-catalogue'));
  for (const kind of NOTICE_KINDS) expect(screen.getByTestId(`catalogue-${kind}`).textContent).toContain(NOTICE_KIND_TITLES[kind]);
  // The admin's own words on the catalogue stay above its categories.
  expect(catalogue.textContent).toContain('主动公开目录按信息类别编排');
  fireEvent.click(screen.getByTestId('catalogue-policy'));
  expect(recorded.navigations).toEqual(['/pages/notices/index']);
  expect(takeTabQuery('/pages/notices/index')).toEqual({ kind: 'policy' });
  fireEvent.click(screen.getByTestId('catalogue-all'));
  expect(takeTabQuery('/pages/notices/index')).toBeNull();
});
