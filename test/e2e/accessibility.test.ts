import type { Page } from 'playwright-core';
import { e2eDescribe, settled, useE2E } from '../support/e2e';
import { announcement } from '../support/factories';
import { VALID_RESIDENT_ID } from '../support/request-factories';
import { signedInClient } from '../support/signed-in-client';

/**
 * Accessibility over the whole H5 app in Chromium: axe-core on every page — the resident's as
 * demo-resident, the staff area's as demo-admin — failing on any critical or serious violation; and
 * 长辈模式 read from the computed font sizes: every text larger than without it (the tab bar and
 * secondary text included), and no heading smaller than the body text of its page.
 *
 * Lean on purpose (it runs in every `npm test`): one browser and one local cloud for the file, one tab
 * per identity for all its routes, each page walked once (axe and the sizes on the same load), no fixed
 * waits — a page is ready when it has slid in, no request of it is in flight and it says nothing is
 * loading — and axe runs only the rules that can report what is asserted.
 *
 * Each identity's first page is a fresh load, as a shared link opens it; every next one is reached
 * as the app's own links reach it (the router's hash changes, Taro mounts the page afresh), which
 * spares reloading the whole H5 app for each of some sixty pages.
 */
const AXE = require.resolve('axe-core/axe.min.js');
const SERIOUS = new Set(['critical', 'serious']);
/** What a page shows while its data is on the way (list states, 正在生成 of a QR, 正在检查 of the report reminder). */
const LOADING = /正在(加载|生成|检查)/;

interface Finding {
  route: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface Measured {
  text: string;
  cls: string;
  normal: number;
  elder: number;
  heading: boolean;
  chars: number;
}

/** Ids the pages with a subject need. */
interface Subjects {
  notice: string;
  consultation: string;
  /** One published notice of every other kind (each kind's page shows its own facts), and a withdrawn one. */
  otherKinds: string[];
  withdrawn?: string;
  request: string;
  case: string;
  window: string;
  followUp: string;
  faq?: string;
  review: string;
}

/** Every resident page of the app (app.config.ts), with the subject its link carries. */
function residentRoutes(s: Subjects): string[] {
  return [
    '/pages/index/index',
    '/pages/notices/index',
    `/pages/notice-detail/index?id=${s.consultation}`,
    ...s.otherKinds.map((id) => `/pages/notice-detail/index?id=${id}`),
    ...(s.withdrawn ? [`/pages/notice-detail/index?id=${s.withdrawn}`] : []),
    '/pages/guides/index',
    '/pages/me/index',
    '/pages/inbox/index',
    '/pages/subscriptions/index',
    `/pages/search/index?q=${encodeURIComponent('通知')}`,
    '/pages/my-data/index',
    '/pages/privacy/index',
    '/pages/not-found/index',
    '/pages/dev-sign-in/index',
    '/requests/pages/new/index',
    '/requests/pages/applicant/index',
    '/requests/pages/mine/index',
    `/requests/pages/detail/index?id=${s.request}`,
    `/requests/pages/result/index?id=${s.request}`,
    `/requests/pages/letter/index?id=${s.request}&letter=0`,
    '/inquiry/pages/ask/index',
    '/inquiry/pages/mine/index',
    `/inquiry/pages/case/index?id=${s.case}`,
    '/inquiry/pages/faq/index',
    '/inquiry/pages/guide/index',
    `/rating/pages/rate/index?window=${s.window}`,
    '/rating/pages/mine/index',
    '/rating/pages/stats/index',
  ];
}

/** Every page of the staff area, as an admin (who may open all), and 我的 with the staff entries. */
function staffRoutes(s: Subjects): string[] {
  return [
    '/admin/pages/notices/index',
    `/admin/pages/notice-edit/index?id=${s.notice}`,
    '/admin/pages/notice-edit/index',
    '/admin/pages/requests/index',
    `/admin/pages/request/index?id=${s.request}`,
    '/admin/pages/request-enter/index',
    `/admin/pages/request-letter/index?id=${s.request}&letter=0`,
    '/admin/pages/calendar/index',
    '/admin/pages/letter-templates/index',
    `/admin/pages/deliveries/index?subjectId=${s.notice}`,
    `/admin/pages/opinions/index?id=${s.consultation}`,
    `/admin/pages/notice-history/index?id=${s.notice}`,
    `/admin/pages/notice-version/index?id=${s.notice}&version=1`,
    '/admin/pages/windows/index',
    `/admin/pages/window-edit/index?id=${s.window}`,
    '/admin/pages/window-edit/index',
    `/admin/pages/window-qr/index?id=${s.window}&mode=window`,
    `/admin/pages/window-qr/index?id=${s.window}`,
    '/admin/pages/follow-ups/index',
    `/admin/pages/follow-up/index?id=${s.followUp}`,
    '/admin/pages/rating-ranking/index',
    '/admin/pages/staff/index',
    '/admin/pages/staff-join/index',
    '/admin/pages/audit/index',
    '/admin/pages/retention/index',
    '/admin/pages/report/index',
    '/admin/pages/report-stats/index',
    '/admin/pages/inquiries/index',
    `/admin/pages/inquiry/index?id=${s.case}`,
    '/admin/pages/inquiry-enter/index',
    '/admin/pages/inquiry-figures/index',
    s.faq ? `/admin/pages/faq-edit/index?id=${s.faq}` : '/admin/pages/faq-edit/index',
    '/admin/pages/guide-edit/index',
    '/admin/pages/reviews/index',
    `/admin/pages/review/index?id=${s.review}`,
    '/admin/pages/review-settings/index',
    '/pages/me/index',
  ];
}

/** Every page the app declares (the H5 build's dev sign-in included), as `root/pages/x/index`. */
function declaredPages(): string[] {
  const global = globalThis as { defineAppConfig?: <T>(config: T) => T };
  const env = process.env.TARO_ENV;
  global.defineAppConfig = (config) => config;
  process.env.TARO_ENV = 'h5';
  try {
    let config: { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> } | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = require('../../miniprogram/app.config').default;
    });
    return [...config!.pages, ...config!.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
  } finally {
    delete global.defineAppConfig;
    if (env === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV');
    else process.env.TARO_ENV = env;
  }
}

/** The id of the page on top of Taro's stack (the route and a stamp, new for every page mounted). */
function topPageId(): string {
  const pages = document.querySelectorAll('.taro_router > .taro_page');
  return pages[pages.length - 1]?.id ?? '';
}

const pathOf = (route: string) => route.replace(/^\//, '').replace(/\?.*$/, '');

test('the walk opens every page the app declares', () => {
  const fake: Subjects = { notice: 'n', consultation: 'c', otherKinds: [], request: 'r', case: 'k', window: 'w', followUp: 'f', faq: 'q', review: 'v' };
  const walked = new Set([...residentRoutes(fake), ...staffRoutes(fake)].map(pathOf));
  expect(declaredPages().filter((page) => !walked.has(page))).toEqual([]);
});

e2eDescribe('accessibility: axe-core on every page; 长辈模式 sizes', () => {
  // The bureau's default settings: publishing waits for 公开审查, so the walk has an item to review.
  const e2e = useE2E({ review: true });
  const client = signedInClient(() => e2e.base);
  let subjectsOnce: Promise<Subjects> | null = null;

  /**
   * Ids from the seeded bureau, plus what the demo has none of, made as people make them: an inquiry
   * of demo-resident's, and a notice the editor submits for publishing (an item waiting for review).
   */
  function subjects(): Promise<Subjects> {
    subjectsOnce ??= (async () => {
      const store = e2e.cloud.store;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const first = async <T>(name: Parameters<typeof store.collection>[0], where: any = {}) =>
        (await store.collection(name).find({ where, orderBy: [], limit: 50 })).items as unknown as T[];
      const notices = await first<{ id: string; kind: string }>('notices', { status: 'published' });
      const consultation = notices.find((n) => n.kind === 'consultation') ?? notices[0];
      const otherKinds = [...new Map(notices.filter((n) => n.kind !== consultation.kind).map((n) => [n.kind, n.id])).values()];
      const [withdrawn] = await first<{ id: string }>('notices', { status: 'withdrawn' });
      const requests = await first<{ id: string; status: string; letters?: unknown[] }>('requests', { ownerOpenid: 'demo-resident' });
      // An answered one: its page shows the most (the reply, letters, 评价本次办理), and it has a letter to open.
      const request = requests.find((r) => r.status === 'replied' && (r.letters ?? []).length > 0) ?? requests[0];
      const asked = (await client.api('demo-resident', 'inquiries', 'ask', { idempotencyKey: 'a11y-walk-0001', kind: 'inquiry', topic: '加装电梯', text: '老旧小区加装电梯需要哪些材料？' })) as { id: string };
      const [window] = await first<{ id: string }>('windows');
      const [followUp] = await first<{ id: string }>('followUps');
      const [faq] = await first<{ id: string }>('faq');
      const draft = (await client.api('demo-editor', 'notices', 'save', { notice: announcement({ title: '关于老旧小区加装电梯的公告' }) })) as { id: string; version: number };
      const submitted = (await client.api('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version })) as { reviewId: string };
      return {
        notice: notices[0].id,
        consultation: consultation.id,
        otherKinds,
        withdrawn: withdrawn?.id,
        request: request.id,
        case: asked.id,
        window: window.id,
        followUp: followUp.id,
        faq: faq?.id,
        review: submitted.reviewId,
      };
    })();
    return subjectsOnce;
  }

  /**
   * Opens `route` — a fresh load on the tab's first route, the router's hash after that — and waits
   * until the new page has slid in, no request is in flight, nothing says it is loading, and that has
   * held for a few frames (a request that answers sets the state that may ask the next one a frame later).
   */
  async function load(page: Page, route: string): Promise<void> {
    const before = await page.evaluate(topPageId).catch(() => '');
    if (page.url().startsWith(e2e.base)) {
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#${route}`);
    } else {
      await page.goto(`${e2e.base}/#${route}`);
    }
    await page.waitForFunction(
      ({ path, before, loading }) => {
        const w = window as unknown as { __inFlight: number; __quietFrames?: number };
        const pages = document.querySelectorAll('.taro_router > .taro_page');
        const top = pages[pages.length - 1] as HTMLElement | undefined;
        const arrived = !!top && top.id !== before && top.id.startsWith(`${path}?`) && top.classList.contains('taro_page_stationed');
        const quiet = arrived && w.__inFlight === 0 && !new RegExp(loading).test(top.innerText);
        w.__quietFrames = quiet ? (w.__quietFrames ?? 0) + 1 : 0;
        return w.__quietFrames >= 3;
      },
      { path: route.replace(/\?.*$/, ''), before, loading: LOADING.source },
      { polling: 'raf' },
    );
  }

  async function axeOn(page: Page, route: string): Promise<Finding[]> {
    const results = await page.evaluate(async () => {
      interface Check { id: string; metadata?: { impact?: string } }
      interface Rule { id: string; enabled: boolean; impact?: string; any: Array<string | Check>; all: Array<string | Check>; none: Array<string | Check> }
      const axe = (window as unknown as {
        axe: {
          _audit: { rules: Rule[]; checks: Record<string, Check> };
          run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }).axe;
      // The rules axe runs by default that can report a critical or serious violation: a rule's impact
      // is the highest of its failing checks' (or its own), so a rule whose checks are all minor or
      // moderate (region, heading-order, landmark-one-main…) can never change the verdict.
      const serious = (impact?: string) => impact === 'critical' || impact === 'serious';
      const checkImpact = (c: string | Check) => axe._audit.checks[typeof c === 'string' ? c : c.id]?.metadata?.impact;
      const rules = axe._audit.rules
        .filter((r) => r.enabled !== false && (serious(r.impact) || [...r.any, ...r.all, ...r.none].some((c) => serious(checkImpact(c)))))
        .map((r) => r.id);
      const { violations } = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    return results.filter((r) => SERIOUS.has(r.impact)).map((r) => ({ route, ...r }));
  }

  /**
   * Every visible element holding text on the page, its font size without and with 长辈模式 (the
   * class on <html>, as the switch on 我的 puts it in H5), and whether it is a heading.
   */
  async function sizes(page: Page): Promise<Measured[]> {
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

  /**
   * The tab bar (drawn by Taro in H5, outside any page): its first label's size without and with 长辈模式,
   * and what each tab is to the keyboard and a screen reader.
   */
  async function tabBar(page: Page): Promise<TabBar> {
    const label = await page.locator('.weui-tabbar__label').first().evaluate((el) => {
      const px = () => parseFloat(getComputedStyle(el).fontSize);
      document.documentElement.classList.remove('elder');
      const normal = px();
      document.documentElement.classList.add('elder');
      const elder = px();
      document.documentElement.classList.remove('elder');
      return { normal, elder };
    });
    const tabs = await page.locator('.weui-tabbar__item').evaluateAll((items) => {
      // The accessible name as axe computes it (a badge's role and name included), over axe's tree of the page.
      const axe = (window as unknown as { axe: { setup: (root: Node) => void; teardown: () => void; commons: { text: { accessibleText: (el: Element) => string } } } }).axe;
      axe.setup(document);
      try {
        return items.map((a) => ({
          tag: a.tagName,
          focusable: (a as HTMLElement).tabIndex >= 0,
          name: (axe.commons.text.accessibleText(a) ?? '').replace(/\s+/g, ' ').trim(),
          current: a.getAttribute('aria-current'),
          text: a.querySelector('.weui-tabbar__label')?.textContent ?? '',
          badge: a.querySelector('.weui-badge:not(.weui-badge_dot)')?.textContent ?? null,
        }));
      } finally {
        axe.teardown();
      }
    });
    return { label, tabs };
  }

  interface TabBar {
    label: { normal: number; elder: number };
    tabs: Array<{ tag: string; focusable: boolean; name: string; current: string | null; text: string; badge: string | null }>;
  }

  interface Walk {
    findings: Finding[];
    sizes: Map<string, Measured[]>;
    tab?: TabBar;
  }

  /** One tab signed in as `openid` over `routes`: axe and the 长辈模式 sizes on each. */
  async function walk(openid: string, routes: string[]): Promise<Walk> {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, openid);
    await context.addInitScript({ path: AXE });
    // Counts the page's requests in flight (the H5 build asks the cloud with fetch), for `load`.
    await context.addInitScript(() => {
      const w = window as unknown as { __inFlight: number };
      const fetchOf = window.fetch.bind(window);
      w.__inFlight = 0;
      window.fetch = (...args: Parameters<typeof fetch>) => {
        w.__inFlight++;
        return fetchOf(...args).finally(() => {
          w.__inFlight--;
        });
      };
    });
    const result: Walk = { findings: [], sizes: new Map() };
    try {
      for (const route of routes) {
        await load(page, route);
        result.findings.push(...(await axeOn(page, route)));
        result.sizes.set(route, await sizes(page));
        if (route === '/pages/me/index') result.tab = await tabBar(page);
      }
    } finally {
      await context.close();
    }
    return result;
  }

  /** Each identity walked once, by whichever of its tests runs first (so its page errors fail that test). */
  const walks = new Map<string, Promise<Walk>>();
  async function walked(openid: 'demo-resident' | 'demo-admin'): Promise<Walk> {
    if (!walks.has(openid)) walks.set(openid, walk(openid, (openid === 'demo-admin' ? staffRoutes : residentRoutes)(await subjects())));
    return walks.get(openid)!;
  }

  /** Texts 长辈模式 does not enlarge, and headings it leaves smaller than the size most of their page's text is set in. */
  function elderProblems(measured: Map<string, Measured[]>): { notLarger: string[]; smallHeadings: string[] } {
    const notLarger: string[] = [];
    const smallHeadings: string[] = [];
    for (const [route, texts] of measured) {
      for (const m of texts) if (!(m.elder > m.normal)) notLarger.push(`${route} .${m.cls} "${m.text}" ${m.normal}→${m.elder}px`);
      const bySize = new Map<number, number>();
      for (const m of texts) if (!m.heading) bySize.set(m.elder, (bySize.get(m.elder) ?? 0) + m.chars);
      const body = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
      for (const m of texts) if (m.heading && m.elder < body) smallHeadings.push(`${route} .${m.cls} "${m.text}" ${m.elder}px < body ${body}px`);
    }
    return { notLarger, smallHeadings };
  }

  test('every resident page: no critical or serious violation', async () => {
    expect((await walked('demo-resident')).findings).toEqual([]);
  }, 180_000);

  test('长辈模式 enlarges every text on every resident page, tab bar and secondary text included; no heading smaller than its body', async () => {
    const { sizes: measured, tab } = await walked('demo-resident');
    expect(measured.size).toBe(residentRoutes(await subjects()).length);
    expect(tab).toBeDefined();
    expect(tab!.label.elder).toBeGreaterThanOrEqual(tab!.label.normal * 1.2);
    expect(elderProblems(measured)).toEqual({ notLarger: [], smallHeadings: [] });
  }, 180_000);

  test('every staff page (as an admin, who may open all): no critical or serious violation', async () => {
    expect((await walked('demo-admin')).findings).toEqual([]);
  }, 180_000);

  test('长辈模式 in H5 enlarges the staff pages too, and leaves no heading there smaller than its body', async () => {
    const { sizes: measured } = await walked('demo-admin');
    expect(measured.size).toBe(staffRoutes(await subjects()).length);
    expect(elderProblems(measured)).toEqual({ notLarger: [], smallHeadings: [] });
  }, 180_000);

  test('H5 tab bar, as a resident and as staff: each tab a link the keyboard reaches, named; 我的 marked as the open page; an unread count named as such', async () => {
    for (const openid of ['demo-resident', 'demo-admin'] as const) {
      const { tab } = await walked(openid);
      expect(tab!.tabs.map((t) => t.text)).toEqual(['首页', '政务公开', '办事', '我的']);
      for (const t of tab!.tabs) {
        expect({ tab: t.text, tag: t.tag, focusable: t.focusable }).toEqual({ tab: t.text, tag: 'A', focusable: true });
        expect(t.name).toBe(t.badge ? `${t.badge}条未读消息 ${t.text}` : t.text);
        expect(t.current).toBe(t.text === '我的' ? 'page' : null);
      }
    }
  }, 180_000);

  /**
   * The keyboard alone, as someone who cannot use a touch screen or a mouse: Tab (Shift+Tab back) to a
   * control, Enter to use it, typing into fields. Home → a notice → 返回; then 申请公开 from home, its
   * four steps filled and sent. Each control is found by pressing Tab until it has the focus, so a
   * control the keyboard passes by fails the walk, naming where the focus went instead.
   */
  test('a resident reaches and uses home, a notice and the request form with Tab and Enter only', async () => {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, 'keyboard-resident');
    await page.goto(`${e2e.base}/#/pages/index/index`);
    await settled(page);
    await page.locator('[data-testid=notice-card]:visible').first().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { id: el.dataset.testid ?? '', label: el.getAttribute('aria-label') ?? '', name: (el as HTMLInputElement).name ?? '', text: (el.textContent ?? '').trim().slice(0, 16) };
      });
    type Focused = Awaited<ReturnType<typeof focused>>;
    async function tabTo(is: (f: Focused) => boolean, what: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
      const went: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const f = await focused();
        if (is(f)) return;
        went.push(f.id || f.name || f.label || f.text);
      }
      throw new Error(`${what}: not reached with ${key}; the focus went ${went.join(' → ')}`);
    }
    // The page of `path` is on top, shown and has slid in (going back, the page left stays on top while it slides out).
    const arrived = async (path: string) => {
      await page.waitForFunction((path) => {
        const pages = document.querySelectorAll('.taro_router > .taro_page');
        const top = pages[pages.length - 1] as HTMLElement | undefined;
        return !!top && top.id.startsWith(`${path}?`) && top.classList.contains('taro_page_stationed') && getComputedStyle(top).display !== 'none';
      }, path);
      await settled(page);
    };
    const typeInto = async (name: string, text: string) => {
      await tabTo((f) => f.name === name, `field ${name}`);
      await page.keyboard.type(text);
    };
    const next = async (section: string) => {
      await tabTo((f) => f.id === 'next-step', '下一步');
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid=section-${section}]:visible`).waitFor();
    };

    await tabTo((f) => f.id === 'notice-card', 'a notice on the home page');
    const title = await page.evaluate(() => document.activeElement?.querySelector('.notice-card__title')?.textContent ?? '');
    await page.keyboard.press('Enter');
    await arrived('/pages/notice-detail/index');
    expect(await page.locator('.taro_page:visible').last().textContent()).toContain(title);
    // Under the notice, its own button (复制链接) is reached too, then 返回 back up the page.
    await tabTo((f) => f.id === 'copy-link', '复制链接');
    await tabTo((f) => f.label === '返回', '返回', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await arrived('/pages/index/index');

    await tabTo((f) => f.id === 'home-new-request', '申请公开');
    await page.keyboard.press('Enter');
    await arrived('/requests/pages/new/index');
    await typeInto('name', '林晓雨');
    await typeInto('idNumber', VALID_RESIDENT_ID);
    await next('contact');
    await typeInto('phone', '13812345678');
    await next('information');
    await typeInto('description', '请公开本区2026年老旧小区加装电梯的补助标准。');
    await next('review');
    await tabTo((f) => f.id === 'submit-request', '提交申请');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=tracking-number]:visible').waitFor();
    const sent = (await e2e.cloud.store.collection('requests').find({ where: { ownerOpenid: 'keyboard-resident' }, orderBy: [], limit: 2 })).items;
    expect(sent).toEqual([expect.objectContaining({ status: 'submitted', applicant: expect.objectContaining({ name: '林晓雨', phone: '13812345678' }) })]);
    await context.close();
  }, 120_000);
});
