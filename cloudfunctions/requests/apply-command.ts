import { AppError } from '../../shared/api/errors';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { LETTER_ISSUED_BY, withIssuedLetter } from '../../shared/requests/letters';
import { transition, type RequestCommand } from '../../shared/requests/request-machine';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored } from '../_runtime/store/port';
import { deliverRequestNotifications } from './notification-seam';
import { loadBureau } from './bureau';
import { loadLetterTemplates } from './letter-templates-data';
import { EVENTS, REQUESTS } from './request-collections';

/**
 * Every change to an existing request, whoever makes it (a clerk, the
 * applicant, the system closing a lapsed supplement): read it, let the state
 * machine decide, write the patch against the version the actor saw, record
 * the event, store the formal letter the change issues, and hand the
 * notification intents on — all in one transaction.
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
  return ctx.store.transaction(async (tx) => {
    const current = await tx.collection(REQUESTS).get(id);
    if (!current) throw new AppError('REQUEST_NOT_FOUND');
    if (command.actor.role === 'applicant' && current.ownerOpenid !== command.actor.openid) throw new AppError('REQUEST_NOT_FOUND');
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    const result = transition(current, command, now, calendar);
    if (letterKind && letters) {
      const [templates, bureau] = letters;
      result.request.letters = withIssuedLetter({ ...current, ...result.request }, letterKind, bureau, calendar, templates);
    }
    const saved = await tx.collection(REQUESTS).update(id, version, result.request);
    for (const event of result.events) await tx.collection(EVENTS).insert(event);
    await deliverRequestNotifications(tx, result.notifications, ctx);
    return saved;
  });
}
