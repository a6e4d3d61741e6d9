/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import MePage from '../../miniprogram/pages/me/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { resetTaro } from '../support/taro';

/**
 * 我的 over the real functions: each staff member sees the 工作台 entries their roles may use, and no
 * entry that would only answer 您没有权限执行此操作. The roles come from the server's staff table.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
  resetTaro();
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

const ENTRIES = ['staff-entry', 'staff-requests-entry', 'staff-calendar-entry', 'staff-letter-templates-entry', 'deliveries-entry', 'staff-opinions-entry', 'staff-follow-ups-entry', 'staff-windows-entry', 'staff-inquiries-entry', 'staff-guide-entry'];

async function entriesFor(openid: string | null): Promise<string[]> {
  setTransport(cloud.transportAs(openid));
  forgetWhoami(); // the page remembers the last answer across renders, as it does across pages in the app
  const page = render(<MePage />);
  const name = openid === null ? '未登录' : openid.startsWith('demo-') ? '' : '居民用户';
  await waitFor(() => expect(screen.getByTestId('me-identity').textContent).toContain(name));
  const shown = ENTRIES.filter((id) => screen.queryByTestId(id) !== null);
  page.unmount();
  return shown;
}

test.each([
  ['resident-a', []],
  ['demo-editor', ['staff-entry', 'deliveries-entry', 'staff-opinions-entry']],
  // A clerk reaches a request's delivery report from the request's page.
  ['demo-clerk', ['staff-requests-entry', 'staff-inquiries-entry']],
  ['demo-rater', ['staff-follow-ups-entry', 'staff-windows-entry']],
  ['demo-admin', ENTRIES],
] as const)('%s sees exactly the 工作台 entries of their roles', async (openid, expected) => {
  expect(await entriesFor(openid)).toEqual(expected);
});
