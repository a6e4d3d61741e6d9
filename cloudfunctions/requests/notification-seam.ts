import type { NotificationIntent } from '../../shared/requests/request-record';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Transaction } from '../_runtime/store/port';

/**
 * THE SEAM for notifications (issue 7 wires its outbox in here).
 *
 * Called inside the same transaction as the change that caused the intents
 * (a reply, a supplement request, an extension, a closure), so an outbox
 * record written through `tx` lands exactly when the change does. Until the
 * outbox exists, the intents are only logged.
 */
export async function deliverRequestNotifications(
  _tx: Transaction,
  intents: NotificationIntent[],
  ctx: Pick<HandlerContext, 'log'>,
): Promise<void> {
  for (const intent of intents) ctx.log.info('request notification intent', { ...intent });
}
