/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticeEditPage from '../../miniprogram/admin/pages/notice-edit/index';
import NoticeDetailPage from '../../miniprogram/pages/notice-detail/index';
import AskPage from '../../miniprogram/inquiry/pages/ask/index';
import { setTransport } from '../../miniprogram/api/transport';
import { setUploader, type PickedFile } from '../../miniprogram/api/upload';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { recorded, resetTaro } from '../support/taro';

/**
 * The editor's attachments as the H5 build shows them (a file input): a picked
 * file goes through the upload port and lands in the notice; the phone refuses
 * a type it knows the server will refuse, without uploading. The upload itself
 * is covered over real HTTP in test/server/attachment-uploads.test.ts.
 */
let cloud: CloudHarness;
/** Each upload waits here until the test lets it finish. */
let gate: Promise<void> = Promise.resolve();
// The build defines it (config/index.ts); the H5 app is served by the local cloud itself, so it is empty.
(globalThis as { LOCAL_CLOUD_URL?: string }).LOCAL_CLOUD_URL = '';
const uploaded: PickedFile[] = [];
const env = process.env.TARO_ENV;

beforeEach(async () => {
  cloud = await createCloudHarness();
  process.env.TARO_ENV = 'h5';
  uploaded.length = 0;
  setUploader(async (file) => {
    uploaded.push(file);
    await gate;
    return { name: file.name, url: '/files/AAAAAAAAAAAAAAAAAAAAAA', sizeBytes: file.size };
  });
});
afterEach(() => {
  process.env.TARO_ENV = env;
  setUploader(null);
  setTransport(null);
  cloud.close();
});

const pick = (name: string, bytes = 3000) =>
  fireEvent.change(screen.getByTestId('attachment-file'), { target: { files: [new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' })] } });

test('a picked file is uploaded, listed, saved with the notice and linked for the resident; a removed one is not', async () => {
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro();
  const editor = render(<NoticeEditPage />);
  await waitFor(() => screen.getByTestId('input-title'));
  fireEvent.change(screen.getByTestId('input-title'), { target: { value: '关于公布2026年度部门预算的通知' } });
  fireEvent.change(screen.getByTestId('input-body'), { target: { value: '详见附件。' } });

  pick('setup.exe');
  await waitFor(() => expect(screen.getByText(/不支持“\.exe”文件/)).toBeTruthy());
  let release = () => {};
  gate = new Promise((resolve) => (release = resolve));
  pick('预算表.xlsx');
  // While the file is on its way, 发布 waits: a notice must not go out without the attachment being added.
  await waitFor(() => expect(screen.getByText('正在上传…')).toBeTruthy());
  expect(screen.getByTestId('publish').hasAttribute('disabled')).toBe(true);
  release();
  await waitFor(() => expect(screen.getAllByTestId('attachment-row')).toHaveLength(1));
  expect(screen.getByTestId('publish').hasAttribute('disabled')).toBe(false);
  pick('草稿.docx');
  await waitFor(() => expect(screen.getAllByTestId('attachment-row')).toHaveLength(2));
  expect(uploaded.map((f) => f.name)).toEqual(['预算表.xlsx', '草稿.docx']); // the .exe never left the phone
  fireEvent.click(screen.getAllByTestId('remove-attachment')[1]);
  expect(screen.getAllByTestId('attachment-row').map((row) => row.textContent)).toEqual(['预算表.xlsx（3 KB）删除']);

  fireEvent.click(screen.getByTestId('publish'));
  await waitFor(() => expect(recorded.toasts).toContain('已发布'));
  const saved = (await cloud.store.collection('notices').find({ where: { title: '关于公布2026年度部门预算的通知' }, orderBy: [['createdAt', 'desc']], limit: 1 })).items[0];
  expect(saved.attachments).toEqual([{ name: '预算表.xlsx', url: '/files/AAAAAAAAAAAAAAAAAAAAAA', sizeBytes: 3000 }]);

  editor.unmount();
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: saved.id });
  render(<NoticeDetailPage />);
  const link = await waitFor(() => screen.getByTestId('attachment-link'));
  expect(link.getAttribute('href')).toBe('/files/AAAAAAAAAAAAAAAAAAAAAA');
  expect(link.textContent).toBe('预算表.xlsx（3 KB）');
});

test('a question or complaint offers photos only: what a resident may upload, nothing the server would refuse', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro();
  render(<AskPage />);
  const input = await waitFor(() => screen.getByTestId('attachment-file') as HTMLInputElement);
  expect(input.accept).toBe('.png,.jpg,.jpeg');
  const field = input.closest('.field')!;
  expect(field.textContent).toContain('照片');
  expect(field.textContent).toContain('PNG、JPEG 图片，每张不超过 20 MB，最多 9 张');
  expect(field.textContent).not.toContain('PDF');
});
