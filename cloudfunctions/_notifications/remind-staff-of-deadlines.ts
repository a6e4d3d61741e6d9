import { dueSoonHorizon, reminderDue, type DeadlineReminder } from '../../shared/notifications/deadline-reminders';
import { beijingToday } from '../../shared/time/beijing-time';
import { existingIds } from '../_runtime/store/existing-ids';
import type { Page, Store } from '../_runtime/store/port';
import type { ActiveStaff, DeadlineSource } from './deadline-source';
import { loadCalendar } from '../calendar/calendar-data';
import { enqueueForPerson } from './enqueue-notification';
import { OUTBOX } from './records';

/**
 * Reminders to staff about deadlines, in their 消息: 3 working days before a
 * due date and once it is overdue, once each (the outbox row's id names the
 * subject, the reminder and the person), so a scan run twice writes nothing
 * twice. How often it runs is its job's business (_jobs/remind-staff-of-deadlines.ts).
 *
 * What has deadlines is a list of sources, one module each, given by the
 * job that runs this (_jobs/remind-staff-of-deadlines.ts). A source pages
 * through its open subjects due by the horizon and says who handles each and
 * how the reminder reads.
 */
const PAGE = 100;

export async function remindStaffOfDeadlines(store: Store, now: Date, sources: ReadonlyArray<DeadlineSource<any>>): Promise<number> {
  const calendar = await loadCalendar(store);
  const today = beijingToday(now);
  const horizon = dueSoonHorizon(today, calendar);
  const staff = await activeStaff(store);
  let written = 0;
  for (const source of sources) {
    let cursor: string | null = null;
    do {
      const page: Page<{ id: string }> = await source.dueBy(store, horizon, cursor, PAGE);
      const owed: Array<{ id: string; subject: { id: string }; kind: DeadlineReminder; openid: string }> = [];
      for (const subject of page.items) {
        const dueOn = source.dueOn(subject);
        const kind = reminderDue(dueOn, today, calendar);
        if (!kind) continue;
        for (const openid of source.handlers(subject, staff)) owed.push({ id: reminderId(source, kind, subject, dueOn, openid), subject, kind, openid });
      }
      // Most subjects on a page were reminded at an earlier scan: one query finds those, so only the
      // new reminders cost a transaction (a bureau with many overdue requests is walked in seconds,
      // not with a commit per request every ten minutes).
      const sent = await existingIds(store, OUTBOX, owed.map((o) => o.id));
      for (const o of owed) {
        if (!sent.has(o.id) && (await remind(store, source, o.id, o.subject, o.kind, o.openid, now))) written += 1;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return written;
}

/**
 * One reminder of each kind per subject, due date and person: the outbox row's id says which. A due
 * date moved by an extension (or a calendar correction) owes its handlers a new reminder.
 */
function reminderId<T extends { id: string }>(source: DeadlineSource<T>, kind: DeadlineReminder, subject: T, dueOn: string | null, openid: string): string {
  return `${source.idPrefix}-${kind}-${subject.id}-${dueOn}-${openid}`;
}

async function remind<T extends { id: string }>(store: Store, source: DeadlineSource<T>, id: string, subject: T, kind: DeadlineReminder, openid: string, now: Date): Promise<boolean> {
  return store.transaction(async (tx) => {
    if (await tx.collection(OUTBOX).get(id)) return false;
    const { title, body } = source.wording(kind, subject);
    await enqueueForPerson(tx, {
      id,
      cause: kind,
      subjectId: subject.id,
      openid,
      purpose: null, // staff hear in 消息; no WeChat template
      title,
      body,
      link: source.link(subject),
      page: source.page(subject),
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
