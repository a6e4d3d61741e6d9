/**
 * Abuse limits: how often one caller may do one thing.
 *
 * A government service must not let one resident (or one script) take a hundred numbers of the
 * annual request sequence and a hundred places in the clerks' statutory queue in a second. Each
 * limited action is listed here as data, keyed `function.action` (uploads, which are no cloud
 * function, as `files.upload`), with limits per kind of caller: a signed-in resident (by OPENID),
 * a staff member (by OPENID, counted apart from residents and allowed more: entering paper
 * requests is their job), and an anonymous caller (by IP, in the local cloud only; in WeChat every
 * call carries an OPENID). An action or kind of caller not listed is not limited.
 *
 * Windows are fixed and aligned to Beijing midnight, so "20 a day" means a calendar day as the
 * resident sees it. The bureau may replace any entry in the `meta` document `rate-limits`.
 * Pure: time comes in as an argument.
 */
export const RATE_LIMITS_META_ID = 'rate-limits';

export const AUDIENCES = ['resident', 'staff', 'anonymous'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface RateLimit {
  max: number;
  /** Window length in seconds: 60, 3600, 86400… */
  seconds: number;
}

export interface LimitedAction {
  /** What the caller was doing, for the message: 「每小时最多提交申请 5 次」. */
  what: string;
  limits: Partial<Record<Audience, RateLimit[]>>;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

export const DEFAULT_RATE_LIMITS: Record<string, LimitedAction> = {
  'requests.submit': {
    what: '提交申请',
    limits: {
      resident: [{ max: 5, seconds: HOUR }, { max: 20, seconds: DAY }],
      staff: [{ max: 30, seconds: HOUR }, { max: 200, seconds: DAY }],
    },
  },
  'requests.enter': { what: '录入申请', limits: { staff: [{ max: 60, seconds: HOUR }, { max: 300, seconds: DAY }] } },
  'ratings.submit': {
    what: '评价',
    limits: { resident: [{ max: 10, seconds: HOUR }, { max: 30, seconds: DAY }], staff: [{ max: 10, seconds: HOUR }, { max: 30, seconds: DAY }] },
  },
  'ratings.feedback': { what: '对整改答复表态', limits: { resident: [{ max: 20, seconds: HOUR }] } },
  'notices.comment': {
    what: '发表意见',
    limits: { resident: [{ max: 10, seconds: HOUR }, { max: 50, seconds: DAY }], staff: [{ max: 10, seconds: HOUR }, { max: 50, seconds: DAY }] },
  },
  'files.upload': { what: '上传附件', limits: { resident: [{ max: 20, seconds: HOUR }, { max: 50, seconds: DAY }], staff: [{ max: 60, seconds: HOUR }, { max: 500, seconds: DAY }] } },
  'inquiries.ask': {
    what: '咨询',
    limits: { resident: [{ max: 5, seconds: HOUR }, { max: 20, seconds: DAY }], staff: [{ max: 30, seconds: HOUR }, { max: 200, seconds: DAY }] },
  },
  'inquiries.enter': { what: '登记来电来访来信', limits: { staff: [{ max: 120, seconds: HOUR }, { max: 600, seconds: DAY }] } },
  'faq.helpful': { what: '评价常见问题', limits: { resident: [{ max: 30, seconds: HOUR }], staff: [{ max: 30, seconds: HOUR }] } },
  'faq.search': {
    what: '搜索常见问题',
    limits: { anonymous: [{ max: 60, seconds: MINUTE }], resident: [{ max: 60, seconds: MINUTE }], staff: [{ max: 120, seconds: MINUTE }] },
  },
  'inquiries.followUp': { what: '追问', limits: { resident: [{ max: 10, seconds: HOUR }, { max: 30, seconds: DAY }] } },
  // A supplement answers what the clerk asked, with files: a few a day at most in good faith.
  'requests.supplement': { what: '提交补正材料', limits: { resident: [{ max: 10, seconds: HOUR }, { max: 30, seconds: DAY }] } },
  // Each subscription write is an event and, at the next bulletin, a fan-out row: no toggling in a loop.
  'subscriptions.subscribe': { what: '订阅', limits: { resident: [{ max: 30, seconds: HOUR }, { max: 100, seconds: DAY }] } },
  'subscriptions.unsubscribe': { what: '取消订阅', limits: { resident: [{ max: 30, seconds: HOUR }, { max: 100, seconds: DAY }] } },
  'subscriptions.recordGrants': { what: '记录订阅消息授权', limits: { resident: [{ max: 30, seconds: HOUR }, { max: 100, seconds: DAY }] } },
  'notices.search': {
    what: '搜索',
    limits: { anonymous: [{ max: 60, seconds: MINUTE }], resident: [{ max: 60, seconds: MINUTE }], staff: [{ max: 120, seconds: MINUTE }] },
  },
};

/** The bureau's replacements, stored in `meta/rate-limits` as `{ limits: { 'requests.submit': { resident: [...] } } }`. */
export type RateLimitOverrides = Record<string, Partial<Record<Audience, RateLimit[]>>>;

/** The limits that apply to `key` for `audience`: the bureau's entry for that audience when it set one, else the default. */
export function limitsFor(key: string, audience: Audience, overrides: RateLimitOverrides | undefined): RateLimit[] {
  const own = overrides?.[key]?.[audience];
  if (own && validLimits(own)) return own;
  return DEFAULT_RATE_LIMITS[key]?.limits[audience] ?? [];
}

/** A bureau's entry is used only when every limit is a positive whole count over a positive whole number of seconds. */
export function validLimits(limits: unknown): limits is RateLimit[] {
  return (
    Array.isArray(limits) &&
    limits.every(
      (l) => typeof l === 'object' && l !== null && Number.isInteger(l.max) && l.max >= 0 && Number.isInteger(l.seconds) && l.seconds > 0 && l.seconds <= 31 * DAY,
    )
  );
}

/** Beijing is UTC+8 all year: windows of whole hours and days start on Beijing's hours and midnights. */
const BEIJING_OFFSET_MS = 8 * HOUR * 1000;

/** The start (ms since epoch) of the fixed window of `seconds` holding `now`. */
export function windowStartOf(now: Date, seconds: number): number {
  const size = seconds * 1000;
  return Math.floor((now.getTime() + BEIJING_OFFSET_MS) / size) * size - BEIJING_OFFSET_MS;
}

/** Whole seconds from `now` until the window of `seconds` holding it ends (at least 1). */
export function secondsUntilWindowEnds(now: Date, seconds: number): number {
  return Math.max(1, Math.ceil((windowStartOf(now, seconds) + seconds * 1000 - now.getTime()) / 1000));
}

/** 「每小时」「每天」「每分钟」「每 10 分钟」 */
export function periodText(seconds: number): string {
  if (seconds === DAY) return '每天';
  if (seconds === HOUR) return '每小时';
  if (seconds === MINUTE) return '每分钟';
  if (seconds % DAY === 0) return `每 ${seconds / DAY} 天`;
  if (seconds % HOUR === 0) return `每 ${seconds / HOUR} 小时`;
  if (seconds % MINUTE === 0) return `每 ${seconds / MINUTE} 分钟`;
  return `每 ${seconds} 秒`;
}

/** 「45 秒」「12 分钟」「3 小时 20 分钟」, rounded up so the resident never comes back too early. */
export function waitText(seconds: number): string {
  if (seconds < MINUTE) return `${seconds} 秒`;
  const minutes = Math.ceil(seconds / MINUTE);
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
}

/** The refusal a resident reads: which limit, and when to try again. */
export function rateLimitedMessage(key: string, limit: RateLimit, retryAfter: number): string {
  const what = DEFAULT_RATE_LIMITS[key]?.what ?? '操作';
  return `操作过于频繁：${periodText(limit.seconds)}最多${what} ${limit.max} 次，请 ${waitText(retryAfter)}后再试`;
}
