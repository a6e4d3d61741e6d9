import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar';
import type { RequestCommand } from './request-commands';
import { NO_DUE_DATE, SYSTEM_ACTOR, type RequestRecord } from './request-record';

/**
 * The supplement period and what its running out means (条例 Art. 30): the
 * bureau gives the applicant a reasonable period to supplement; one who
 * lets it run out without good reason is treated as having withdrawn, and
 * the request closes as 其他处理 1 (`other.noSupplement`). Pure.
 */

/** The last day of the supplement period (itself still in time); 9999-12-31 when none was asked. */
export function supplementDeadline(r: Pick<RequestRecord, 'supplement'>, calendar: WorkingCalendar): string {
  if (!r.supplement) return NO_DUE_DATE;
  return addWorkingDays(calendar, r.supplement.requestedOn, r.supplement.workingDays);
}

/**
 * Working days the system waits after a supplement period before closing the request by itself: a
 * supplement posted or handed in on the last day reaches the clerk who types it in (recordSupplement,
 * with the day it arrived) a day or two later, and a closed request is never reopened. A clerk may
 * still close it by hand as soon as the period has run out.
 */
export const SUPPLEMENT_ENTRY_GRACE_WORKING_DAYS = 3;

/**
 * A supplement period that has run out with nothing received, entry grace included: the system may
 * now close the request. The last day of the period still counts, so this holds only from the
 * day after the grace.
 */
export function supplementLapsed(r: Pick<RequestRecord, 'status' | 'supplement'>, today: string, calendar: WorkingCalendar): boolean {
  if (r.status !== 'supplementRequested' || r.supplement?.answer) return false;
  return today > addWorkingDays(calendar, supplementDeadline(r, calendar), SUPPLEMENT_ENTRY_GRACE_WORKING_DAYS);
}

/** The system's closing of a lapsed supplement request, with the reason the applicant reads. */
export function lapsedSupplementClosure(r: Pick<RequestRecord, 'supplement'>, calendar: WorkingCalendar): RequestCommand {
  return {
    type: 'close',
    actor: SYSTEM_ACTOR,
    category: 'other.noSupplement',
    reason: `您未在补正期限（${supplementDeadline(r, calendar)}）内补正申请，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  };
}
