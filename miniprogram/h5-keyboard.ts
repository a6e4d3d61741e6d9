/**
 * H5: a tappable View or Text (a card, a menu line, a filter) carries `role="button"` and
 * `tabIndex={0}`, so the keyboard reaches it and a screen reader calls it a button — but only a real
 * <button> or link acts on Enter and Space by itself. One listener for the whole document makes
 * every such element do what a tap does, instead of a key handler on each of them.
 */
const ACTIVATED_BY_KEYS = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'menuitem', 'switch']);

/**
 * Taro's H5 pages are scrolling boxes: a page with nothing focusable in it (a policy text, a list of
 * figures) could not be scrolled from the keyboard. Each page box is made focusable as it appears.
 */
export function focusablePages(): () => void {
  const mark = () => {
    for (const page of Array.from(document.querySelectorAll<HTMLElement>('.taro_router > .taro_page:not([tabindex])'))) page.tabIndex = 0;
  };
  mark();
  const observer = new MutationObserver(mark);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}

export function activateRolesByKeyboard(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target as HTMLElement | null;
    if (!target || target.isContentEditable || /^(BUTTON|A|INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const role = target.getAttribute('role');
    if (!role || !ACTIVATED_BY_KEYS.has(role) || target.getAttribute('aria-disabled') === 'true') return;
    // Space would scroll the page; Enter on a link-like card should not also submit anything around it.
    event.preventDefault();
    target.click();
  });
}

/** Taro's own style for its button takes the focus ring away (`outline: 0`); this puts one back. */
const BUTTON_FOCUS_RING = 'taro-button-core[role=button]:focus-visible{outline:2px solid #1f5fbf;outline-offset:2px}';

/**
 * Taro's H5 Button is a custom element (<taro-button-core>), not a <button>: the keyboard passed it by
 * (下一步 and 提交申请 on the request form, 复制链接 under a notice) and a screen reader did not call it a
 * button. Each one is given the role, a place in the tab order (none while disabled) and
 * aria-disabled, as it appears and as its `disabled` changes; Enter and Space then do what a tap does
 * (activateRolesByKeyboard).
 */
export function focusableButtons(): () => void {
  const style = document.createElement('style');
  style.textContent = BUTTON_FOCUS_RING;
  document.head.appendChild(style);
  const mark = () => {
    for (const button of Array.from(document.querySelectorAll<HTMLElement>('taro-button-core'))) {
      // Taro writes the prop as a string: disabled={false} leaves disabled="false" on the element.
      const flag = button.getAttribute('disabled');
      const disabled = flag !== null && flag !== 'false';
      if (button.getAttribute('role') !== 'button') button.setAttribute('role', 'button');
      if (button.tabIndex !== (disabled ? -1 : 0)) button.tabIndex = disabled ? -1 : 0;
      if (button.getAttribute('aria-disabled') !== String(disabled)) button.setAttribute('aria-disabled', String(disabled));
    }
  };
  mark();
  // Only `disabled` among attributes: the marks written here must not wake the observer again.
  const observer = new MutationObserver(mark);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return () => {
    observer.disconnect();
    style.remove();
  };
}
