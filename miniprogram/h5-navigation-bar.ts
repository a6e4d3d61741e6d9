/**
 * The H5 build's navigation bar is Taro's (app config `navigationStyle: 'default'`): plain divs for
 * 返回 and 首页. Give them a role and a name, so a screen reader (and axe) sees buttons, and let the
 * keyboard reach them. The bar is drawn when the router mounts, which may follow the app's launch.
 */
const BUTTONS: Array<[string, string]> = [
  ['taro-navigation-bar-back', '返回'],
  ['taro-navigation-bar-home', '首页'],
];

export function labelNavigationBar(attempts = 20): void {
  const bar = document.getElementById('taro-navigation-bar');
  if (!bar) {
    if (attempts > 0) setTimeout(() => labelNavigationBar(attempts - 1), 50);
    return;
  }
  for (const [name, label] of BUTTONS) {
    const button = bar.getElementsByClassName(name)[0] as HTMLElement | undefined;
    if (!button) continue;
    button.setAttribute('role', 'button');
    button.setAttribute('aria-label', label);
    // Enter and Space act through the document's one listener for every role="button"
    // (h5-keyboard.ts); a listener of its own here as well made one Enter on 返回 go back two pages.
    button.tabIndex = 0;
  }
}
