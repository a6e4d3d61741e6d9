import { AppError } from '../../shared/api/errors';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { LETTER_ISSUED_BY, type IssuedLetter } from '../../shared/requests/letters';
import { dueOf } from '../../shared/requests/request-clock';
import type { RequestCommand } from '../../shared/requests/request-commands';
import type { RequestRecord } from '../../shared/requests/request-record';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { REQUEST_REVIEW_KIND, REVIEW_KIND_LABELS, type ReviewEvent, type ReviewRecord, type ReviewedRequestCommand } from '../../shared/reviews/review-kinds';
import type { PendingReview } from '../../shared/reviews/reviews-contract';
import { beijingToday } from '../../shared/time/beijing-time';
import { loadCalendar } from '../calendar/calendar-data';
import { changeRecordIn, type Change } from '../_runtime/change-record';
import type { HandlerContext } from '../_runtime/handler-context';
import { DuplicateIdError, VersionConflictError, type Store, type Stored, type Transaction } from '../_runtime/store/port';
import { decideRequestChange, lettersInForce, type LettersInForce } from '../requests/apply-command';
import { deliverRequestNotifications } from '../requests/notification-seam';
import { REQUESTS } from '../requests/request-collections';

/**
 * 公开审查 of a request's letters (条例 Art. 17): a reply, a closure or an extension that the bureau
 * requires reviewed waits as an item holding the letter exactly as it will be issued. Nothing about
 * the request changes meanwhile — its status, what the applicant sees and its statutory clock
 * (Art. 33 keeps running) — and no one is notified. On approval the same command is carried out in
 * the author's name, on the version reviewed, and its letter must read exactly as the one approved.
 */
export type ReviewableCommand = Extract<RequestCommand, { type: 'reply' | 'close' | 'extend' }>;

export async function submitRequestForReview(ctx: HandlerContext, id: string, version: number, command: ReviewableCommand): Promise<PendingReview> {
  const kind = REQUEST_REVIEW_KIND[command.type];
  const [inputs, pending, earlier] = await Promise.all([loadRequestReviewInputs(ctx.store), pendingRequestReview(ctx.store, id), ctx.store.collection('reviews').count({ subjectId: id })]);
  const at = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const current = await tx.collection(REQUESTS).get(id);
    // Another department's request is answered exactly like a missing one (department-scope.ts).
    if (!current || !requestInScope(requestScopeOf(ctx.caller), current)) throw new AppError('REQUEST_NOT_FOUND');
    if (current.version !== version) throw new VersionConflictError(REQUESTS, id);
    if (pending) throw new AppError('INVALID_STATE', '该申请已有事项在审核中，审核后再办理');
    // The same decision approval will make, now: a refused step is refused before anyone reviews it.
    const decided = decideRequestChange(command, at, inputs.calendar, inputs.letters, async () => undefined)(current);
    const letter = letterIssued(decided, command.type);
    const { actor, ...reviewed } = command;
    const record: ReviewRecord = {
      kind,
      subjectId: id,
      subjectVersion: current.version,
      status: 'pending',
      authorOpenid: actor.openid as string,
      authorName: actor.name ?? '',
      submittedAt: at.toISOString(),
      text: letterText(letter),
      reviewerOpenid: null,
      reviewerName: null,
      decidedAt: null,
      comment: null,
      payload: { type: 'request', command: reviewed as ReviewedRequestCommand },
      reference: current.trackingNumber,
      departmentId: current.departmentId ?? null,
      dueOn: dueOf(current, beijingToday(at), inputs.calendar)?.dueOn ?? null,
    };
    // Numbered per request: after a send-back the request's version is the same, the item is a new one.
    const created = await tx.collection('reviews').insert({ ...record, id: `${id}-v${current.version}-${earlier + 1}` }).catch((error: unknown) => {
      throw error instanceof DuplicateIdError ? new AppError('INVALID_STATE', '该申请已有事项在审核中，审核后再办理') : error;
    });
    const event: ReviewEvent = {
      subjectType: 'review',
      subjectId: created.id,
      action: 'submitted',
      actor: record.authorOpenid,
      at: record.submittedAt,
      detail: `${REVIEW_KIND_LABELS[kind]}（${current.trackingNumber}）`,
    };
    await tx.collection('events').insert(event);
    return { pendingReview: true, reviewId: created.id };
  });
}

/**
 * A request handed to another department (`assignDepartment`) takes the letter waiting for its review
 * along: the item's department follows, so the new department's reviewers see it (review-scope.ts),
 * in the handover's transaction, with an event naming the move.
 */
export async function movePendingReview(tx: Transaction, reviewId: string, department: { id: string; name: string }, actor: string, at: Date): Promise<void> {
  const departmentId = department.id;
  // Found before the transaction (`pendingRequestReview`), read again inside it: decided meanwhile, it stays where it was.
  const pending = await tx.collection('reviews').get(reviewId);
  if (!pending || pending.status !== 'pending' || pending.departmentId === departmentId) return;
  await changeRecordIn(tx, {
    collection: 'reviews',
    id: pending.id,
    expectedVersion: pending.version,
    notFound: 'REVIEW_NOT_FOUND',
    decide: () => ({
      patch: { departmentId },
      events: [{ subjectType: 'review', subjectId: pending.id, action: 'departmentChanged', actor, at: at.toISOString(), detail: `申请转交${department.name}办理，待审核事项随之转交` } satisfies ReviewEvent],
    }),
  });
}

/** The item of `requestId` waiting for review, if any (at most one waits: a second is refused). */
export async function pendingRequestReview(store: Store, requestId: string): Promise<Stored<ReviewRecord> | null> {
  const { items } = await store.collection('reviews').find({ where: { subjectId: requestId, status: 'pending' }, orderBy: [['submittedAt', 'asc']], limit: 1 });
  return items[0] ?? null;
}

/** What carrying out a request's command reads besides the request: read before the transaction, as applyCommand does. */
export interface RequestReviewInputs {
  calendar: WorkingCalendar;
  letters: LettersInForce;
}

export async function loadRequestReviewInputs(store: Store): Promise<RequestReviewInputs> {
  const [calendar, letters] = await Promise.all([loadCalendar(store), lettersInForce(store)]);
  return { calendar, letters };
}

/**
 * Approval of a request's item, inside the reviewer's transaction: the command in the author's name,
 * on exactly the version submitted (changed since: VERSION_CONFLICT), issuing exactly the letter
 * reviewed (a template or the bureau's name edited since: refused, to be sent back). The applicant's
 * notification is written now, with the change. The reviewer's name goes on the history entry (staff
 * see it) and the event; the applicant's view never shows it.
 */
export async function carryOutRequestReview(
  tx: Transaction,
  review: ReviewRecord & { id: string },
  reviewerName: string,
  at: Date,
  inputs: RequestReviewInputs,
  log: HandlerContext['log'],
): Promise<void> {
  if (review.payload?.type !== 'request') throw new Error(`review ${review.id} carries no request command`);
  const command = { ...review.payload.command, actor: { role: 'staff', openid: review.authorOpenid, name: review.authorName } } as ReviewableCommand;
  await changeRecordIn(tx, {
    collection: REQUESTS,
    id: review.subjectId,
    expectedVersion: review.subjectVersion,
    notFound: 'REQUEST_NOT_FOUND',
    decide: (current) => {
      const decided = decideRequestChange(command, at, inputs.calendar, inputs.letters, (inner, intents) => deliverRequestNotifications(inner, intents, { log, now: () => at }))(current);
      const text = letterText(letterIssued(decided, command.type));
      if (text.title !== review.text.title || text.body !== review.text.body) {
        throw new AppError('INVALID_STATE', '文书模板或机关信息已在审核期间修改，发出的文书将与审核的不同，请退回重新提交');
      }
      return withReviewer(decided, reviewerName);
    },
  });
}

/** The letter a decided change issues: the last of its kind among the request's letters. */
function letterIssued(change: Change<RequestRecord>, type: ReviewableCommand['type']): IssuedLetter {
  const kind = LETTER_ISSUED_BY[type];
  const letter = change.patch.letters?.filter((l) => l.kind === kind).at(-1);
  if (!letter) throw new Error(`${type} issued no letter`);
  return letter;
}

/** The letter as the reviewer reads it: its title, and its paragraphs (addressee first) one after another. */
function letterText(letter: IssuedLetter): { title: string; body: string } {
  return { title: letter.title, body: letter.paragraphs.join('\n\n') };
}

function withReviewer(change: Change<RequestRecord>, reviewerName: string): Change<RequestRecord> {
  const history = change.patch.history;
  const last = history?.at(-1);
  const patch = last && history ? { ...change.patch, history: [...history.slice(0, -1), { ...last, reviewerName }] } : change.patch;
  const events = change.events.map((e) => ({ ...e, detail: `${e.detail ? `${e.detail}；` : ''}经${reviewerName}审核` }));
  return { ...change, patch, events };
}
