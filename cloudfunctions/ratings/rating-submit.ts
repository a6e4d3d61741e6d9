import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { followUpDueDate, followUpDueProvisional } from '../../shared/ratings/follow-up';
import { loadCalendar } from '../calendar/calendar-data';
import { ratingEvent } from '../../shared/ratings/rating-events';
import { ratingKeyForRequest, ratingKeyForVisit, ratingKeyForWindowDay } from '../../shared/ratings/rating-identity';
import { isNegative } from '../../shared/ratings/rating-levels';
import { ratingBasis } from '../../shared/ratings/satisfaction';
import { buildRating, followUpOpenedBy, ratedTallyDelta, type RatedSubject } from '../../shared/ratings/rating-submission';
import type { ParsedInputOf } from '../../shared/api/define';
import type { ratingsContract } from '../../shared/ratings/ratings-contract';
import { visitUsability } from '../../shared/ratings/visit-codes';
import { screenText } from '../_runtime/content-screening';
import type { Handlers } from '../_runtime/define-function';
import { DuplicateIdError, type Store } from '../_runtime/store/port';
import { activeWindow } from './active-window';
import { ratingSettings } from './rating-settings';
import { requestSubject } from './request-subject';
import { adjustTallies } from './tallies';
import { workingDayRule } from './working-days';

type SubmitInput = ParsedInputOf<(typeof ratingsContract)['submit']>;

/**
 * A resident's rating: the rating, its event, the visit code used up, the
 * follow-up a 差评 opens and the figures, in one transaction. "One visit, one
 * rating" is the key the rating claims in `uniqueKeys` (rating-identity.ts) in
 * that transaction: a second claim of the same key fails, so two taps racing
 * each other cannot both count. The rating's own id is random.
 */
export const ratingSubmitHandlers: Pick<Handlers<'ratings'>, 'submit'> = {
  async submit(input, ctx) {
    const { store, caller, now } = ctx;
    const at = now();
    const rater = caller.openid as string;
    // Who and what is being rated, checked before anything is screened or written.
    const { subject, serviceId, key } = await ratedSubjectOf(store, input, rater, at);
    if (await store.collection('uniqueKeys').get(key)) throw alreadyRated(input);
    const ratingId = newRatingId();

    // Screened before anyone else can see it.
    const screening = input.comment ? await screenText(input.comment, ctx) : null;
    const rating = buildRating(ratingId, input, subject, serviceId, rater, screening, at);
    const dueDate = isNegative(input.level) ? followUpDueDate(at, (await ratingSettings(store)).followUpWorkingDays, await workingDayRule(store)) : null;
    const followUp = followUpOpenedBy(rating, at, dueDate);

    try {
      await store.transaction(async (tx) => {
        if (input.visitCode) {
          // Read again inside the transaction: the code is single-use even when two phones race.
          const visits = tx.collection('visits');
          const visit = await visits.get(input.visitCode);
          if (!visit || visitUsability(visit, at) !== 'usable') throw alreadyRated(input);
          await visits.update(visit.id, visit.version, { ratingId, ratedAt: at.toISOString() });
        }
        await tx.collection('uniqueKeys').insert({ id: key, recordId: ratingId, at: at.toISOString() });
        await tx.collection('ratings').insert(rating);
        await tx.collection('events').insert(ratingEvent(ratingId, 'rated', rater, at, input.level));
        if (followUp) {
          await tx.collection('followUps').insert(followUp);
          await tx.collection('events').insert(ratingEvent(ratingId, 'followUpOpened', rater, at, followUp.dueDate));
        }
        await adjustTallies(tx, rating, ratingBasis(rating), ratedTallyDelta(input.level, followUp !== null, !rating.anonymous));
      });
    } catch (error) {
      if (error instanceof DuplicateIdError) throw alreadyRated(input);
      throw error;
    }
    const provisional = dueDate !== null && followUpDueProvisional({ openedAt: at.toISOString(), reopen: null, dueDate }, await loadCalendar(store));
    return { id: ratingId, level: input.level, commentStatus: rating.commentStatus, followUpDueDate: dueDate, followUpDueProvisional: provisional };
  },
};

/** The window (or request) rated, the service, and the key that makes the rating once-only. */
async function ratedSubjectOf(store: Store, input: SubmitInput, rater: string, at: Date): Promise<{ subject: RatedSubject; serviceId: string | null; key: string }> {
  if (input.requestId) {
    const s = await requestSubject(store, input.requestId, rater);
    const subject = { windowId: null, name: s.serviceName, departmentId: s.departmentId, departmentName: s.departmentName, services: [{ id: s.serviceId, name: s.serviceName }] };
    return { subject, serviceId: s.serviceId, key: ratingKeyForRequest(input.requestId) };
  }
  if (input.visitCode) {
    const visit = await store.collection('visits').get(input.visitCode);
    if (!visit) throw new AppError('VISIT_NOT_FOUND');
    const usability = visitUsability(visit, at);
    if (usability === 'expired') throw new AppError('VISIT_NOT_FOUND', '评价码已过期，请向窗口工作人员重新获取');
    if (usability === 'alreadyRated') throw new AppError('ALREADY_RATED');
    const window = await store.collection('windows').get(visit.windowId);
    if (!window) throw new AppError('VISIT_NOT_FOUND');
    return { subject: { ...window, windowId: window.id }, serviceId: visit.serviceId, key: ratingKeyForVisit(input.visitCode) };
  }
  const window = await activeWindow(store, input.windowId as string);
  const serviceId = input.serviceId ?? null;
  if (serviceId && !window.services.some((s) => s.id === serviceId)) {
    throw new AppError('VALIDATION_FAILED', undefined, { serviceId: '该窗口没有这项办理事项' });
  }
  return { subject: { ...window, windowId: window.id }, serviceId, key: ratingKeyForWindowDay(window.id, raterKey(rater), at) };
}

/** A stable, non-reversible key for a resident in the (server-side) dedup key: the OPENID itself is not stored in it. */
function raterKey(openid: string): string {
  return createHash('sha256').update(openid).digest('hex');
}

/**
 * A rating's public id (its follow-up shares it): random, so it links nothing —
 * not a resident's anonymous and named ratings, not a request, not a visit code.
 */
function newRatingId(): string {
  return randomBytes(12).toString('hex');
}

function alreadyRated({ visitCode, requestId }: Pick<SubmitInput, 'visitCode' | 'requestId'>): AppError {
  if (requestId) return new AppError('ALREADY_RATED', '这件申请的办理已经评价过了，感谢您的参与');
  return visitCode ? new AppError('ALREADY_RATED') : new AppError('ALREADY_RATED', '今天已经评价过这个窗口了，感谢您的参与');
}
