import dayjs from 'dayjs';

/**
 * How long the bureau keeps residents' personal data before the retention job anonymises or removes
 * it (个人信息保护法 Art. 19: no longer than the purpose needs). A bureau setting: the `meta` document
 * `privacy-settings`, edited by an admin (保存期限); these are the defaults until it is. Counted from
 * when the matter ended: a request's conclusion (reply or closure), an inquiry's closing, a rating's
 * day, a message's day. Pure and free of zod: the 隐私政策 page (main package) shows the same numbers.
 */
export interface RetentionSettings {
  /** Years after a request is concluded before its applicant's details are removed (the record stays, Art. 45). */
  requestYears: number;
  /** Years after an inquiry or complaint is closed before its contact is removed. */
  inquiryYears: number;
  /** Days after a rating before the contact left on it is removed (the rating stays in the figures). */
  ratingContactDays: number;
  /** Days a message (消息) and its WeChat delivery record are kept. */
  messageDays: number;
}

export const PRIVACY_SETTINGS_ID = 'privacy-settings';

/**
 * Defaults: a request's file is an archive kept 10 years (定期 10 年 in the 文书档案保管期限 most bureaus
 * apply to 依申请公开 files); an inquiry 3 years; a rating's contact serves the 回访 within the follow-up,
 * a year is ample; messages a year.
 */
export const DEFAULT_RETENTION: RetentionSettings = { requestYears: 10, inquiryYears: 3, ratingContactDays: 365, messageDays: 365 };

/** The bounds an admin may set (the schema and the page say the same). */
export const RETENTION_BOUNDS: Record<keyof RetentionSettings, { min: number; max: number; unit: '年' | '天'; label: string }> = {
  requestYears: { min: 1, max: 30, unit: '年', label: '政府信息公开申请：办结后保存申请人信息' },
  inquiryYears: { min: 1, max: 30, unit: '年', label: '咨询、投诉：办结后保存联系方式' },
  ratingContactDays: { min: 30, max: 3650, unit: '天', label: '评价中留下的联系方式' },
  messageDays: { min: 30, max: 3650, unit: '天', label: '消息及微信通知记录' },
};

/** The settings in force: the stored ones over the defaults (a missing or malformed field takes its default). */
export function retentionInForce(stored: Partial<RetentionSettings> | undefined): RetentionSettings {
  const out = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(DEFAULT_RETENTION) as Array<keyof RetentionSettings>) {
    const value = stored?.[key];
    const { min, max } = RETENTION_BOUNDS[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) out[key] = value;
  }
  return out;
}

/** The day (YYYY-MM-DD) before which a matter that ended is past its period: `today` minus years or days. */
export function cutoffDay(today: string, amount: number, unit: 'years' | 'days'): string {
  return dayjs(today).subtract(amount, unit === 'years' ? 'year' : 'day').format('YYYY-MM-DD');
}
