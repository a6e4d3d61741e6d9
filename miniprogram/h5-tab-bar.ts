/**
 * H5: Taro draws the tab bar as links, so the keyboard reaches each tab and Enter follows it, but a
 * screen reader hears neither which tab is open nor what the bare number on 我的 is. Each tab gets
 * `aria-current="page"` when it is the open one, and the badge becomes a picture named for what its
 * count is, unread messages (the only badge the app sets, use-unread-count.ts): the tab reads
 * "2条未读消息 我的". The name stays the tab's own text (no aria-label over it), so it always holds the
 * visible label. Taro redraws the bar as tabs switch and the badge changes, so the marks follow every
 * redraw. (WeChat draws its own bar: custom-tab-bar/.)
 */
export function describeTabBar(): () => void {
  const describe = () => {
    for (const tab of Array.from(document.querySelectorAll<HTMLElement>('.weui-tabbar__item'))) {
      const open = tab.classList.contains('weui-bar__item_on');
      if (open && tab.getAttribute('aria-current') !== 'page') tab.setAttribute('aria-current', 'page');
      if (!open && tab.hasAttribute('aria-current')) tab.removeAttribute('aria-current');
      const badge = tab.querySelector('.weui-badge:not(.weui-badge_dot)');
      const count = badge?.textContent?.trim();
      if (!badge || !count) continue;
      const name = `${count}条未读消息`;
      if (badge.getAttribute('role') !== 'img') badge.setAttribute('role', 'img');
      if (badge.getAttribute('aria-label') !== name) badge.setAttribute('aria-label', name);
    }
  };
  describe();
  const observer = new MutationObserver(describe);
  // Only the bar's own changes matter, but it is drawn after launch: watch for it, its classes and its text.
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
