/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import SearchPage from '../../miniprogram/pages/search/index';
import GuidesPage from '../../miniprogram/pages/guides/index';
import { setTransport, type Transport } from '../../miniprogram/api/transport';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { resetTaro } from '../support/taro';

/** The results page over the real functions and SQLite; searches can be made to answer with empty scan pages. */
let cloud: CloudHarness;
let searches: Array<Record<string, unknown>>;

/** The real transport, except that the first `emptyPages` searches answer as a bounded scan that found nothing yet. */
function transport(emptyPages: number): Transport {
  const real = cloud.transportAs('resident-page-test');
  return async (fn, event) => {
    if (fn === 'notices' && event.action === 'search') {
      searches.push(event.data as Record<string, unknown>);
      if (searches.length <= emptyPages) return { ok: true, data: { items: [], nextCursor: `scan-${searches.length}` } };
      return real(fn, { ...event, data: { ...(event.data as object), cursor: undefined } });
    }
    return real(fn, event);
  };
}

const resultTitles = () => screen.queryAllByTestId('search-result-title').map((t) => t.textContent);

beforeEach(async () => {
  cloud = await createCloudHarness();
  searches = [];
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

test('empty scan pages with a cursor offer to go on instead of saying nothing was found', async () => {
  setTransport(transport(20));
  resetTaro({ q: encodeURIComponent('物业') });
  render(<SearchPage />);
  const more = await screen.findByText('继续查找更早的信息');
  expect(screen.queryByTestId('list-empty')).toBeNull();
  const followed = searches.length;
  expect(followed).toBeGreaterThan(1); // followed automatically for a few pages first
  expect(followed).toBeLessThan(20);
  fireEvent.click(more);
  await waitFor(() => expect(searches.length).toBeGreaterThan(followed));
});

test('going on reaches the results the scan finds later', async () => {
  setTransport(transport(8));
  resetTaro({ q: encodeURIComponent('物业') });
  render(<SearchPage />);
  fireEvent.click(await screen.findByText('继续查找更早的信息'));
  await waitFor(() => expect(screen.getAllByTestId('search-result').length).toBeGreaterThan(0));
  expect(screen.queryByTestId('list-empty')).toBeNull();
});

test('the department picker narrows the search, and a department in the address is taken', async () => {
  for (const [title, departmentId] of [['供暖热线（住房保障科）', 'housing'], ['供暖收费（市场监管科）', 'market']]) {
    const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title, departmentId }) } }));
    ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  }
  setTransport(transport(0));
  resetTaro({ q: encodeURIComponent('供暖'), departmentId: 'market' });
  render(<SearchPage />);
  await waitFor(() => expect(resultTitles()).toEqual(['供暖收费（市场监管科）']));
  expect(searches.every((s) => s.departmentId === 'market')).toBe(true);
  const picker = screen.getByTestId('department-filter').querySelector('select')!;
  await waitFor(() => expect(picker.options.length).toBeGreaterThan(1));
  fireEvent.change(picker, { target: { value: '0' } }); // 全部部门
  await waitFor(() => expect(resultTitles()).toEqual(['供暖收费（市场监管科）', '供暖热线（住房保障科）']));
  expect(searches.at(-1)?.departmentId).toBeUndefined();
});

describe('what the hints promise depends on the end in use', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => Taro.removeStorageSync('sg-recent-searches')); // the hint shows while nothing was searched yet
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete (globalThis as { LOCAL_CLOUD_URL?: string }).LOCAL_CLOUD_URL;
  });

  test('the local cloud searches bodies and guides', () => {
    setTransport(transport(0));
    resetTaro();
    render(<SearchPage />);
    expect(screen.getByTestId('search-hint').textContent).toContain('正文');
    render(<GuidesPage />);
    expect(screen.getAllByTestId('search-input').at(-1)?.getAttribute('placeholder')).toContain('所需材料');
  });

  test('CloudBase (WeChat without a local cloud) promises title, summary and 文号 only', () => {
    process.env.TARO_ENV = 'weapp';
    (globalThis as { LOCAL_CLOUD_URL?: string }).LOCAL_CLOUD_URL = '';
    setTransport(transport(0));
    resetTaro();
    render(<SearchPage />);
    const hint = screen.getByTestId('search-hint').textContent;
    expect(hint).toContain('摘要');
    expect(hint).not.toContain('正文');
    expect(hint).not.toContain('办事指南');
    render(<GuidesPage />);
    expect(screen.getAllByTestId('search-input').at(-1)?.getAttribute('placeholder')).not.toContain('材料');
  });
});
