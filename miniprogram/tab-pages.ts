/**
 * The tab bar's pages (app.config.ts `tabBar`): 首页 / 政务公开 / 办事 / 我的.
 * WeChat only switches to a tab page (`switchTab`), which carries no query,
 * so a query meant for one (the home grid's kind) waits here until that page
 * is shown and takes it.
 */
export const TAB_PAGES = ['/pages/index/index', '/pages/notices/index', '/pages/guides/index', '/pages/me/index'];
/** 我的's place in the tab bar (its unread badge). */
export const ME_TAB_INDEX = TAB_PAGES.indexOf('/pages/me/index');

const waiting = new Map<string, Record<string, string>>();

export function isTabPage(path: string): boolean {
  return TAB_PAGES.includes(path);
}

export function leaveTabQuery(path: string, query: string): void {
  if (!query) return;
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key) params[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  waiting.set(path, params);
}

/** The query left for `path`, once. */
export function takeTabQuery(path: string): Record<string, string> | null {
  const params = waiting.get(path) ?? null;
  waiting.delete(path);
  return params;
}
