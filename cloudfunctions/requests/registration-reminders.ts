import { awaitingRegistration } from '../../shared/requests/request-queries';
import type { RequestRecord } from '../../shared/requests/request-record';
import { registrationWait } from '../../shared/requests/registration-wait';
import { beijingToday, formatBeijingDateTime } from '../../shared/time/beijing-time';
import { withRole, type ActiveStaff } from '../_notifications/deadline-source';
import { enqueueForPerson } from '../_notifications/enqueue-notification';
import { OUTBOX } from '../_notifications/records';
import { existingIds } from '../_runtime/store/existing-ids';
import type { Page, Store } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { loadRequestSettings } from './request-settings';

/**
 * Online applications waiting for registration (条例 Art. 31(3)): once one has
 * waited the bureau's number of working days (registration-wait.ts), every
 * active handler hears in 消息, once per application and person (the outbox
 * row's id says which), so a scan run twice writes nothing twice. Every
 * handler, whatever their departments, because a waiting application belongs
 * to none and any of them may register it (department-scope.ts); the admins
 * only when the bureau has no handler. The oldest come first and the store
 * reads them in that order, so the scan stops at the first one not yet late.
 */
const PAGE = 100;
const ADMIN_REQUEST_PAGE = 'admin/pages/request/index';

export async function remindOfWaitingApplications(store: Store, now: Date): Promise<number> {
  const [calendar, settings, staff] = await Promise.all([loadCalendar(store), loadRequestSettings(store), activeStaff(store)]);
  const today = beijingToday(now);
  const handlers = staff.filter((s) => s.roles.includes('handler'));
  const told = (handlers.length > 0 ? handlers : withRole(staff, 'handler')).map((s) => s.id);
  let written = 0;
  let cursor: string | null = null;
  do {
    const page: Page<RequestRecord> = await store.collection('requests').find({ where: awaitingRegistration.where, orderBy: awaitingRegistration.orderBy, limit: PAGE, cursor });
    const late = page.items.filter((r) => registrationWait(r, today, calendar, settings.registrationReminderWorkingDays)?.late);
    const owed = late.flatMap((r) => told.map((openid) => ({ id: `rg-${r.id}-${openid}`, r, openid })));
    const sent = await existingIds(store, OUTBOX, owed.map((o) => o.id));
    for (const o of owed) if (!sent.has(o.id) && (await remind(store, o.id, o.r, o.openid, today, calendar, settings.registrationReminderWorkingDays, now))) written += 1;
    if (late.length < page.items.length) break;
    cursor = page.nextCursor;
  } while (cursor);
  return written;
}

async function remind(
  store: Store,
  id: string,
  r: RequestRecord,
  openid: string,
  today: string,
  calendar: Awaited<ReturnType<typeof loadCalendar>>,
  reminderDays: number,
  now: Date,
): Promise<boolean> {
  const wait = registrationWait(r, today, calendar, reminderDays);
  const title = `网上申请 ${r.trackingNumber} 待受理`;
  const body = `该申请于 ${formatBeijingDateTime(r.submittedAt)} 提交，已等待 ${wait?.workingDays ?? reminderDays} 个工作日尚未受理。网上申请以双方确认之日为收到之日（条例第三十一条），请及时受理并选择承办部门。`;
  return store.transaction(async (tx) => {
    if (await tx.collection(OUTBOX).get(id)) return false;
    await enqueueForPerson(tx, {
      id,
      cause: 'registrationWaiting',
      subjectId: r.id,
      openid,
      purpose: null, // staff hear in 消息; no WeChat template
      title,
      body,
      link: { type: 'request', id: r.id },
      page: `${ADMIN_REQUEST_PAGE}?id=${r.id}`,
      values: { title, at: now.toISOString() },
      now,
      forStaff: true,
    });
    return true;
  });
}

async function activeStaff(store: Store): Promise<ActiveStaff[]> {
  const page = await store.collection('staff').find({ orderBy: [['name', 'asc']], limit: 500 });
  return page.items.filter((s) => s.active);
}
