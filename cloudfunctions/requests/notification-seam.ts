import type { NotificationIntent } from '../../shared/requests/request-record';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Transaction } from '../_runtime/store/port';
import { enqueueRequestNotifications } from '../_notifications/enqueue-notification';

/**
 * THE SEAM for notifications: the state machine's intents go into the
 * notifications outbox (cloudfunctions/_notifications).
 *
 * Called inside the same transaction as the change that caused the intents
 * (a reply, a supplement request, an extension, a closure), so the outbox
 * record lands exactly when the change does — or, if the change rolls back,
 * neither does. The applicant hears in 消息 always, and through WeChat where
 * they granted consent.
 */
export async function deliverRequestNotifications(
  tx: Transaction,
  intents: NotificationIntent[],
  ctx: Pick<HandlerContext, 'log' | 'now'>,
): Promise<void> {
  await enqueueRequestNotifications(tx, intents, ctx.now());
}
