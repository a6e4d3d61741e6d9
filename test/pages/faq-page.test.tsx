/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import FaqPage from '../../miniprogram/inquiry/pages/faq/index';
import FaqEditPage from '../../miniprogram/admin/pages/faq-edit/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/** 常见问题 over the real functions and SQLite: narrowed by department and by topic, with and without a search. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const save = async (entry: Record<string, unknown>) => ok(await cloud.call('demo-admin', 'faq', { action: 'save', data: { entry } }));
const questions = () => screen.queryAllByTestId('faq-item').map((el) => el.querySelector('.faq-item__q')?.textContent);

test('a topic tapped on an entry narrows the list, and a department narrows a search; both clear', async () => {
  await save({ question: '养犬登记要带什么？', answer: '身份证和免疫证明，到街道办理。', topic: '养犬登记', departmentId: 'office' });
  await save({ question: '犬只年检在哪里办理？', answer: '到街道办理。', topic: '养犬登记', departmentId: 'housing' });
  await save({ question: '社保卡在哪里补办？', answer: '到政务服务中心补办。', topic: '社保', departmentId: 'housing' });
  setTransport(cloud.transportAs('resident-a'));
  resetTaro();
  const page = render(<FaqPage />);
  await waitFor(() => expect(questions()).toHaveLength(3));

  const social = screen.getAllByTestId('faq-item').find((el) => el.textContent?.includes('社保卡'))!;
  fireEvent.click(within(social).getByTestId('faq-item-topic'));
  await waitFor(() => expect(questions()).toEqual(['社保卡在哪里补办？']));
  expect(screen.getByTestId('faq-topic-picker').textContent).toContain('主题：社保');
  expect(recorded.navigations).toEqual([]);
  fireEvent.click(screen.getByTestId('faq-topic-filter'));
  await waitFor(() => expect(questions()).toHaveLength(3));

  const picker = await waitFor(() => {
    const select = screen.getByTestId('department-filter').querySelector('select')!;
    expect(Array.from(select.options, (o) => o.textContent)).toContain('住房保障科');
    return select;
  });
  fireEvent.change(picker, { target: { value: String(Array.from(picker.options, (o) => o.textContent).indexOf('住房保障科')) } });
  await waitFor(() => expect(questions().sort()).toEqual(['犬只年检在哪里办理？', '社保卡在哪里补办？']));
  page.unmount();

  // A search (常见问题?q=…) narrowed to a department.
  resetTaro({ q: encodeURIComponent('办理') });
  render(<FaqPage />);
  // The question's match first, then the answer's.
  await waitFor(() => expect(questions()).toEqual(['犬只年检在哪里办理？', '养犬登记要带什么？']));
  const again = screen.getByTestId('department-filter').querySelector('select')!;
  await waitFor(() => expect(again.options.length).toBeGreaterThan(1));
  fireEvent.change(again, { target: { value: String(Array.from(again.options, (o) => o.textContent).indexOf('局办公室')) } });
  await waitFor(() => expect(questions()).toEqual(['养犬登记要带什么？']));
  fireEvent.change(again, { target: { value: String(Array.from(again.options, (o) => o.textContent).indexOf('住房保障科')) } });
  await waitFor(() => expect(questions()).toEqual(['犬只年检在哪里办理？']));
});

test('the topic list offers every topic with its count, narrows the list, and follows the department', async () => {
  await save({ question: '养犬登记要带什么？', answer: '身份证和免疫证明。', topic: '养犬登记', departmentId: 'office' });
  await save({ question: '犬只年检在哪里办理？', answer: '到街道办理。', topic: '养犬登记', departmentId: 'housing' });
  await save({ question: '社保卡在哪里补办？', answer: '到政务服务中心补办。', topic: '社保', departmentId: 'housing' });
  setTransport(cloud.transportAs('resident-a'));
  resetTaro();
  render(<FaqPage />);
  const topicOptions = () => Array.from(screen.getByTestId('faq-topic-picker').querySelector('select')!.options, (o) => o.textContent);
  await waitFor(() => expect(topicOptions()).toEqual(['全部主题', '养犬登记（2）', '社保（1）']));
  await waitFor(() => expect(questions()).toHaveLength(3));

  fireEvent.change(screen.getByTestId('faq-topic-picker').querySelector('select')!, { target: { value: '1' } });
  await waitFor(() => expect(questions().sort()).toEqual(['养犬登记要带什么？', '犬只年检在哪里办理？'].sort()));
  fireEvent.click(screen.getByTestId('faq-topic-filter'));
  await waitFor(() => expect(questions()).toHaveLength(3));

  const departments = screen.getByTestId('department-filter').querySelector('select')!;
  await waitFor(() => expect(Array.from(departments.options, (o) => o.textContent)).toContain('局办公室'));
  fireEvent.change(departments, { target: { value: String(Array.from(departments.options, (o) => o.textContent).indexOf('局办公室')) } });
  await waitFor(() => expect(topicOptions()).toEqual(['全部主题', '养犬登记（1）']));
});

test('an answerer writing a new entry picks a topic in use instead of typing a near-duplicate', async () => {
  await save({ question: '养犬登记要带什么？', answer: '身份证和免疫证明。', topic: '养犬登记', departmentId: 'office' });
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  render(<FaqEditPage />);
  const chip = await waitFor(() => within(screen.getByTestId('faq-edit-topics')).getByText('养犬登记'));
  fireEvent.input(document.querySelector('[name="faqEditQuestion"]')!, { target: { value: '犬只年检在哪里办理？' } });
  fireEvent.input(document.querySelector('[name="faqEditAnswer"]')!, { target: { value: '到街道办理。' } });
  fireEvent.click(chip);
  fireEvent.click(screen.getByTestId('save-faq'));
  await waitFor(() => expect(recorded.navigations).toHaveLength(1));
  const topics = ok(await cloud.call('resident-a', 'faq', { action: 'topics', data: {} })).topics;
  expect(topics).toEqual([{ topic: '养犬登记', count: 2 }]);
});

/**
 * The edit page fills its fields from the entry it loaded, in an effect straight after they mount. In
 * H5 Taro's input throws when its value is set before it has drawn (the stand-in throws likewise): the
 * shared field holds the loaded value back until the input is ready, then shows it.
 */
test('opening an entry to edit fills its fields once they have drawn, not before', async () => {
  const entry = await save({ question: '养犬登记要带什么？', answer: '身份证和免疫证明，到街道办理。', topic: '养犬登记', departmentId: 'office' });
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ id: entry.id });
  render(<FaqEditPage />);
  await waitFor(() => expect((screen.getByTestId('input-faqEditQuestion') as HTMLInputElement).value).toBe('养犬登记要带什么？'));
  expect((screen.getByTestId('input-faqEditAnswer') as HTMLTextAreaElement).value).toBe('身份证和免疫证明，到街道办理。');
  expect((screen.getByTestId('input-faqEditTopic') as HTMLInputElement).value).toBe('养犬登记');
});
