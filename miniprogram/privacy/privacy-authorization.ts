import Taro from '@tarojs/taro';

/**
 * WeChat's privacy consent (用户隐私保护指引, `__usePrivacyCheck__` in app.json): the first time the app
 * calls a privacy API (the clipboard when copying an address, choosing a file…) WeChat pauses the call
 * and fires `onNeedPrivacyAuthorization`; the app must show its own popup whose agree button has
 * `open-type="agreePrivacyAuthorization"`, then resolve. One handler is registered at launch; the
 * popup mounted on the current page shows itself. A page without the popup sends the resident to the
 * 隐私政策 page, which always has it. The H5 build has no such API: everything here is a no-op there.
 */
export const AGREE_BUTTON_ID = 'privacy-agree';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

let pending: Resolve | null = null;
const listeners = new Set<(asking: boolean) => void>();

const inWeChat = () => process.env.TARO_ENV === 'weapp' && typeof Taro.onNeedPrivacyAuthorization === 'function';

/** Called once at launch (app.ts). */
export function registerPrivacyAuthorization(onNoPopup: () => void): void {
  if (!inWeChat()) return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Resolve;
    if (listeners.size === 0) onNoPopup();
    else listeners.forEach((show) => show(true));
  });
}

/** A popup subscribes while its page is mounted; it is told when WeChat asks. */
export function onPrivacyRequest(show: (asking: boolean) => void): () => void {
  listeners.add(show);
  if (pending) show(true);
  return () => listeners.delete(show);
}

/** Whether WeChat still needs the resident's consent (asked when the home page opens, so the popup comes before any privacy API). */
export function checkPrivacyNeeded(): Promise<boolean> {
  if (!inWeChat() || typeof Taro.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((done) => Taro.getPrivacySetting({ success: (r) => done(r.needAuthorization), fail: () => done(false) }));
}

/** The popup was shown: WeChat wants to know (exposure), before agree or disagree. */
export function reportPopupShown(): void {
  pending?.({ event: 'exposureAuthorization' });
}

/** The agree button (open-type agreePrivacyAuthorization) was tapped: the paused call continues. */
export function agreed(): void {
  pending?.({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  pending = null;
  listeners.forEach((show) => show(false));
}

/** 不同意: the paused call fails, and the app goes on without it. */
export function declined(): void {
  pending?.({ event: 'disagree' });
  pending = null;
  listeners.forEach((show) => show(false));
}
