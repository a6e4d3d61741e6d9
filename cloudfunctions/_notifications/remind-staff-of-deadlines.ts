import type { RequestRecord } from '../../shared/requests/request-record';
import { addWorkingDays } from '../../shared/calendar/working-calendar';
import { DUE_SOON_WORKING_DAYS, reminderDue, type DeadlineReminder } from '../../shared/notifications/deadline-reminders';
import { beijingToday } from '../../shared/time/beijing-time';
import type { StaffRecord } from '../_runtime/identify-caller';
import type { Store } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { enqueueForPerson } from './enqueue-notification';
import { OUTBOX } from './records';
import { SCAN_EVERY_MS, timeToScan } from './scan-turn';

/**
 * Reminders to staff about request deadlines, in their 消息: 3 working days
 * before a request's due date and once it is overdue, once each. Run by the
 * dispatcher at most every SCAN_EVERY_MS (a meta record remembers when).
 *
 * Requests have no assigned handler yet, so the reminder goes to the staff
 * member who registered the request, or — for requests nobody registered
 * through the app — to every active handler.
 */
export { SCAN_EVERY_MS };
const SCAN_MARK = 'notifications-deadline-scan';
const ADMIN_REQUEST_PAGE = 'admin/pages/request/index';

const WORDING: Record<DeadlineReminder, (r: RequestRecord) => { title: string; body: string }> = {
  dueSoon: (r) => ({
    title: `申请 ${r.trackingNumber} 即将到期`,
    body: `答复期限为 ${r.dueOn}，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日，请及时答复或依法延期。`,
  }),
  overdue: (r) => ({
    title: `申请 ${r.trackingNumber} 已超过答复期限`,
    body: `答复期限 ${r.dueOn} 已过，请尽快答复并说明情况。`,
  }),
};

export async function remindStaffOfDeadlines(store: Store, now: Date): Promise<number> {
  if (!(await timeToScan(store, now, SCAN_MARK))) return 0;
  const calendar = await loadCalendar(store);
  const today = beijingToday(now);
  const horizon = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
  const handlers = await activeHandlers(store);
  let written = 0;
  let cursor: string | null = null;
  do {
    const page = await store.collection<RequestRecord>('requests').find({
      where: { open: true, dueSort: { lte: horizon } },
      orderBy: [['dueSort', 'asc']],
      limit: 100,
      cursor,
    });
    for (const request of page.items) {
      const kind = reminderDue(request.dueOn, today, calendar);
      if (!kind) continue;
      const registeredBy = request.history.find((h) => h.kind === 'registered' && h.actorOpenid)?.actorOpenid;
      for (const openid of registeredBy ? [registeredBy] : handlers) {
        if (await remind(store, request, kind, openid, now)) written += 1;
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return written;
}

async function remind(store: Store, request: RequestRecord & { id: string }, kind: DeadlineReminder, openid: string, now: Date): Promise<boolean> {
  const id = `rm-${kind}-${request.id}-${openid}`;
  return store.transaction(async (tx) => {
    if (await tx.collection(OUTBOX).get(id)) return false;
    const { title, body } = WORDING[kind](request);
    await enqueueForPerson(tx, {
      id,
      cause: kind,
      subjectId: request.id,
      openid,
      purpose: null, // staff hear in 消息; no WeChat template
      title,
      body,
      link: { type: 'request', id: request.id },
      page: `${ADMIN_REQUEST_PAGE}?id=${request.id}`,
      values: { title, at: now.toISOString() },
      now,
      forStaff: true,
    });
    return true;
  });
}

async function activeHandlers(store: Store): Promise<string[]> {
  const page = await store.collection<StaffRecord>('staff').find({ orderBy: [['name', 'asc']], limit: 500 });
  return page.items.filter((s) => s.active && (s.roles.includes('handler') || s.roles.includes('admin'))).map((s) => s.id);
}
