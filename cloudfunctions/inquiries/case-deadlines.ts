import { DUE_SOON_WORKING_DAYS } from '../../shared/notifications/deadline-reminders';
import { INQUIRY_KIND_LABELS, type InquiryRecord } from '../../shared/inquiries/inquiry-types';
import type { Stored } from '../_runtime/store/port';
import { withRole, type DeadlineSource } from '../_notifications/deadline-source';

const ADMIN_CASE_PAGE = 'admin/pages/inquiry/index';

/**
 * Cases' answer deadlines (反馈回应制): the answerers who see the case are
 * reminded once as it comes due and once when it is overdue — a complaint's
 * assigned answerer (admins while it has none: nobody else may know of it),
 * an inquiry's assigned answerer, else its department's answerers, or every
 * answerer while it has no department. A case waiting for the resident has no clock and no reminder.
 */
export const caseDeadlines: DeadlineSource<Stored<InquiryRecord>> = {
  idPrefix: 'rmq',
  dueBy: (store, horizon, cursor, limit) =>
    store.collection('inquiries').find({ where: { status: 'open', dueSort: { lte: horizon } }, orderBy: [['dueSort', 'asc']], limit, cursor }),
  dueOn: (c) => c.dueOn,
  handlers: (c, staff) => {
    const admins = staff.filter((s) => s.roles.includes('admin'));
    if (c.kind === 'complaint') {
      const assigned = c.assignedTo && staff.find((s) => s.id === c.assignedTo?.openid);
      return (assigned ? [assigned] : admins).map((s) => s.id);
    }
    // An inquiry assigned to one answerer by name is theirs to answer (谁办理、谁负责): they are reminded, not the whole department.
    const assignee = c.assignedTo && staff.find((s) => s.id === c.assignedTo?.openid);
    if (assignee) return [assignee.id];
    const answerers = withRole(staff, 'answerer');
    if (!c.departmentId) return answerers.map((s) => s.id);
    const ofDepartment = answerers.filter((s) => s.roles.includes('answerer') && (s.departmentIds ?? (s.departmentId ? [s.departmentId] : [])).includes(c.departmentId as string));
    return (ofDepartment.length ? ofDepartment : admins).map((s) => s.id);
  },
  wording: (kind, c) => {
    const what = `${INQUIRY_KIND_LABELS[c.kind]} ${c.caseNumber}`;
    return kind === 'dueSoon'
      ? { title: `${what} 即将到期`, body: `答复期限为 ${c.dueOn}，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日，请及时答复。` }
      : { title: `${what} 已超过答复期限`, body: `答复期限 ${c.dueOn} 已过，请尽快答复。` };
  },
  link: (c) => ({ type: 'inquiry', id: c.id }),
  page: (c) => `${ADMIN_CASE_PAGE}?id=${c.id}`,
};
