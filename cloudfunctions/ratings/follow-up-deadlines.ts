import type { FollowUpRecord } from '../../shared/ratings/follow-up';
import { DUE_SOON_WORKING_DAYS } from '../../shared/notifications/deadline-reminders';
import type { Stored } from '../_runtime/store/port';
import { withRole, type DeadlineSource } from '../_notifications/deadline-source';

const ADMIN_FOLLOW_UP_PAGE = 'admin/pages/follow-up/index';

/**
 * 差评 follow-ups' deadlines (domain.md §4, working days set per bureau).
 * "谁办理、谁负责": the reminder goes to the rating officers of the unit that
 * served; where that unit has none, to every rating officer (admins count as
 * rating officers). Only open follow-ups are owed: an answered one is done,
 * an appealed one waits for the admin's decision. One the rater's "not
 * solved" reopened is escalated: the admins are reminded as well.
 */
export const followUpDeadlines: DeadlineSource<Stored<FollowUpRecord>> = {
  idPrefix: 'rmf',
  dueBy: (store, horizon, cursor, limit) =>
    store.collection('followUps').find({ where: { status: 'open', dueDate: { lte: horizon } }, orderBy: [['dueDate', 'asc']], limit, cursor }),
  dueOn: (f) => f.dueDate,
  handlers: (f, staff) => {
    const officers = withRole(staff, 'ratingOfficer');
    const ofUnit = officers.filter((s) => s.roles.includes('ratingOfficer') && departmentsOf(s).includes(f.departmentId));
    // No officer of the unit: those who can open it (rating-scope.ts): the bureau's desk (officers of no department) and admins.
    const owners = (ofUnit.length ? ofUnit : officers.filter((s) => s.roles.includes('admin') || departmentsOf(s).length === 0)).map((s) => s.id);
    // Reopened because the rater said it was not solved: escalated, so the admins are reminded too.
    const admins = f.reopen ? staff.filter((s) => s.roles.includes('admin')).map((s) => s.id) : [];
    return [...new Set([...owners, ...admins])];
  },
  wording: (kind, f) => {
    const place = f.serviceName ? `${f.windowName}（${f.serviceName}）` : f.windowName;
    return kind === 'dueSoon'
      ? { title: `差评整改即将到期：${place}`, body: `整改回访期限为 ${f.dueDate}，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日，请及时联系评价人、整改并答复。` }
      : { title: `差评整改已超过期限：${place}`, body: `整改回访期限 ${f.dueDate} 已过，请尽快答复评价人并说明情况。` };
  },
  link: (f) => ({ type: 'rating', id: f.id }),
  page: (f) => `${ADMIN_FOLLOW_UP_PAGE}?id=${f.id}`,
};

/**
 * 限期整改 dates: a follow-up answered with a plan stays 限期整改中 until its
 * completion is recorded, and the same officers are reminded before the
 * plan's date and once it has passed. Few follow-ups are being rectified at
 * once, so all of them are walked; only those near or past their date owe a
 * reminder.
 */
export const rectificationDeadlines: DeadlineSource<Stored<FollowUpRecord>> = {
  idPrefix: 'rmp',
  dueBy: (store, _horizon, cursor, limit) => store.collection('followUps').find({ where: { status: 'rectifying' }, orderBy: [['dueDate', 'asc']], limit, cursor }),
  dueOn: (f) => f.response?.planDueDate ?? null,
  handlers: followUpDeadlines.handlers,
  wording: (kind, f) => {
    const place = f.serviceName ? `${f.windowName}（${f.serviceName}）` : f.windowName;
    const date = f.response?.planDueDate ?? '';
    return kind === 'dueSoon'
      ? { title: `限期整改即将到期：${place}`, body: `整改期限为 ${date}，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日，整改完成后请登记整改情况。` }
      : { title: `限期整改已超过期限：${place}`, body: `整改期限 ${date} 已过，请尽快完成整改并登记，评价人在此之后才能评价是否解决。` };
  },
  link: followUpDeadlines.link,
  page: followUpDeadlines.page,
};

/** A staff record's departments; records from before several departments carry only `departmentId`. */
function departmentsOf(s: { departmentIds?: string[]; departmentId?: string | null }): string[] {
  return s.departmentIds?.length ? s.departmentIds : s.departmentId ? [s.departmentId] : [];
}
