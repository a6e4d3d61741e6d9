import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { LETTER_ISSUED_BY, withIssuedLetter } from '../../shared/requests/letters';
import type { RequestCommand } from '../../shared/requests/request-commands';
import { transition } from '../../shared/requests/request-machine';
import type { RequestRecord } from '../../shared/requests/request-record';
import { changeRecord } from '../_runtime/change-record';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored } from '../_runtime/store/port';
import { deliverRequestNotifications } from './notification-seam';
import { loadBureau } from './bureau';
import { loadLetterTemplates } from './letter-templates-data';
import { REQUESTS } from './request-collections';

/**
 * Every change to an existing request, whoever makes it (a clerk, the
 * applicant, the system closing a lapsed supplement): read it, let the state
 * machine decide, write the patch against the version the actor saw, record
 * the event, store the formal letter the change issues, and hand the
 * notification intents on — all in one transaction (changeRecord).
 * A version that moved meanwhile is VERSION_CONFLICT: nothing is overwritten.
 */
export async function applyCommand(
  ctx: Pick<HandlerContext, 'store' | 'now' | 'log'>,
  id: string,
  version: number,
  command: RequestCommand,
  calendar: WorkingCalendar,
): Promise<Stored<RequestRecord>> {
  const now = ctx.now();
  // A supplement request, an extension, a reply or a closure is also a formal letter, rendered once now.
  const letterKind = LETTER_ISSUED_BY[command.type];
  const letters = letterKind ? await Promise.all([loadLetterTemplates(ctx.store), loadBureau(ctx.store)]) : null;
  const { record } = await changeRecord(ctx.store, {
    collection: REQUESTS,
    id,
    expectedVersion: version,
    notFound: 'REQUEST_NOT_FOUND',
    // Someone else's request is answered exactly like a missing one.
    visible: (current) => command.actor.role !== 'applicant' || current.ownerOpenid === command.actor.openid,
    decide: (current) => {
      const result = transition(current, command, now, calendar);
      if (letterKind && letters) {
        const [templates, bureau] = letters;
        result.request.letters = withIssuedLetter({ ...current, ...result.request }, letterKind, bureau, calendar, templates);
      }
      return { patch: result.request, events: result.events, alongside: (tx) => deliverRequestNotifications(tx, result.notifications, ctx) };
    },
  });
  return record;
}
