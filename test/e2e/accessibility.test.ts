import type { BrowserContext, Page } from 'playwright-core';
import { e2eDescribe, useE2E } from '../support/e2e';
import { signedInClient } from '../support/signed-in-client';

/**
 * Accessibility over the whole H5 app in Chromium: axe-core on every page — the resident's as
 * demo-resident, the staff area's as demo-admin — failing on any critical or serious violation; and
 * 长辈模式 read from the computed font sizes: every text larger than without it (the tab bar and
 * secondary text included), and no heading smaller than the body text of its page.
 *
 * One browser, one tab per identity, reused for every route (a fresh load per route so each page
 * starts as a shared link opens it), so the whole walk stays near a minute on two cores.
 */
const AXE = require.resolve('axe-core/axe.min.js');
const SERIOUS = new Set(['critical', 'serious']);

interface Finding {
  route: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

e2eDescribe('accessibility: axe-core on every page; 长辈模式 sizes', () => {
  const e2e = useE2E();
  const client = signedInClient(() => e2e.base);
  let asked: { id: string } | null = null;

  /** Ids the pages with a subject need, from the seeded bureau. */
  async function subjects() {
    const store = e2e.cloud.store;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const first = async <T>(name: Parameters<typeof store.collection>[0], where: any = {}) =>
      (await store.collection(name).find({ where, orderBy: [], limit: 50 })).items as unknown as T[];
    const notices = await first<{ id: string; status: string; kind: string; version: number }>('notices', { status: 'published' });
    const consultation = notices.find((n) => n.kind === 'consultation') ?? notices[0];
    const requests = await first<{ id: string; status: string; letters?: unknown[] }>('requests', { ownerOpenid: 'demo-resident' });
    // An answered one: its page shows the most (the reply, letters, 评价本次办理), and it has a letter to open.
    const withLetter = requests.find((r) => r.status === 'replied' && (r.letters ?? []).length > 0) ?? requests[0];
    // The demo has no inquiry of demo-resident's: ask one, as a resident does, so its pages have a subject.
    asked ??= await client.api('demo-resident', 'inquiries', 'ask', { idempotencyKey: 'a11y-walk-0001', kind: 'inquiry', topic: '加装电梯', text: '老旧小区加装电梯需要哪些材料？' });
    const anyCase = asked as { id: string };
    const windows = await first<{ id: string }>('windows');
    const followUps = await first<{ id: string }>('followUps');
    const faq = await first<{ id: string }>('faq');
    const reviews = await first<{ id: string }>('reviews');
    return { notice: notices[0], consultation, request: withLetter, case: anyCase, anyCase, window: windows[0], followUp: followUps[0], faq: faq[0], review: reviews[0] };
  }

  async function residentRoutes(): Promise<string[]> {
    const s = await subjects();
    return [
      '/pages/index/index',
      '/pages/notices/index',
      `/pages/notice-detail/index?id=${s.consultation.id}`,
      '/pages/guides/index',
      '/pages/me/index',
      '/pages/inbox/index',
      '/pages/subscriptions/index',
      `/pages/search/index?q=${encodeURIComponent('通知')}`,
      '/pages/my-data/index',
      '/pages/privacy/index',
      '/pages/not-found/index',
      '/requests/pages/new/index',
      '/requests/pages/applicant/index',
      '/requests/pages/mine/index',
      `/requests/pages/detail/index?id=${s.request.id}`,
      `/requests/pages/result/index?id=${s.request.id}`,
      `/requests/pages/letter/index?id=${s.request.id}&letter=0`,
      '/inquiry/pages/ask/index',
      '/inquiry/pages/mine/index',
      `/inquiry/pages/case/index?id=${s.case.id}`,
      '/inquiry/pages/faq/index',
      '/inquiry/pages/guide/index',
      `/rating/pages/rate/index?window=${s.window.id}`,
      '/rating/pages/mine/index',
      '/rating/pages/stats/index',
    ];
  }

  async function staffRoutes(): Promise<string[]> {
    const s = await subjects();
    return [
      '/admin/pages/notices/index',
      `/admin/pages/notice-edit/index?id=${s.notice.id}`,
      '/admin/pages/notice-edit/index',
      '/admin/pages/requests/index',
      `/admin/pages/request/index?id=${s.request.id}`,
      '/admin/pages/request-enter/index',
      `/admin/pages/request-letter/index?id=${s.request.id}&letter=0`,
      '/admin/pages/calendar/index',
      '/admin/pages/letter-templates/index',
      `/admin/pages/deliveries/index?subjectId=${s.notice.id}`,
      `/admin/pages/opinions/index?id=${s.consultation.id}`,
      `/admin/pages/notice-history/index?id=${s.notice.id}`,
      `/admin/pages/notice-version/index?id=${s.notice.id}&version=1`,
      '/admin/pages/windows/index',
      `/admin/pages/window-edit/index?id=${s.window.id}`,
      `/admin/pages/window-qr/index?id=${s.window.id}&mode=window`,
      '/admin/pages/follow-ups/index',
      `/admin/pages/follow-up/index?id=${s.followUp.id}`,
      '/admin/pages/rating-ranking/index',
      '/admin/pages/staff/index',
      '/admin/pages/staff-join/index',
      '/admin/pages/audit/index',
      '/admin/pages/retention/index',
      '/admin/pages/report/index',
      '/admin/pages/report-stats/index',
      '/admin/pages/inquiries/index',
      `/admin/pages/inquiry/index?id=${s.anyCase.id}`,
      '/admin/pages/inquiry-enter/index',
      '/admin/pages/inquiry-figures/index',
      s.faq ? `/admin/pages/faq-edit/index?id=${s.faq.id}` : '/admin/pages/faq-edit/index',
      '/admin/pages/guide-edit/index',
      '/admin/pages/reviews/index',
      ...(s.review ? [`/admin/pages/review/index?id=${s.review.id}`] : []),
      '/admin/pages/review-settings/index',
      '/pages/me/index',
    ];
  }

  /** A fresh load of `route`, waited for until its page has slid in and its data has arrived. */
  async function load(page: Page, route: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${e2e.base}/#${route}`);
    await page.waitForFunction(() => {
      const pages = document.querySelectorAll('.taro_router > .taro_page');
      const top = pages[pages.length - 1];
      return !!top && top.classList.contains('taro_page_stationed');
    });
    await page.waitForLoadState('networkidle');
  }

  async function axeOn(page: Page, route: string): Promise<Finding[]> {
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'] });
      return violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    return results.filter((r) => SERIOUS.has(r.impact)).map((r) => ({ route, ...r }));
  }

  async function signedInTab(openid: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, openid);
    await context.addInitScript({ path: AXE });
    return { context, page };
  }

  async function walk(openid: string, routes: string[]): Promise<Finding[]> {
    const { context, page } = await signedInTab(openid);
    const findings: Finding[] = [];
    try {
      for (const route of routes) {
        await load(page, route);
        findings.push(...(await axeOn(page, route)));
      }
    } finally {
      await context.close();
    }
    return findings;
  }

  /**
   * Every visible element holding text on the page, its font size without and with 长辈模式 (the
   * class on <html>, as the switch on 我的 puts it in H5), and whether it is a heading.
   */
  async function sizes(page: Page) {
    return page.evaluate(() => {
      const elements: HTMLElement[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (!el || !walker.currentNode.textContent?.trim() || elements.includes(el)) continue;
        if (el.closest('script, style, .taro__toast, .taro__modal')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        elements.push(el);
      }
      const px = () => elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
      document.documentElement.classList.remove('elder');
      const normal = px();
      document.documentElement.classList.add('elder');
      const elder = px();
      document.documentElement.classList.remove('elder');
      const isHeading = (el: HTMLElement) => !!el.closest('[role=heading], h1, h2, h3, h4') || /(^|[\s_-])(title|hero__title)(\s|$)|__title\b|section-title/.test(el.className);
      return elements.map((el, i) => ({
        text: (el.textContent ?? '').trim().slice(0, 20),
        cls: String(el.className).slice(0, 60),
        normal: normal[i],
        elder: elder[i],
        heading: isHeading(el),
        chars: (el.textContent ?? '').trim().length,
      }));
    });
  }

  test('长辈模式 enlarges every text on every resident page, tab bar and secondary text included; no heading smaller than its body', async () => {
    const { context, page } = await signedInTab('demo-resident');
    const notLarger: string[] = [];
    const smallHeadings: string[] = [];
    try {
      for (const route of await residentRoutes()) {
        await load(page, route);
        const measured = await sizes(page);
        for (const m of measured) if (!(m.elder > m.normal)) notLarger.push(`${route} .${m.cls} "${m.text}" ${m.normal}→${m.elder}px`);
        // The body size: the size most of the page's characters are set in, with 长辈模式 on.
        const bySize = new Map<number, number>();
        for (const m of measured) if (!m.heading) bySize.set(m.elder, (bySize.get(m.elder) ?? 0) + m.chars);
        const body = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
        for (const m of measured) if (m.heading && m.elder < body) smallHeadings.push(`${route} .${m.cls} "${m.text}" ${m.elder}px < body ${body}px`);
      }
      // The tab bar's labels grow too (they are drawn by Taro in H5, outside any page).
      await load(page, '/pages/me/index');
      const label = () => page.locator('.weui-tabbar__label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const before = await label();
      await page.evaluate(() => document.documentElement.classList.add('elder'));
      expect(await label()).toBeGreaterThanOrEqual(before * 1.2);
    } finally {
      await context.close();
    }
    expect(notLarger).toEqual([]);
    expect(smallHeadings).toEqual([]);
  }, 240_000);

  test('every resident page: no critical or serious violation', async () => {
    const findings = await walk('demo-resident', await residentRoutes());
    expect(findings).toEqual([]);
  }, 240_000);

  test('every staff page (as an admin, who may open all): no critical or serious violation', async () => {
    const findings = await walk('demo-admin', await staffRoutes());
    expect(findings).toEqual([]);
  }, 240_000);
});
