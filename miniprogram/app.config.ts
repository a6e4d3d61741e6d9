/**
 * Pages of the main package are what every resident downloads first, so it
 * holds only resident pages. The staff area is the `admin` subpackage,
 * downloaded only when a staff member opens it.
 *
 * The dev sign-in screen exists only in the H5 build served by the local
 * cloud; the WeChat build never contains it (identity comes from WeChat).
 */
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/dev-sign-in/index'] : [];

export default defineAppConfig({
  // WeChat injects a page's components only when the page first uses them, so
  // opening the app does not pay for the staff area's components.
  lazyCodeLoading: 'requiredComponents',
  pages: [
    'pages/index/index',
    'pages/notices/index',
    'pages/notice-detail/index',
    'pages/me/index',

    // requests: main-package pages, if any (prefer a resident subpackage below)

    // inbox, subscriptions
    'pages/inbox/index',
    'pages/subscriptions/index',

    // notices search, guides
    'pages/search/index',
    'pages/guides/index',

    // ratings

    // residents' own data: 个人信息 (see, export, delete) and the 隐私政策 every form links to
    'pages/my-data/index',
    'pages/privacy/index',
    // where a link to a page the app does not have lands (app.ts: onPageNotFound)
    'pages/not-found/index',

    ...devPages,
  ],
  subPackages: [
    {
      root: 'admin',
      pages: [
        'pages/notices/index',
        'pages/notice-edit/index',

        // requests, calendar
        'pages/requests/index',
        'pages/request/index',
        'pages/request-enter/index',
        'pages/request-letter/index',
        'pages/calendar/index',
        'pages/letter-templates/index',

        // deliveries
        'pages/deliveries/index',

        // notices
        'pages/opinions/index',
        'pages/notice-history/index',
        'pages/notice-version/index',

        // windows, rating follow-ups
        'pages/windows/index',
        'pages/window-edit/index',
        'pages/window-qr/index',
        'pages/follow-ups/index',
        'pages/follow-up/index',
        'pages/rating-ranking/index',

        // staff administration: 人员管理 (admins), and the invited person's 加入工作人员
        'pages/staff/index',
        'pages/staff-join/index',
        // 操作记录 (admins)
        'pages/audit/index',
        // 个人信息保存期限 (admins)
        'pages/retention/index',
        // 年度报告 (admins and viewers)
        'pages/report/index',
        'pages/report-stats/index',

        // inquiries, complaints: the answerers' queue, a case, a call entered
        'pages/inquiries/index',
        'pages/inquiry/index',
        'pages/inquiry-enter/index',
        'pages/inquiry-figures/index',
        'pages/faq-edit/index',
        // the disclosure guide (admins)
        'pages/guide-edit/index',
        // 公开审查: what waits, one item, which kinds need review (admins)
        'pages/reviews/index',
        'pages/review/index',
        'pages/review-settings/index',

      ],
    },

    // resident subpackages: requests
    // The form validates with the server's zod schema: zod ships here, not in the main package.
    { root: 'requests', pages: ['pages/new/index', 'pages/result/index', 'pages/mine/index', 'pages/detail/index', 'pages/letter/index', 'pages/applicant/index'] },

    // resident subpackages: inquiries, complaints, FAQ, the disclosure guide (the ask form validates with zod)
    { root: 'inquiry', pages: ['pages/ask/index', 'pages/mine/index', 'pages/case/index', 'pages/faq/index', 'pages/guide/index'] },

    // resident subpackages: ratings
    {
      root: 'rating',
      pages: ['pages/rate/index', 'pages/mine/index', 'pages/stats/index'],
    },

  ],
  // WeChat's privacy consent: the first privacy API waits for the app's popup (miniprogram/privacy/).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '阳光政务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    // WeChat's own bar; in the H5 build it makes Taro draw one too (title, and back on inner pages).
    navigationStyle: 'default',
  },
  // Which pages WeChat search may index: the public ones only (miniprogram/sitemap.json).
  sitemapLocation: 'sitemap.json',
  // 首页 / 政务公开 / 办事 / 我的, with icons drawn by scripts/draw-tab-icons.cjs. Tab pages are switched to, never pushed: `go` in navigation.ts knows them (tab-pages.ts).
  // In WeChat the bar is our own (custom-tab-bar/, kept in step by tab-bar.ts), because WeChat's own cannot grow
  // with 长辈模式; WeChat still wants the whole list here to know the tab pages. Taro's H5 draws its own bar from this list.
  tabBar: {
    custom: process.env.TARO_ENV === 'weapp',
    color: '#555555',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/notices/index', text: '政务公开', iconPath: 'assets/tab/notices.png', selectedIconPath: 'assets/tab/notices-active.png' },
      { pagePath: 'pages/guides/index', text: '办事', iconPath: 'assets/tab/guides.png', selectedIconPath: 'assets/tab/guides-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
});
