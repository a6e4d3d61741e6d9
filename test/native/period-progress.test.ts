/** @jest-environment jsdom */
import { resolve } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate');

/**
 * The app's native WeChat component (miniprogram/native/period-progress),
 * run by miniprogram-simulate: WeChat's own component model — properties,
 * observers, setData, wxml conditionals, tap events and triggerEvent — in
 * jsdom. The notice detail page renders it in the WeChat build; see
 * test/build/weapp-build.test.ts for the proof that the build ships it and
 * binds these properties.
 */
const SOURCE = resolve(__dirname, '../../miniprogram/native/period-progress/index');

interface Rendered {
  data: Record<string, unknown>;
  querySelector(selector: string): { dom: HTMLElement; dispatchEvent(name: string): void } | null;
  attach(parent: Element): void;
  addEventListener?: unknown;
  instance: { setData(data: Record<string, unknown>): void };
}

// Loaded once: miniprogram-simulate registers a component path a single time.
const componentId: string = simulate.load(SOURCE);

function render(props: Record<string, unknown>): Rendered {
  const id = componentId;
  const comp = simulate.render(id, props) as Rendered;
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

const base = { label: '公示中 · 剩 6 天', state: 'open', percent: 25, periodName: '公示期', start: '2026-11-22', end: '2026-11-29', contact: '住房保障科 0571-8800 1234' };
const text = (comp: Rendered, selector: string) => comp.querySelector(selector)?.dom.textContent?.trim() ?? null;
const fillWidth = (comp: Rendered) => comp.querySelector('.period__fill')!.dom.getAttribute('style');

test('shows the label the domain computed and a bar filled to the percent', () => {
  const comp = render(base);
  expect(text(comp, '.period__label')).toBe('公示中 · 剩 6 天');
  expect(fillWidth(comp)).toMatch(/width:\s*25%/);
  expect(comp.querySelector('.period')!.dom.className).toContain('period--open');
});

test.each([
  [150, 100],
  [-20, 0],
  [Number.NaN, 0],
  [33.6, 34],
])('a percent of %p draws a bar of %p%%', (percent, width) => {
  const comp = render({ ...base, percent });
  expect(comp.data.width).toBe(width);
  expect(fillWidth(comp)).toMatch(new RegExp(`width:\\s*${width}%`));
});

test('the state picks the look', () => {
  const comp = render({ ...base, state: 'ended', label: '公示已结束', percent: 100 });
  expect(comp.querySelector('.period')!.dom.className).toContain('period--ended');
  expect(text(comp, '.period__label')).toBe('公示已结束');
});

test('a tap shows the dates and the objection contact, a second tap hides them, and each tap is reported', async () => {
  const comp = render(base);
  const toggles: boolean[] = [];
  (comp as unknown as { addEventListener(name: string, fn: (e: { detail: { expanded: boolean } }) => void): void }).addEventListener(
    'toggle',
    (e) => toggles.push(e.detail.expanded),
  );
  expect(comp.querySelector('.period__dates')).toBeFalsy();
  expect(text(comp, '.period__toggle')).toBe('详情');

  comp.querySelector('.period')!.dispatchEvent('tap');
  await simulate.sleep(10);
  expect(text(comp, '.period__dates')).toBe('公示期：2026-11-22 至 2026-11-29');
  expect(text(comp, '.period__contact')).toBe('异议受理：住房保障科 0571-8800 1234');
  expect(text(comp, '.period__toggle')).toBe('收起');

  comp.querySelector('.period')!.dispatchEvent('tap');
  await simulate.sleep(10);
  expect(comp.querySelector('.period__dates')).toBeFalsy();
  expect(toggles).toEqual([true, false]);
});

test('no contact line for a consultation, which has none', async () => {
  const comp = render({ ...base, periodName: '征求意见期', contact: '' });
  comp.querySelector('.period')!.dispatchEvent('tap');
  await simulate.sleep(10);
  expect(text(comp, '.period__dates')).toBe('征求意见期：2026-11-22 至 2026-11-29');
  expect(comp.querySelector('.period__contact')).toBeFalsy();
});

test('properties updated later redraw the bar', async () => {
  const comp = render(base);
  comp.instance.setData({ percent: 80 });
  await simulate.sleep(10);
  expect(fillWidth(comp)).toMatch(/width:\s*80%/);
});
