import { newFollowUp, type FollowUpRecord } from './follow-up';
import { ratingMonth } from './rating-identity';
import { isNegative, type RatingLevel } from './rating-levels';
import type { RankingRow, RatingRecord, ServiceItem, TallyRecord } from './ratings-types';
import { basisOf, emptyTally, figuresOf, officialTally, totalOf, type Tally, type TallyDelta } from './satisfaction';

/**
 * What a rating writes and what it counts, decided without IO: the rating
 * record, the follow-up a 差评 opens, the tally deltas of each step (rated,
 * answered, appeal upheld) and the window ranking. The ratings function reads
 * and writes; these say what.
 */

/** What is rated: a window, or (一事一评) the handling of a request, which has no window. */
export interface RatedSubject {
  windowId: string | null;
  name: string;
  departmentId: string;
  departmentName: string;
  services: ServiceItem[];
}

/** What the resident submitted (the parsed input of `ratings.submit`). */
export interface RatingSubmission {
  visitCode?: string;
  requestId?: string;
  level: RatingLevel;
  tags: string[];
  comment: string;
  anonymous: boolean;
  contactName: string;
  contactPhone: string;
}

/** The verdict of content screening on the comment; null when there is no comment. */
export type CommentScreening = { pass: true } | { pass: false; reason: string } | null;

export function buildRating(
  id: string,
  submission: RatingSubmission,
  subject: RatedSubject,
  serviceId: string | null,
  rater: string,
  screening: CommentScreening,
  at: Date,
): RatingRecord & { id: string } {
  const service = subject.services.find((s) => s.id === serviceId) ?? null;
  const source = submission.requestId ? 'request' : submission.visitCode ? 'visit' : 'window';
  return {
    id,
    source,
    visitCode: submission.visitCode ?? null,
    requestId: submission.requestId ?? null,
    windowId: subject.windowId,
    windowName: subject.name,
    serviceId: service?.id ?? null,
    serviceName: service?.name ?? null,
    departmentId: subject.departmentId,
    departmentName: subject.departmentName,
    month: ratingMonth(at),
    level: submission.level,
    tags: submission.tags,
    comment: submission.comment,
    // A comment held back is kept for the record, never published.
    commentStatus: screening === null ? 'none' : screening.pass ? 'passed' : 'rejected',
    commentReason: screening && !screening.pass ? screening.reason : null,
    anonymous: submission.anonymous,
    raterOpenid: rater,
    contactName: submission.contactName,
    contactPhone: submission.contactPhone,
    createdAt: at.toISOString(),
    excluded: false,
    // A visit code or an answered request proves the service happened; a bare window QR does not.
    verified: source !== 'window',
  };
}

/** The follow-up a 差评 opens, due on `dueDate`; none for any other level. */
export function followUpOpenedBy(rating: RatingRecord & { id: string }, at: Date, dueDate: string | null): (FollowUpRecord & { id: string }) | null {
  if (!isNegative(rating.level) || dueDate === null) return null;
  return newFollowUp({ ...rating, level: rating.level as FollowUpRecord['level'] }, at, dueDate);
}

/** What a new rating adds to its tallies: one of its level, and the follow-up it opened. */
export function ratedTallyDelta(level: RatingLevel, openedFollowUp: boolean, realName = false): TallyDelta {
  const delta: TallyDelta = { level: { level, by: 1 } };
  if (openedFollowUp) delta.followUpsOpened = 1;
  if (openedFollowUp && realName) delta.realNameOpened = 1;
  return delta;
}

/** What answering a follow-up adds: one answered, and one on time when it was. */
export function answeredTallyDelta(answeredOnTime: boolean | null | undefined): TallyDelta {
  return { followUpsAnswered: 1, followUpsOnTime: answeredOnTime ? 1 : 0 };
}

/**
 * What one step of a follow-up adds to the figures, from the record before and after it: the
 * first answer counts as 回访 (and on time, and 实名 when the rater gave their name), a
 * finished rectification counts once in 整改率. An answer after a reopen, or a second finish,
 * adds nothing. Null when nothing moves.
 */
export function followUpStepDelta(
  before: Pick<FollowUpRecord, 'response' | 'reopen' | 'rectifiedAt' | 'realName'>,
  after: Partial<Pick<FollowUpRecord, 'response' | 'answeredOnTime' | 'rectifiedAt'>>,
): TallyDelta | null {
  const delta: TallyDelta = {};
  if (!before.response && !before.reopen && after.response) {
    Object.assign(delta, answeredTallyDelta(after.answeredOnTime));
    if (before.realName === true) delta.realNameAnswered = 1;
  }
  if (!before.rectifiedAt && after.rectifiedAt) delta.followUpsRectified = 1;
  return Object.keys(delta).length ? delta : null;
}

/**
 * An upheld appeal finds the 差评 untrue: it stops counting, so everything it
 * added to the figures is taken back — its level, the follow-up it opened,
 * and the answer (on time or not) if one was given before the appeal.
 */
export function upheldAppealTallyDelta(
  followUp: Pick<FollowUpRecord, 'level' | 'response' | 'answeredOnTime'> & Partial<Pick<FollowUpRecord, 'reopen' | 'realName' | 'rectifiedAt'>>,
): TallyDelta {
  // A reopened follow-up has no response on the record, but its first answer was counted.
  const answered = !!followUp.response || !!followUp.reopen;
  const realName = followUp.realName === true;
  return {
    level: { level: followUp.level, by: -1 },
    followUpsOpened: -1,
    followUpsAnswered: answered ? -1 : 0,
    followUpsOnTime: followUp.answeredOnTime ? -1 : 0,
    realNameOpened: realName ? -1 : 0,
    realNameAnswered: realName && answered ? -1 : 0,
    followUpsRectified: followUp.rectifiedAt ? -1 : 0,
  };
}

/**
 * The month's window ranking from the windows' tallies (both bases): windows
 * no longer known and windows without counted ratings are left out. Only
 * verified ratings count unless the bureau includes the unverified ones; each
 * row says how many unverified ratings there were either way. Higher
 * satisfaction first; among equals, more ratings weigh more; windows level on
 * both share a rank (并列), listed by name.
 */
export function rankWindows(
  tallies: ReadonlyArray<Pick<TallyRecord, 'key' | 'basis' | 'counts' | 'followUpsOpened' | 'followUpsAnswered' | 'followUpsOnTime'>>,
  windows: ReadonlyArray<{ id: string; name: string; departmentName: string }>,
  includeUnverified = false,
): RankingRow[] {
  const byId = new Map(windows.map((w) => [w.id, w]));
  const perWindow = new Map<string, { verified: Tally; unverified: Tally }>();
  for (const t of tallies) {
    if (!byId.has(t.key)) continue;
    const entry = perWindow.get(t.key) ?? { verified: emptyTally(), unverified: emptyTally() };
    entry[basisOf(t)] = t;
    perWindow.set(t.key, entry);
  }
  return [...perWindow.entries()]
    .map(([windowId, t]) => ({
      ...figuresOf(officialTally(t.verified, t.unverified, includeUnverified)),
      windowId,
      windowName: byId.get(windowId)!.name,
      departmentName: byId.get(windowId)!.departmentName,
      unverifiedTotal: totalOf(t.unverified.counts),
      unverifiedIncluded: includeUnverified,
    }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.satisfactionRate - a.satisfactionRate || b.total - a.total || a.windowName.localeCompare(b.windowName, 'zh'))
    .map((r, index, sorted) => {
      // Windows level on what ranks them share the rank of the first of them (standard competition ranking);
      // the name only orders them on the page.
      const level = (other: typeof r) => other.satisfactionRate === r.satisfactionRate && other.total === r.total;
      const first = sorted.findIndex(level);
      return { ...r, rank: first + 1, tied: sorted.filter(level).length > 1 };
    });
}
