import { addDays } from '../../shared/calendar/dates';
import type { FaqRecord } from '../../shared/inquiries/faq-types';
import { DUE_SOON_WORKING_DAYS } from '../../shared/notifications/deadline-reminders';
import { formatBeijingDate } from '../../shared/time/beijing-time';
import type { Stored } from '../_runtime/store/port';
import { withRole, type DeadlineSource } from '../_notifications/deadline-source';

const ADMIN_FAQ_PAGE = 'admin/pages/faq-edit/index';
/** An answer not checked for a year may have gone stale: its review falls due then. */
export const FAQ_REVIEW_DAYS = 365;

/** The day an entry's yearly review falls due: a year after staff last wrote or checked it (Beijing date). */
export function faqReviewDue(f: Pick<FaqRecord, 'checkedAt'>): string {
  return addDays(formatBeijingDate(f.checkedAt), FAQ_REVIEW_DAYS);
}

/**
 * FAQ entries due for their yearly check, as a deadline source: the answerers of the entry's
 * department (every answerer for an entry of none) are reminded once as the review comes due and
 * once when it is past. Saving the entry checks it, which moves the review a year on.
 */
export const faqReviewDeadlines: DeadlineSource<Stored<FaqRecord>> = {
  idPrefix: 'rmfaq',
  dueBy: (store, horizon, cursor, limit) =>
    store.collection('faq').find({
      // checkedAt is UTC; a day's margin either side is settled by reminderDue on the Beijing date.
      where: { status: 'active', checkedAt: { lte: `${addDays(horizon, -FAQ_REVIEW_DAYS + 1)}T00:00:00.000Z` } },
      orderBy: [['checkedAt', 'asc']],
      limit,
      cursor,
    }),
  dueOn: faqReviewDue,
  handlers: (f, staff) => {
    const answerers = withRole(staff, 'answerer');
    const ofDepartment = f.departmentId ? answerers.filter((s) => s.roles.includes('answerer') && (s.departmentIds ?? (s.departmentId ? [s.departmentId] : [])).includes(f.departmentId as string)) : [];
    return (ofDepartment.length ? ofDepartment : answerers).map((s) => s.id);
  },
  wording: (kind, f) =>
    kind === 'dueSoon'
      ? { title: `常见问题需要复核：${f.question.slice(0, 30)}`, body: `该条目一年前核对，${DUE_SOON_WORKING_DAYS} 个工作日内到复核日（${faqReviewDue(f)}），请确认答案是否仍然准确。` }
      : { title: `常见问题已超过一年未复核：${f.question.slice(0, 30)}`, body: `复核日 ${faqReviewDue(f)} 已过，请更新或停用该条目。` },
  link: (f) => ({ type: 'faq', id: f.id }),
  page: (f) => `${ADMIN_FAQ_PAGE}?id=${f.id}`,
};
