/**
 * The WeChat build's tab bar (app.config.ts: `tabBar.custom`). WeChat's own
 * bar keeps its font size whatever the app asks, so in 长辈模式 it stayed
 * small; this one draws the same four tabs, icons and colours and grows with
 * 长辈模式 (labels, icons, badge and the bar itself).
 *
 * WeChat puts one instance under each tab page. What it shows is pushed by
 * the pages through `getTabBar()` (miniprogram/tab-bar.ts: which tab is
 * selected, the unread count on 我的, 长辈模式). On attach it reads 长辈模式
 * from storage itself, so a page's bar does not start small and then jump.
 *
 * Plain ES5 with no imports, like native/period-progress: WeChat loads it as
 * is, and so does miniprogram-simulate in test/native/.
 */

/** elder-mode.ts keeps 长辈模式 under this key (true when on). */
var ELDER_KEY = 'sg-elder-mode';

/** The same tabs as app.config.ts `tabBar.list`; test/native/custom-tab-bar.test.ts holds them equal. */
var TABS = [
  { pagePath: 'pages/index/index', text: '首页', iconPath: '/assets/tab/home.png', selectedIconPath: '/assets/tab/home-active.png' },
  { pagePath: 'pages/notices/index', text: '政务公开', iconPath: '/assets/tab/notices.png', selectedIconPath: '/assets/tab/notices-active.png' },
  { pagePath: 'pages/guides/index', text: '办事', iconPath: '/assets/tab/guides.png', selectedIconPath: '/assets/tab/guides-active.png' },
  { pagePath: 'pages/me/index', text: '我的', iconPath: '/assets/tab/me.png', selectedIconPath: '/assets/tab/me-active.png' }
];

function storedElderMode() {
  try {
    return wx.getStorageSync(ELDER_KEY) === true;
  } catch (e) {
    return false;
  }
}

Component({
  data: {
    tabs: TABS,
    // -1 until the page says which tab it is: no tab drawn as selected rather than the wrong one.
    selected: -1,
    // Badge text per tab ('' for none), as setTabBarBadge would show it.
    badges: TABS.map(function () { return ''; }),
    elder: false
  },

  lifetimes: {
    attached: function () {
      this.setData({ elder: storedElderMode() });
    }
  },

  methods: {
    /** A tap switches to that tab's page; tapping the tab already shown does nothing, as WeChat's bar. */
    onTap: function (event) {
      var index = Number(event.currentTarget.dataset.index);
      var tab = TABS[index];
      if (!tab || index === this.data.selected) return;
      wx.switchTab({ url: '/' + tab.pagePath });
    }
  }
});
