import { RATING_LEVELS, SATISFIED_LEVELS, type RatingLevel } from './rating-levels';

/**
 * The figures a bureau publishes, kept as exact integer counters per scope
 * (window, service, department, the whole bureau) and Beijing month. Every
 * counted change adjusts them in the same transaction as the record it
 * counts, so reading a month is one record and a year twelve, however many
 * ratings there are; and because they are integers the rates are exact.
 */
export type LevelCounts = Record<RatingLevel, number>;

export interface Tally {
  counts: LevelCounts;
  /** 差评 that opened a follow-up. */
  followUpsOpened: number;
  /** Follow-ups answered to the resident (回访). */
  followUpsAnswered: number;
  /** Of those, answered on or before their due date. */
  followUpsOnTime: number;
  /**
   * 实名差评 (the rater did not choose anonymity) that opened a follow-up, and of those the
   * answered; and follow-ups whose rectification is finished (立行立改 or 解释说明 answered, a
   * 限期整改 completed). Absent on tallies written before these were kept: read as 0.
   */
  realNameOpened?: number;
  realNameAnswered?: number;
  followUpsRectified?: number;
}

export interface Figures {
  total: number;
  counts: LevelCounts;
  /** (非常满意 + 满意 + 基本满意) / all; 0 when there are no ratings (check `total`). */
  satisfactionRate: number;
  /** Answered follow-ups / 差评 (回访率); null when there was no 差评. */
  followUpRate: number | null;
  /** Answered on time / answered; null when none has been answered. */
  onTimeRate: number | null;
  followUpsOpened: number;
  followUpsAnswered: number;
  followUpsOnTime: number;
  /** 差评 split by whether the rater gave their name (实名) or not (匿名). */
  realNameNegative: number;
  anonymousNegative: number;
  realNameAnswered: number;
  /** 实名差评回访率: answered real-name 差评 / real-name 差评; null when there was none (国办发〔2019〕51号 asks 100%). */
  realNameFollowUpRate: number | null;
  followUpsRectified: number;
  /** 整改率: follow-ups whose rectification is finished / 差评; null when there was no 差评. */
  rectificationRate: number | null;
}

export function emptyCounts(): LevelCounts {
  return { verySatisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, veryDissatisfied: 0 };
}

export function emptyTally(): Tally {
  return { counts: emptyCounts(), followUpsOpened: 0, followUpsAnswered: 0, followUpsOnTime: 0, realNameOpened: 0, realNameAnswered: 0, followUpsRectified: 0 };
}

/** A change to a tally, as signed increments. */
export interface TallyDelta {
  level?: { level: RatingLevel; by: 1 | -1 };
  followUpsOpened?: number;
  followUpsAnswered?: number;
  followUpsOnTime?: number;
  realNameOpened?: number;
  realNameAnswered?: number;
  followUpsRectified?: number;
}

export function applyDelta(tally: Tally, delta: TallyDelta): Tally {
  const counts = { ...tally.counts };
  if (delta.level) counts[delta.level.level] += delta.level.by;
  const next: Tally = {
    counts,
    followUpsOpened: tally.followUpsOpened + (delta.followUpsOpened ?? 0),
    followUpsAnswered: tally.followUpsAnswered + (delta.followUpsAnswered ?? 0),
    followUpsOnTime: tally.followUpsOnTime + (delta.followUpsOnTime ?? 0),
    realNameOpened: (tally.realNameOpened ?? 0) + (delta.realNameOpened ?? 0),
    realNameAnswered: (tally.realNameAnswered ?? 0) + (delta.realNameAnswered ?? 0),
    followUpsRectified: (tally.followUpsRectified ?? 0) + (delta.followUpsRectified ?? 0),
  };
  // A negative counter means a change was undone twice; refuse rather than publish nonsense.
  for (const level of RATING_LEVELS) if (next.counts[level] < 0) throw new Error(`tally for ${level} below zero`);
  if ([next.followUpsOpened, next.followUpsAnswered, next.followUpsOnTime, next.realNameOpened, next.realNameAnswered, next.followUpsRectified].some((n) => (n ?? 0) < 0)) {
    throw new Error('follow-up tally below zero');
  }
  return next;
}

export function sumTallies(tallies: Tally[]): Tally {
  return tallies.reduce<Tally>(
    (sum, t) => ({
      counts: Object.fromEntries(RATING_LEVELS.map((l) => [l, sum.counts[l] + (t.counts[l] ?? 0)])) as LevelCounts,
      followUpsOpened: sum.followUpsOpened + t.followUpsOpened,
      followUpsAnswered: sum.followUpsAnswered + t.followUpsAnswered,
      followUpsOnTime: sum.followUpsOnTime + t.followUpsOnTime,
      realNameOpened: (sum.realNameOpened ?? 0) + (t.realNameOpened ?? 0),
      realNameAnswered: (sum.realNameAnswered ?? 0) + (t.realNameAnswered ?? 0),
      followUpsRectified: (sum.followUpsRectified ?? 0) + (t.followUpsRectified ?? 0),
    }),
    emptyTally(),
  );
}

export function totalOf(counts: LevelCounts): number {
  return RATING_LEVELS.reduce((n, l) => n + counts[l], 0);
}

export function figuresOf(tally: Tally): Figures {
  const total = totalOf(tally.counts);
  const satisfied = SATISFIED_LEVELS.reduce((n, l) => n + tally.counts[l], 0);
  const realName = tally.realNameOpened ?? 0;
  return {
    total,
    counts: { ...tally.counts },
    satisfactionRate: total === 0 ? 0 : satisfied / total,
    followUpRate: tally.followUpsOpened === 0 ? null : tally.followUpsAnswered / tally.followUpsOpened,
    onTimeRate: tally.followUpsAnswered === 0 ? null : tally.followUpsOnTime / tally.followUpsAnswered,
    followUpsOpened: tally.followUpsOpened,
    followUpsAnswered: tally.followUpsAnswered,
    followUpsOnTime: tally.followUpsOnTime,
    realNameNegative: realName,
    anonymousNegative: tally.followUpsOpened - realName,
    realNameAnswered: tally.realNameAnswered ?? 0,
    realNameFollowUpRate: realName === 0 ? null : (tally.realNameAnswered ?? 0) / realName,
    followUpsRectified: tally.followUpsRectified ?? 0,
    rectificationRate: tally.followUpsOpened === 0 ? null : (tally.followUpsRectified ?? 0) / tally.followUpsOpened,
  };
}

/** "99.32%" — two decimals, as bureaus publish it; "—" when there is nothing to divide. */
export function formatRate(rate: number | null, total = 1): string {
  if (rate === null || total === 0) return '—';
  return `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}

export type TallyScope = 'window' | 'service' | 'department' | 'bureau';

/**
 * Which ratings a tally counts. A rating a visit code or a request stands
 * behind is verified; one through a bare window QR is not (anyone passing by
 * can scan it), so it is counted apart and stays out of the official figures
 * unless the bureau chooses otherwise.
 */
export type TallyBasis = 'verified' | 'unverified';

/**
 * The id of one tally record: scope, key and month, e.g. "window:w-hall-1:2026-11";
 * the unverified ratings of the same scope and month have their own record
 * ("window:w-hall-1:2026-11:unverified"), so both stay exact counters.
 */
export function tallyId(scope: TallyScope, key: string, month: string, basis: TallyBasis = 'verified'): string {
  return basis === 'verified' ? `${scope}:${key}:${month}` : `${scope}:${key}:${month}:unverified`;
}

/** Tallies written before the split carry no basis: they counted only what was then counted, read as verified. */
export function basisOf(tally: { basis?: TallyBasis }): TallyBasis {
  return tally.basis ?? 'verified';
}

/** The basis a rating counts in: verified unless it came through a bare window QR. */
export function ratingBasis(rating: { source: 'visit' | 'window' | 'request'; verified?: boolean }): TallyBasis {
  const verified = rating.verified ?? rating.source !== 'window';
  return verified ? 'verified' : 'unverified';
}

/** The official figures: verified ratings, plus the unverified ones when the bureau includes them. */
export function officialTally(verified: Tally, unverified: Tally, includeUnverified: boolean): Tally {
  return includeUnverified ? sumTallies([verified, unverified]) : verified;
}

/** The scopes one rating counts in. A rating without a service counts for its window, department and the bureau. */
export function tallyKeysOf(rating: { windowId: string | null; serviceId: string | null; departmentId: string }): Array<[TallyScope, string]> {
  const keys: Array<[TallyScope, string]> = [];
  if (rating.windowId) keys.push(['window', rating.windowId]);
  if (rating.serviceId) keys.push(['service', rating.serviceId]);
  keys.push(['department', rating.departmentId], ['bureau', 'all']);
  return keys;
}

/** The twelve months ending with `month` ("2026-11" → "2025-12" … "2026-11"). */
export function monthsEndingWith(month: string, count = 12): string[] {
  const [y, m] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export function monthsOfYear(year: number): string[] {
  return monthsEndingWith(`${year}-12`);
}

/**
 * The sentence beside official figures about the unverified ratings (bare window QR) of the same
 * period: "另有未核验评价 3 条（未计入）", or when the bureau counts them, "含未核验评价 3 条";
 * empty when there are none.
 */
export function unverifiedNote(count: number, included: boolean): string {
  if (count <= 0) return '';
  return included ? `含未核验评价 ${count} 条` : `另有未核验评价 ${count} 条（未计入）`;
}
