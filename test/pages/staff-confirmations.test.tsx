/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import AdminInquiryPage from '../../miniprogram/admin/pages/inquiry/index';
import FaqEditPage from '../../miniprogram/admin/pages/faq-edit/index';
import GuideEditPage from '../../miniprogram/admin/pages/guide-edit/index';
import WindowEditPage from '../../miniprogram/admin/pages/window-edit/index';
import WindowQrPage from '../../miniprogram/admin/pages/window-qr/index';
import LetterTemplatesPage from '../../miniprogram/admin/pages/letter-templates/index';
import OpinionsPage from '../../miniprogram/admin/pages/opinions/index';
import RetentionPage from '../../miniprogram/admin/pages/retention/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { consultation } from '../support/factories';
import { windowContent } from '../support/rating-fixture';
import { cloudPerTest } from '../support/page-cloud';
import { sealPngBase64 } from '../support/seal-png';
import { recorded, resetTaro } from '../support/taro';

/**
 * The staff acts outside the request page that cannot be taken back — answering, closing, assigning
 * or turning an inquiry; publishing or hiding a resident's opinion; retiring a FAQ entry; resetting a
 * letter template; taking down the seal; shortening how long personal data is kept — each ask first,
 * saying what will happen and to whom. On 再看看 nothing reaches the server; on 确认 the step is taken.
 * Over the real functions and SQLite.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

async function open(as: string, page: ReactElement, params: Record<string, string> = {}) {
  forgetWhoami();
  setTransport(cloud.transportAs(as));
  resetTaro(params);
  render(page);
}

/**
 * 再看看 first: the dialog appears and `unchanged` still holds a moment later; then 确认, and waits
 * for `changed`. Answers what the dialog said.
 */
async function cancelThenConfirm(button: () => HTMLElement, unchanged: () => Promise<boolean>, changed: () => Promise<boolean>): Promise<{ title: string; content: string }> {
  const before = recorded.modals.length;
  recorded.modalAnswer = false;
  fireEvent.click(button());
  await waitFor(() => expect(recorded.modals).toHaveLength(before + 1));
  await new Promise((r) => setTimeout(r, 20));
  expect(await unchanged()).toBe(true);
  recorded.modalAnswer = true;
  fireEvent.click(button());
  // A loaded machine (two cores shared) can take more than the default second to save.
  await waitFor(async () => expect(await changed()).toBe(true), { timeout: 5000 });
  return recorded.modals[before];
}

const ask = async (text = '养犬登记要带什么？') =>
  ok(await cloud.call('resident-a', 'inquiries', { action: 'ask', data: { kind: 'inquiry', topic: '养犬登记', text, idempotencyKey: `confirm-${text.length}-${Date.now()}` } })) as { id: string };
const caseOf = async (id: string) => (await cloud.store.collection('inquiries').get(id))!;

test('an inquiry: 答复, 告知补充 and 办结 each ask first, naming the asker, how they hear and what cannot be undone', async () => {
  const { id } = await ask();
  await open('demo-clerk', <AdminInquiryPage />, { id });
  await waitFor(() => screen.getByTestId('action-ask-more'));

  fireEvent.change(screen.getByTestId('input-moreItems'), { target: { value: '犬只品种\n居住地址' } });
  const more = await cancelThenConfirm(
    () => screen.getByTestId('do-ask-more'),
    async () => (await caseOf(id)).status === 'open',
    async () => (await caseOf(id)).status === 'moreAsked',
  );
  expect(more.title).toBe('确认告知补充');
  expect(more.content).toMatch(/补充 2 项内容.*在小程序中收到消息.*答复期限暂停.*不能追加事项或撤回/);

  // The resident gives more; the answer is confirmed next.
  const current = await caseOf(id);
  ok(await cloud.call('resident-a', 'inquiries', { action: 'giveMore', data: { id, version: current.version, text: '金毛，住在城南小区。' } }));
  cleanup();
  await open('demo-clerk', <AdminInquiryPage />, { id });
  await waitFor(() => screen.getByTestId('action-answer'));
  fireEvent.change(screen.getByTestId('input-answerText'), { target: { value: '携带身份证和犬只免疫证明到街道办理。' } });
  const answered = await cancelThenConfirm(
    () => screen.getByTestId('do-answer'),
    async () => (await caseOf(id)).status === 'open',
    async () => (await caseOf(id)).status === 'answered',
  );
  expect(answered.title).toBe('确认答复');
  expect(answered.content).toMatch(/咨询人.*在小程序中收到消息.*不能修改或撤回/);

  const closed = await cancelThenConfirm(
    () => screen.getByTestId('do-close'),
    async () => (await caseOf(id)).status === 'answered',
    async () => (await caseOf(id)).status === 'closed',
  );
  expect(closed.content).toMatch(/已收到答复.*办结后不能撤回/);
});

test('an unanswered inquiry: 办结 warns nobody will hear; 请当事人申请 says the asker is told; an empty answer sends no dialog', async () => {
  const { id } = await ask('请问公示的招标文件在哪里可以看到？');
  await open('demo-clerk', <AdminInquiryPage />, { id });
  await waitFor(() => screen.getByTestId('do-close'));
  // An empty answer is the server's to refuse beside the field: no dialog describes a step that cannot happen.
  fireEvent.click(screen.getByTestId('do-answer'));
  await waitFor(() => expect(recorded.toasts.length).toBeGreaterThan(0));
  expect(recorded.modals).toHaveLength(0);
  expect((await caseOf(id)).status).toBe('open');

  recorded.modalAnswer = false;
  fireEvent.click(screen.getByTestId('do-close'));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  expect(recorded.modals[0].content).toMatch(/尚未答复.*不会收到任何答复/);
  const turned = await cancelThenConfirm(
    () => screen.getByTestId('do-to-request'),
    async () => (await caseOf(id)).status === 'open',
    async () => (await caseOf(id)).status === 'closed',
  );
  expect(turned.content).toMatch(/告知咨询人.*请提交政府信息公开申请.*不能撤回/);
  expect((await caseOf(id)).turnedToRequest).toBeTruthy();
});

test('分派 to a department the answerer is not in says they will no longer see the case', async () => {
  await cloud.store.collection('staff').insert({ id: 'answerer-housing', name: '陈静', roles: ['answerer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  const { id } = await ask();
  await open('demo-clerk', <AdminInquiryPage />, { id });
  await waitFor(() => screen.getByTestId('choice-caseDepartment-housing'));
  fireEvent.click(screen.getByTestId('choice-caseDepartment-housing'));
  await waitFor(() => screen.getByTestId('choice-caseAnswerer-answerer-housing'));
  fireEvent.click(screen.getByTestId('choice-caseAnswerer-answerer-housing'));
  const said = await cancelThenConfirm(
    () => screen.getByTestId('do-assign'),
    async () => (await caseOf(id)).departmentId !== 'housing',
    async () => (await caseOf(id)).departmentId === 'housing',
  );
  expect(said.content).toMatch(/分派给住房保障科 · 陈静答复/);
  expect(said.content).toContain('分派后您将不能再查看本件');
});

test('an opinion: 公开 with a reply and 不予公开 each ask first, saying who will see it', async () => {
  cloud.clock.now = new Date('2026-11-24T02:00:00Z');
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: consultation({ title: '关于小区停车收费调整的征求意见' }) } }));
  const notice = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  const first = ok(await cloud.call('resident-a', 'notices', { action: 'comment', data: { id: notice.id, text: '建议夜间临时停车免费。' } }));
  const second = ok(await cloud.call('resident-b', 'notices', { action: 'comment', data: { id: notice.id, text: '想办证的加微信联系我。' } }));
  const status = async (id: string) => (await cloud.store.collection('noticeComments').get(id))!.status;
  await open('demo-editor', <OpinionsPage />, { id: notice.id });
  await waitFor(() => expect(screen.queryAllByTestId('moderation-item')).toHaveLength(2));
  const item = (text: string) => screen.getAllByTestId('moderation-item').find((i) => i.textContent?.includes(text))!;

  fireEvent.change(item('夜间临时停车').querySelector('[data-testid=input-reply]')!, { target: { value: '感谢建议，我们将研究。' } });
  const published = await cancelThenConfirm(
    () => item('夜间临时停车').querySelector('[data-testid=moderation-publish]') as HTMLElement,
    async () => (await status(first.id)) === 'pending',
    async () => (await status(first.id)) === 'published',
  );
  expect(published.title).toBe('确认公开');
  expect(published.content).toMatch(/连同您的答复将在“关于小区停车收费调整的征求意见”的意见区向所有人公开/);
  expect(published.content).toMatch(/留言者（居民 .+）在自己的意见旁看到“已公开”/);
  expect(published.content).not.toContain('resident-a');

  await waitFor(() => expect(screen.queryAllByTestId('moderation-item')).toHaveLength(1));
  const hidden = await cancelThenConfirm(
    () => item('加微信').querySelector('[data-testid=moderation-hide]') as HTMLElement,
    async () => (await status(second.id)) === 'pending',
    async () => (await status(second.id)) === 'hidden',
  );
  expect(hidden.content).toMatch(/不予公开，只有工作人员能看到/);
});

test('停用 a FAQ entry, 恢复默认文本 of a letter template and 撤下公章 each ask first', async () => {
  const faq = ok(await cloud.call('demo-admin', 'faq', { action: 'save', data: { entry: { question: '养犬登记要带什么？', answer: '身份证和免疫证明。', topic: '养犬登记', departmentId: 'office' } } }));
  await open('demo-admin', <FaqEditPage />, { id: faq.id });
  await waitFor(() => screen.getByTestId('retire-faq'));
  const retired = await cancelThenConfirm(
    () => screen.getByTestId('retire-faq'),
    async () => (await cloud.store.collection('faq').get(faq.id))!.status === 'active',
    async () => (await cloud.store.collection('faq').get(faq.id))!.status === 'retired',
  );
  expect(retired.content).toMatch(/“养犬登记要带什么？”将从常见问题中撤下.*不能修改或恢复/);

  const template = ok(await cloud.call('demo-admin', 'letterTemplates', { action: 'list', data: {} }))[0];
  ok(await cloud.call('demo-admin', 'letterTemplates', { action: 'save', data: { key: template.key, version: template.version, title: template.title, paragraphs: [...template.paragraphs, '本机关补充的一段。'] } }));
  ok(await cloud.call('demo-admin', 'letterTemplates', { action: 'saveSeal', data: { version: 0, png: sealPngBase64(48) } }));
  const custom = async () => (await cloud.store.collection('letterTemplates').get(template.key))!.custom;
  cleanup();
  await open('demo-admin', <LetterTemplatesPage />);
  fireEvent.click(await screen.findByTestId(`choice-template-${template.key}`));
  await waitFor(() => screen.getByTestId('reset-template'));
  const reset = await cancelThenConfirm(() => screen.getByTestId('reset-template'), async () => (await custom()) === true, async () => (await custom()) === false);
  expect(reset.content).toMatch(/本机关修改的“.+”文本（第 1 版）将被删除.*不能找回/);

  const sealed = async () => Boolean(ok(await cloud.call('demo-admin', 'letterTemplates', { action: 'seal', data: {} })).png);
  await waitFor(() => screen.getByTestId('remove-seal'));
  const removed = await cancelThenConfirm(() => screen.getByTestId('remove-seal'), sealed, async () => !(await sealed()));
  expect(removed.content).toMatch(/包括已经发出的.*不再加盖公章/);
});

test('保存期限: a shorter period asks first, naming it; a longer one saves at once', async () => {
  const stored = async () => (await cloud.store.collection('meta').get('privacy-settings'))?.retention as Record<string, number> | undefined;
  await open('demo-admin', <RetentionPage />);
  await waitFor(() => screen.getByTestId('retention-page'));
  fireEvent.change(screen.getByTestId('input-retention-requestYears'), { target: { value: '15' } });
  fireEvent.click(screen.getByTestId('retention-save'));
  await waitFor(async () => expect((await stored())?.requestYears).toBe(15), { timeout: 5000 });
  // The page has the saved settings back (the next change is not overwritten by them arriving late).
  await waitFor(() => expect(recorded.toasts).toContain('已保存'), { timeout: 5000 });
  expect(recorded.modals).toHaveLength(0);

  fireEvent.change(screen.getByTestId('input-retention-messageDays'), { target: { value: '90' } });
  const said = await cancelThenConfirm(
    () => screen.getByTestId('retention-save'),
    async () => (await stored())?.messageDays === 365,
    async () => (await stored())?.messageDays === 90,
  );
  expect(said.content).toMatch(/消息及微信通知记录：365 → 90 天.*删除后不能恢复/);
});

test('公开指南: saving asks first, naming what was edited, that it is published at once, and how new answer periods apply', async () => {
  const guide = async () => ok(await cloud.call('demo-admin', 'guide', { action: 'get', data: {} })) as { version: number; office: { phone: string }; inquiryWorkingDays: number };
  await open('demo-admin', <GuideEditPage />);
  await waitFor(() => expect((screen.getByTestId('input-guide-phone') as HTMLInputElement).value).not.toBe(''));
  const before = (await guide()).version;
  fireEvent.change(screen.getByTestId('input-guide-phone'), { target: { value: '0571-87000000' } });
  fireEvent.change(screen.getByTestId('input-guide-inquiryWorkingDays'), { target: { value: '10' } });
  const said = await cancelThenConfirm(
    () => screen.getByTestId('save-guide'),
    async () => (await guide()).version === before,
    async () => (await guide()).office.phone === '0571-87000000',
  );
  expect(said.title).toBe('确认保存公开指南');
  expect(said.content).toMatch(/修改了：办公电话、咨询答复时限（工作日）。保存后立即.*向公众公布（条例第十二条）.*新的答复时限适用于此后收到的咨询/);
  expect((await guide()).inquiryWorkingDays).toBe(10);
});

test('a service window: 停用 asks first, saying residents can no longer rate it; saving other changes does not ask', async () => {
  const created = ok(await cloud.call('demo-admin', 'windows', { action: 'save', data: { window: windowContent({ name: '3号窗口' }) } })) as { id: string };
  const stored = async () => (await cloud.store.collection('windows').get(created.id))!;
  await open('demo-rater', <WindowEditPage />, { id: created.id });
  await waitFor(() => expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('3号窗口'));
  fireEvent.change(screen.getByTestId('input-location'), { target: { value: '政务服务中心二楼' } });
  fireEvent.click(screen.getByTestId('save-window'));
  await waitFor(async () => expect((await stored()).location).toBe('政务服务中心二楼'), { timeout: 5000 });
  expect(recorded.modals).toHaveLength(0);

  fireEvent.click(document.querySelector('.switch-row input')!);
  const said = await cancelThenConfirm(
    () => screen.getByTestId('save-window'),
    async () => (await stored()).active === true,
    async () => (await stored()).active === false,
  );
  expect(said).toMatchObject({ title: '确认停用窗口', content: expect.stringMatching(/停用「3号窗口」后，居民不能再评价该窗口.*已有评价保留/) });
});

test('a visit code: 生成 asks first, naming the window and the service; 再看看 makes none', async () => {
  const created = ok(await cloud.call('demo-admin', 'windows', { action: 'save', data: { window: windowContent({ name: '5号窗口' }) } })) as { id: string };
  const codes = () => cloud.store.collection('visits').count({ windowId: created.id });
  await open('demo-rater', <WindowQrPage />, { id: created.id });
  await waitFor(() => screen.getAllByTestId('visit-service'));
  fireEvent.click(screen.getAllByTestId('visit-service')[1]);
  const said = await cancelThenConfirm(
    () => screen.getByTestId('generate-visit'),
    async () => (await codes()) === 0,
    async () => (await codes()) === 1,
  );
  expect(said).toMatchObject({ title: '确认生成评价码', content: expect.stringMatching(/为「5号窗口」生成「施工许可证核发」的评价码.*不能撤回/) });
});
