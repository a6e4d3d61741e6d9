import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { recomputeCaseDue } from '../../shared/inquiries/case-machine';
import { changeRecordRetrying } from '../_runtime/change-record';
import type { Page, Store, Stored } from '../_runtime/store/port';
import type { InquiryRecord } from '../../shared/inquiries/inquiry-types';
import { enqueueCaseNotifications } from './case-notifications';

const PAGE = 100;
const SYSTEM = 'system';

/**
 * After a calendar change: every open case due on or after the first changed
 * day has its answer period counted again (recomputeCaseDue, pure). Where the
 * date or its 暂定 mark moved, the case is updated on the change road with a
 * `dueMoved` history entry and event, and the resident who was told the date
 * hears the new one in 消息, in the same transaction. Entering the same
 * arrangement twice moves nothing the second time, so nobody is told twice.
 * A case answered meanwhile, or saved by an answerer, is decided again on its
 * fresh version.
 */
export async function recomputeOpenCases(store: Store, calendar: WorkingCalendar, now: Date, reason: string, changedFrom: string): Promise<number> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Stored<InquiryRecord>> = await store.collection('inquiries').find({ where: { status: 'open', dueSort: { gte: changedFrom } }, orderBy: [['dueSort', 'asc']], limit: PAGE, cursor });
    ids.push(...page.items.filter((c) => recomputeCaseDue(c, reason, now, calendar) !== null).map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);

  let moved = 0;
  for (const id of ids) {
    const { changed } = await changeRecordRetrying(store, {
      collection: 'inquiries',
      id,
      notFound: 'INQUIRY_NOT_FOUND',
      decide: (current) => {
        const step = recomputeCaseDue(current, reason, now, calendar);
        if (!step) return null;
        return {
          patch: { ...step.patch, history: [...current.history, step.entry] },
          events: [{ subjectType: 'inquiry', subjectId: id, action: step.entry.action, actor: SYSTEM, at: step.entry.at, detail: step.entry.detail }],
          alongside: (tx) => enqueueCaseNotifications(tx, step.notifications, now),
        };
      },
    });
    if (changed) moved += 1;
  }
  return moved;
}
