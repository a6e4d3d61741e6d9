import Taro from '@tarojs/taro';

/**
 * What the app keeps on the phone only (never sent to the bureau): the 个人信息 page lists what is
 * there and an erasure clears it with the rest.
 */
export const PHONE_ONLY_KEYS: Array<{ key: string; label: string }> = [
  { key: 'sg-request-draft', label: '填写中的政府信息公开申请' },
  // The inquiry form's key (inquiry/inquiry-draft.ts), written out: importing it would pull that subpackage's module into the main package.
  { key: 'inquiry-ask-draft', label: '填写中的咨询或投诉' },
  { key: 'sg-recent-searches', label: '最近的搜索' },
];

/** The labels of what is stored on this phone now. */
export function phoneOnlyDataPresent(): string[] {
  return PHONE_ONLY_KEYS.filter(({ key }) => {
    try {
      const value = Taro.getStorageSync(key);
      return value !== '' && value !== undefined && value !== null;
    } catch {
      return false;
    }
  }).map(({ label }) => label);
}

export function clearPhoneOnlyData(): void {
  for (const { key } of PHONE_ONLY_KEYS) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Storage unavailable: nothing was kept there either.
    }
  }
}
