import type { Page } from 'playwright-core';
import { e2eDescribe, settled, TEST_TIMEOUT, useE2E } from '../support/e2e';

/**
 * Tap areas at 390×844: everything that answers a tap is at least 44 × 44 px (WeChat's design guide and
 * WCAG's target size), or sits in a row at least 44 px tall that is itself the target's line. "Answers a
 * tap" is read from the page itself: before the app loads, `addEventListener` is wrapped to mark every
 * element given a click or tap listener (Taro's React components attach their onClick that way), so a
 * tappable View is found however it is styled, and a new page's buttons are covered without listing them.
 */
interface Small { page: string; text: string; className: string; width: number; height: number }
interface Found { tappable: number; small: Small[] }

const MIN = 44;

async function smallTargets(page: Page, path: string): Promise<Found> {
  return page.evaluate(({ path, min }) => {
    const top = Array.from(document.querySelectorAll('.taro_router > .taro_page')).pop() ?? document.body;
    const scopes = [top, ...Array.from(document.querySelectorAll('.weui-tabbar, #taro-navigation-bar'))];
    const tappable = (el: Element) => (el as Element & { __tapTarget?: boolean }).__tapTarget === true;
    const out: Small[] = [];
    let count = 0;
    for (const scope of scopes) {
      for (const el of [scope, ...Array.from(scope.querySelectorAll('*'))]) {
        if (!tappable(el)) continue;
        count++;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        // Rounded as a phone lays out pixels: 43.9 px is 44.
        if (Math.round(r.width) >= min && Math.round(r.height) >= min) continue;
        out.push({ page: path, text: (el.textContent ?? '').trim().slice(0, 20), className: String(el.className).slice(0, 60), width: Math.round(r.width), height: Math.round(r.height) });
      }
    }
    return { tappable: count, small: out };
  }, { path, min: MIN });
}

const RESIDENT_PAGES = [
  '/pages/index/index',
  '/pages/notices/index',
  '/pages/search/index?q=住房',
  '/pages/guides/index',
  '/pages/me/index',
  '/pages/inbox/index',
  '/pages/subscriptions/index',
  '/requests/pages/new/index',
  '/requests/pages/mine/index',
  '/inquiry/pages/ask/index',
  '/inquiry/pages/faq/index',
  '/rating/pages/rate/index?window=win-housing-1',
  '/rating/pages/stats/index',
];
const STAFF_PAGES = [
  '/admin/pages/notices/index',
  '/admin/pages/notice-edit/index',
  '/admin/pages/requests/index',
  '/admin/pages/windows/index',
  '/admin/pages/window-qr/index?id=win-housing-1&mode=visit',
  '/admin/pages/follow-ups/index',
  '/admin/pages/inquiries/index',
  '/admin/pages/reviews/index',
  '/admin/pages/staff/index',
  '/admin/pages/audit/index',
];

e2eDescribe('tap areas in Chromium', () => {
  const e2e = useE2E();

  async function walk(openid: string, paths: string[]): Promise<Small[]> {
    const { context, page } = await e2e.phone();
    await context.addInitScript(() => {
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        if ((type === 'click' || type === 'tap') && this instanceof Element) (this as Element & { __tapTarget?: boolean }).__tapTarget = true;
        return (add as (...args: unknown[]) => void).call(this, type, ...rest);
      } as typeof add;
    });
    await e2e.signIn(context, openid);
    const small: Small[] = [];
    for (const path of paths) {
      await e2e.open(page, path);
      await settled(page);
      await page.waitForLoadState('networkidle');
      const found = await smallTargets(page, path);
      // Each page has something to tap (at least the tab bar or the navigation bar): the probe sees React's handlers.
      expect({ path, seen: found.tappable > 0 }).toEqual({ path, seen: true });
      small.push(...found.small);
    }
    await context.close();
    return small;
  }

  test('a resident\'s pages: every tappable element at least 44 × 44 px', async () => {
    expect(await walk('resident-e2e-taps', RESIDENT_PAGES)).toEqual([]);
  }, TEST_TIMEOUT * 2);

  test('staff pages: every tappable element at least 44 × 44 px', async () => {
    expect(await walk('demo-admin', STAFF_PAGES)).toEqual([]);
  }, TEST_TIMEOUT * 2);
});
