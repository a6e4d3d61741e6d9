import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { LETTER_ISSUED_BY, withIssuedLetter, type LetterTemplateSet } from '../../shared/requests/letters';
import type { Bureau } from '../../shared/requests/reply-categories';
import type { RequestCommand } from '../../shared/requests/request-commands';
import { transition } from '../../shared/requests/request-machine';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import type { Caller } from '../../shared/staff/roles';
import type { NotificationIntent, RequestRecord } from '../../shared/requests/request-record';
import { changeRecord, type Change } from '../_runtime/change-record';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Store, Stored, Transaction } from '../_runtime/store/port';
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
  /** `caller`: who asks, for a staff command (their departments decide what they may touch); the system passes none. */
  ctx: Pick<HandlerContext, 'store' | 'now' | 'log'> & { caller?: Caller },
  id: string,
  version: number,
  command: RequestCommand,
  calendar: WorkingCalendar,
  /**
   * For a command that depends on other records than the request (a fee notice on the applicant's
   * month): completes it from what the transaction reads, so the decision and the facts it rests on
   * are one atomic step. Whatever it writes lands or is rolled back with the change.
   */
  complete?: (tx: Transaction, current: Stored<RequestRecord>) => Promise<RequestCommand>,
): Promise<Stored<RequestRecord>> {
  // A supplement request, an extension, a reply or a closure is also a formal letter, rendered once now.
  const letters = LETTER_ISSUED_BY[command.type] ? await lettersInForce(ctx.store) : null;
  const { record } = await changeRecord(ctx.store, {
    collection: REQUESTS,
    id,
    expectedVersion: version,
    notFound: 'REQUEST_NOT_FOUND',
    // Someone else's request, or another department's, is answered exactly like a missing one.
    visible: (current) => mayTouch(command, current, ctx.caller),
    decide: async (current, tx) =>
      decideRequestChange(complete ? await complete(tx, current) : command, ctx.now(), calendar, letters, (inner, intents) => deliverRequestNotifications(inner, intents, ctx))(current),
  });
  return record;
}

/** The applicant their own request; staff the requests in their scope (department-scope.ts), read inside the transaction; the system every request. */
function mayTouch(command: RequestCommand, current: RequestRecord, caller: Caller | undefined): boolean {
  if (command.actor.role === 'applicant') return current.ownerOpenid === command.actor.openid;
  if (command.actor.role === 'staff') return !!caller && requestInScope(requestScopeOf(caller), current);
  return true;
}

/** What a letter is rendered with: the templates in force and the bureau that signs it. */
export interface LettersInForce {
  templates: LetterTemplateSet;
  bureau: Bureau;
}

export async function lettersInForce(store: Store): Promise<LettersInForce> {
  const [templates, bureau] = await Promise.all([loadLetterTemplates(store), loadBureau(store)]);
  return { templates, bureau };
}

/**
 * The decision of one command on a request: the state machine's patch and
 * events, the formal letter the step issues (rendered once, now, and stored
 * with the request) and the applicant's notifications, handed to `notify` in
 * the same transaction. Shared by the handlers and the demo seed.
 */
export function decideRequestChange(
  command: RequestCommand,
  now: Date,
  calendar: WorkingCalendar,
  letters: LettersInForce | null,
  notify: (tx: Transaction, intents: NotificationIntent[]) => Promise<void>,
): (current: Stored<RequestRecord>) => Change<RequestRecord> {
  return (current) => {
    const result = transition(current, command, now, calendar);
    const letterKind = LETTER_ISSUED_BY[command.type];
    if (letterKind && letters) {
      result.request.letters = withIssuedLetter({ ...current, ...result.request }, letterKind, letters.bureau, calendar, letters.templates);
    }
    return { patch: result.request, events: result.events, alongside: (tx) => notify(tx, result.notifications) };
  };
}
