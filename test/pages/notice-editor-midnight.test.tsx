/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticeEditPage from '../../miniprogram/admin/pages/notice-edit/index';
import { setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { resetTaro } from '../support/taro';

/**
 * A clerk editing late in the evening: when Beijing midnight passes the
 * editor must not fetch the notice again and overwrite what they typed.
 * Only Date is faked; timers and promises run as usual.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  jest.setSystemTime(new Date('2026-11-24T15:59:50Z')); // 23:59:50 in Beijing
});
afterEach(() => {
  jest.useRealTimers();
  setTransport(null);
  cloud.close();
});

const input = (name: string) => screen.getByTestId(`input-${name}`) as HTMLInputElement;

test('unsaved edits survive Beijing midnight, and the notice is fetched once', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: { kind: 'announcement', title: '原标题', body: '原正文', departmentId: 'office' } } }));
  const fetched: string[] = [];
  const transport = cloud.transportAs('demo-editor');
  setTransport((fn, event) => {
    if (event.action === 'manageGet') fetched.push(fn);
    return transport(fn, event);
  });
  resetTaro({ id: draft.id });
  render(<NoticeEditPage />);
  await waitFor(() => expect(input('title').value).toBe('原标题'));

  fireEvent.change(input('title'), { target: { value: '午夜前改的标题' } });
  jest.setSystemTime(new Date('2026-11-24T16:00:05Z')); // 00:00:05 the next day in Beijing
  fireEvent.change(input('body'), { target: { value: '午夜后改的正文' } });
  // Give a refetch, if one were started, time to land.
  await new Promise((resolve) => setTimeout(resolve, 300));

  expect(input('title').value).toBe('午夜前改的标题');
  expect(input('body').value).toBe('午夜后改的正文');
  expect(fetched).toEqual(['notices']);
});
