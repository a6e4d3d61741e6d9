import { AppError } from '../api/errors';
import { formatBeijingDateTime } from '../time/beijing-time';
import { assertAllowed } from './notice-lifecycle';
import type { Notice } from './notice-schema';

/**
 * Scheduled publishing (定时发布): staff choose a time (read and picked in
 * Beijing time, stored in UTC) and the notice publishes itself then, by the
 * same rules as publishing by hand — only a draft or a withdrawn notice can
 * be scheduled, and the publish is the same change (notice-lifecycle.ts).
 * Until then it can be moved or cancelled, and its content edited. Pure.
 */
export const MAX_SCHEDULE_AHEAD_DAYS = 366;

export function isScheduled(notice: Pick<Notice, 'scheduledAt'>): notice is Pick<Notice, 'scheduledAt'> & { scheduledAt: string } {
  return typeof notice.scheduledAt === 'string' && notice.scheduledAt !== '';
}

/** The patch that sets (or moves) the schedule to `publishAt`. */
export function scheduleNotice(notice: Notice, publishAt: Date, actor: string, now: Date): Partial<Notice> {
  assertAllowed(notice, 'publish');
  if (publishAt.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', '定时发布的时间须晚于现在', { publishAt: '请选择晚于现在的时间' });
  }
  if (publishAt.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', '定时发布的时间不能超过一年以后', { publishAt: '请选择一年以内的时间' });
  }
  const at = now.toISOString();
  // A schedule set by hand carries no approval (公开审查): an earlier one was for another time.
  return { scheduledAt: publishAt.toISOString(), scheduledBy: actor, scheduleReviewId: undefined, updatedAt: at, updatedBy: actor };
}

/** The patch that cancels the schedule; the notice stays what it was (a draft, or withdrawn). */
export function unscheduleNotice(notice: Notice, actor: string, now: Date): Partial<Notice> {
  if (!isScheduled(notice)) throw new AppError('INVALID_STATE', '该信息没有设定定时发布');
  const at = now.toISOString();
  return { scheduledAt: undefined, scheduledBy: undefined, scheduleReviewId: undefined, updatedAt: at, updatedBy: actor };
}

/** True once the time set has come (for a notice that may still be published). */
export function isDue(notice: Notice, now: Date): boolean {
  return isScheduled(notice) && Date.parse(notice.scheduledAt) <= now.getTime() && notice.status !== 'published';
}

/** For the event and the history: 定时于 2026-11-26 09:00（北京时间）发布. */
export function describeSchedule(publishAtIso: string): string {
  return `定时于 ${formatBeijingDateTime(publishAtIso)}（北京时间）发布`;
}

/** For the publish the runner makes: which schedule it kept. */
export function describeScheduledPublish(notice: Notice): string {
  return isScheduled(notice) ? `按设定时间 ${formatBeijingDateTime(notice.scheduledAt)}（北京时间）自动发布` : '自动发布';
}

/**
 * A time picked in Beijing (YYYY-MM-DD and HH:mm) as the ISO string the
 * server takes: China keeps +08:00 all year, so the offset is written out.
 */
export function beijingPickToIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}
