import type { CaseViewer } from '../../shared/inquiries/case-access';
import { staffMaySee } from '../../shared/inquiries/case-access';
import { stepCase, type CaseCommand } from '../../shared/inquiries/case-machine';
import type { InquiryRecord } from '../../shared/inquiries/inquiry-types';
import { changeRecord } from '../_runtime/change-record';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored, Transaction } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { enqueueCaseNotifications } from './case-notifications';

/**
 * Every step on an existing case, by the resident or staff: read it, let the
 * case machine decide, write against the version the actor saw, record the
 * event and the resident's notification, in one transaction (changeRecord).
 * A case the caller may not see is INQUIRY_NOT_FOUND, as a missing one is:
 * a resident sees only their own, staff only their scopes (case-access.ts).
 */
export async function changeCase(
  ctx: HandlerContext,
  id: string,
  version: number,
  command: CaseCommand,
  who: { resident: string } | { staff: CaseViewer },
  alongside?: (tx: Transaction, saved: Stored<InquiryRecord>) => Promise<void>,
): Promise<Stored<InquiryRecord>> {
  const calendar = await loadCalendar(ctx.store);
  const now = ctx.now();
  const { record } = await changeRecord(ctx.store, {
    collection: 'inquiries',
    id,
    expectedVersion: version,
    notFound: 'INQUIRY_NOT_FOUND',
    visible: (c) => ('resident' in who ? c.ownerOpenid === who.resident : staffMaySee(c, who.staff)),
    decide: (current) => {
      const step = stepCase(current, command, now, calendar);
      return {
        patch: { ...step.patch, history: [...current.history, step.entry] },
        events: [{ subjectType: 'inquiry', subjectId: id, action: step.entry.action, actor: ctx.caller.openid as string, at: step.entry.at, detail: step.entry.detail }],
        alongside: async (tx, saved) => {
          await enqueueCaseNotifications(tx, step.notifications, now);
          await alongside?.(tx, saved);
        },
      };
    },
  });
  return record;
}
