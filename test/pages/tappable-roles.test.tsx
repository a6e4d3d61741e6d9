/** @jest-environment jsdom */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { activateRolesByKeyboard, focusableButtons, focusablePages } from '../../miniprogram/h5-keyboard';
import { describeTabBar } from '../../miniprogram/h5-tab-bar';

/**
 * Taro's tappable View and Text are plain elements to a screen reader and out of the keyboard's reach
 * unless they say otherwise: every one with an onClick carries a role and a tabIndex (checked over the
 * source, so a new one cannot be added without), and in H5 Enter and Space act on them as a tap does.
 */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (path.endsWith('.tsx')) out.push(path);
  }
  return out;
}

/** Each opening tag of a View or Text, braces and all. */
function openingTags(source: string): string[] {
  const tags: string[] = [];
  const start = /<(View|Text)\b/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(source))) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    tags.push(source.slice(m.index, i + 1));
  }
  return tags;
}

test('every tappable View and Text has a role and is reachable by the keyboard', () => {
  const missing: string[] = [];
  for (const file of sources('miniprogram')) {
    for (const tag of openingTags(readFileSync(file, 'utf8'))) {
      if (!/\bonClick=/.test(tag)) continue;
      // A card whose title is its button (it holds a button of its own) opens on a tap anywhere; its title has the role.
      if (/className="(card notice-card|faq-item)"/.test(tag) && !/role=/.test(tag)) continue;
      if (!/\brole=/.test(tag) || !/\btabIndex=/.test(tag)) missing.push(`${file}: ${tag.slice(0, 90)}`);
    }
  }
  expect(missing).toEqual([]);
});

test('H5: Enter and Space act on an element with a role as a tap does; real buttons and text boxes are left alone', () => {
  activateRolesByKeyboard();
  const card = document.createElement('div');
  card.setAttribute('role', 'button');
  card.tabIndex = 0;
  const input = document.createElement('input');
  input.setAttribute('role', 'button');
  document.body.append(card, input);
  let taps = 0;
  let inputTaps = 0;
  card.addEventListener('click', () => taps++);
  input.addEventListener('click', () => inputTaps++);
  card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  card.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
  card.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  expect(taps).toBe(2);
  expect(inputTaps).toBe(0);
});

test('H5: every page box of the router can take the focus, so a page with no control can still be scrolled', async () => {
  document.body.innerHTML = '<div class="taro_router"><div class="taro_page"></div></div>';
  const stop = focusablePages();
  expect((document.querySelector('.taro_page') as HTMLElement).tabIndex).toBe(0);
  const next = document.createElement('div');
  next.className = 'taro_page';
  document.querySelector('.taro_router')!.append(next);
  await new Promise((r) => setTimeout(r, 0));
  expect(next.tabIndex).toBe(0);
  stop();
});

test('H5 tab bar: the open tab is the current page, and the count on 我的 is named as unread messages, after every redraw', async () => {
  // Taro's bar as it draws it: a link per tab, icon, optional badge, label.
  const tab = (label: string, open: boolean, badge?: string) =>
    `<a href="javascript:;" class="weui-tabbar__item${open ? ' weui-bar__item_on' : ''}"><span><img alt="" class="weui-tabbar__icon">${badge ? `<span class="weui-badge taro-tabbar-badge">${badge}</span>` : ''}</span><p class="weui-tabbar__label">${label}</p></a>`;
  document.body.innerHTML = '';
  const stop = describeTabBar();
  const bar = document.createElement('div');
  bar.className = 'weui-tabbar';
  bar.innerHTML = tab('首页', true) + tab('我的', false, '12');
  document.body.append(bar);
  const flush = () => new Promise((r) => setTimeout(r, 0));
  await flush();
  const [home, me] = Array.from(document.querySelectorAll<HTMLElement>('.weui-tabbar__item'));
  expect(home.getAttribute('aria-current')).toBe('page');
  expect(me.getAttribute('aria-current')).toBeNull();
  // The badge is a picture named for its count; the tab's name is its content, so it keeps the visible label.
  const badge = me.querySelector('.weui-badge')!;
  expect([badge.getAttribute('role'), badge.getAttribute('aria-label')]).toEqual(['img', '12条未读消息']);
  expect(me.getAttribute('aria-label')).toBeNull();

  // A new count: Taro rewrites the badge's text.
  badge.textContent = '3';
  await flush();
  expect(badge.getAttribute('aria-label')).toBe('3条未读消息');

  // 我的 opened and its messages read: Taro moves the class and drops the badge.
  home.classList.remove('weui-bar__item_on');
  me.classList.add('weui-bar__item_on');
  me.querySelector('.weui-badge')!.remove();
  await flush();
  expect(home.getAttribute('aria-current')).toBeNull();
  expect(me.getAttribute('aria-current')).toBe('page');
  stop();
});

test("Taro's H5 buttons: in the tab order unless disabled, where disabled=\"false\" (Taro's string for disabled={false}) is enabled", async () => {
  document.body.innerHTML = '<taro-button-core id="plain"></taro-button-core><taro-button-core id="off" disabled="false"></taro-button-core><taro-button-core id="on" disabled=""></taro-button-core>';
  const stop = focusableButtons();
  const el = (id: string) => document.getElementById(id)!;
  for (const id of ['plain', 'off']) {
    expect([id, el(id).getAttribute('role'), el(id).tabIndex, el(id).getAttribute('aria-disabled')]).toEqual([id, 'button', 0, 'false']);
  }
  expect([el('on').tabIndex, el('on').getAttribute('aria-disabled')]).toEqual([-1, 'true']);
  // A button that becomes busy leaves the tab order, and comes back when it is done.
  el('off').setAttribute('disabled', 'true');
  await Promise.resolve();
  expect([el('off').tabIndex, el('off').getAttribute('aria-disabled')]).toEqual([-1, 'true']);
  el('off').setAttribute('disabled', 'false');
  await Promise.resolve();
  expect([el('off').tabIndex, el('off').getAttribute('aria-disabled')]).toEqual([0, 'false']);
  stop();
});
