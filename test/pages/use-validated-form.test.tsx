/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as z from 'zod/mini';
import '../../shared/api/zod-messages';
import { ApiError } from '../../miniprogram/api/call';
import { useForm } from '../../miniprogram/hooks/use-form';
import { useValidatedForm } from '../../miniprogram/hooks/use-validated-form';
import { recorded, resetTaro } from '../support/taro';

/** The one form hook every staff and resident form uses: check, errors per field, one submission at a time, toasts. */
const Schema = z.object({ name: z.string().check(z.minLength(1)), days: z.number().check(z.lte(20)) });
type Input = { name: string; days: number };

function Form(props: { input: Input; send: (data: Input) => Promise<string>; serverFields?: (f: Record<string, string>) => Record<string, string> }) {
  const form = useValidatedForm({ schema: Schema, submit: (data) => props.send(data), done: (r) => `已保存 ${r}`, invalidToast: '请检查标红的内容', serverFields: props.serverFields });
  return (
    <div>
      <div data-testid="field-name">{form.errors.name ?? ''}</div>
      <div data-testid="field-days">{form.errors.days ?? ''}</div>
      <button data-testid="save" onClick={() => void form.submit(props.input)}>{form.busy ? '正在保存' : '保存'}</button>
    </div>
  );
}

beforeEach(() => resetTaro());

test('an invalid form shows each error beside its own field, says so, and sends nothing', () => {
  const send = jest.fn(async () => 'x');
  render(<Form input={{ name: '', days: 25 }} send={send} />);
  fireEvent.click(screen.getByTestId('save'));
  expect(screen.getByTestId('field-name').textContent).toBe('此项必填');
  expect(screen.getByTestId('field-days').textContent).toBe('不能大于 20');
  expect(recorded.toasts).toEqual(['请检查标红的内容']);
  expect(send).not.toHaveBeenCalled();
});

test('a second tap while the first is on its way is ignored; the success toast follows the answer', async () => {
  let answer!: (value: string) => void;
  const send = jest.fn(() => new Promise<string>((resolve) => (answer = resolve)));
  render(<Form input={{ name: '陈晓明', days: 10 }} send={send} />);
  fireEvent.click(screen.getByTestId('save'));
  fireEvent.click(screen.getByTestId('save'));
  expect(send).toHaveBeenCalledTimes(1);
  expect(send).toHaveBeenCalledWith({ name: '陈晓明', days: 10 });
  await waitFor(() => expect(screen.getByTestId('save').textContent).toBe('正在保存'));
  await act(async () => answer('A-1'));
  expect(recorded.toasts).toEqual(['已保存 A-1']);
  expect(screen.getByTestId('save').textContent).toBe('保存');
  fireEvent.click(screen.getByTestId('save'));
  expect(send).toHaveBeenCalledTimes(2);
});

test('the server\'s field errors go beside the fields (in the form\'s keys) and its message is the toast', async () => {
  const send = jest.fn(async () => {
    throw new ApiError('VALIDATION_FAILED', '填写的内容有误', { 'window.name': '名称已被使用' });
  });
  render(<Form input={{ name: '3号窗口', days: 1 }} send={send} serverFields={(f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(/^window\./, ''), v]))} />);
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(screen.getByTestId('field-name').textContent).toBe('名称已被使用'));
  expect(recorded.toasts).toEqual(['填写的内容有误']);
  expect(screen.getByTestId('field-days').textContent).toBe('');
});

/** The core hook, for a form whose rule is not a zod schema. */
function RuleForm(props: { text: string; send: (text: string) => Promise<void> }) {
  const form = useForm<string, string, void>({
    check: (text) => (text.trim().length < 5 ? { errors: { text: '意见至少需要5个字' } } : { data: text.trim() }),
    submit: (clean) => props.send(clean),
    done: '已提交',
  });
  return (
    <div>
      <div data-testid="field-text">{form.errors.text ?? ''}</div>
      <button data-testid="send" onClick={() => void form.submit(props.text)}>提交</button>
    </div>
  );
}

test('useForm with a rule of its own: refused beside the field and nothing sent; accepted, sent trimmed', async () => {
  const send = jest.fn(async () => undefined);
  const { unmount } = render(<RuleForm text=" 太短 " send={send} />);
  fireEvent.click(screen.getByTestId('send'));
  expect(screen.getByTestId('field-text').textContent).toBe('意见至少需要5个字');
  expect(send).not.toHaveBeenCalled();
  unmount();
  render(<RuleForm text="  建议增设夜间窗口  " send={send} />);
  fireEvent.click(screen.getByTestId('send'));
  await waitFor(() => expect(recorded.toasts).toEqual(['已提交']));
  expect(send).toHaveBeenCalledWith('建议增设夜间窗口');
});
