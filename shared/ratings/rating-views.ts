import { followUpDueProvisional, isOverdue, type FollowUpRecord } from './follow-up';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { FollowUpView, MyRating, PublicRating, StoredRating } from './ratings-types';
import { ratingBasis } from './satisfaction';
import { maskName, maskOpenid, maskPhone } from '../privacy/masking';

/**
 * What each audience sees of a rating. The rules live here, once:
 * - the public never sees an OPENID, a contact, a held-back comment, or the
 *   rater of an anonymous rating;
 * - the rater sees everything they wrote, and the answer to their 差评;
 * - the follow-up clerk sees who rated, anonymous or not (the choice is about
 *   publication), but not a comment that failed screening.
 */
export function raterLabel(rating: Pick<StoredRating, 'anonymous' | 'contactName'>): string {
  if (rating.anonymous) return '匿名用户';
  const name = rating.contactName.trim();
  if (!name) return '实名用户';
  return `${Array.from(name)[0]}${'*'.repeat(Math.min(Math.max(Array.from(name).length - 1, 1), 3))}`;
}

export function toPublicRating(rating: StoredRating, followUp: Pick<FollowUpRecord, 'status'> | null): PublicRating {
  return {
    id: rating.id,
    windowId: rating.windowId,
    windowName: rating.windowName,
    serviceName: rating.serviceName,
    level: rating.level,
    tags: rating.tags,
    comment: rating.commentStatus === 'passed' ? rating.comment : null,
    raterLabel: raterLabel(rating),
    createdAt: rating.createdAt,
    verified: ratingBasis(rating) === 'verified',
    followUpStatus: followUp?.status ?? null,
  };
}

export function toMyRating(rating: StoredRating, followUp: FollowUpRecord | null, calendar: WorkingCalendar): MyRating {
  return {
    id: rating.id,
    windowName: rating.windowName,
    serviceName: rating.serviceName,
    departmentName: rating.departmentName,
    level: rating.level,
    tags: rating.tags,
    comment: rating.comment,
    commentStatus: rating.commentStatus,
    anonymous: rating.anonymous,
    createdAt: rating.createdAt,
    followUp: followUp
      ? {
          status: followUp.status,
          dueDate: followUp.dueDate,
          dueProvisional: followUpDueProvisional(followUp, calendar),
          response: followUp.response
            ? {
                rectification: followUp.response.rectification,
                planDueDate: followUp.response.planDueDate,
                answer: followUp.response.answer,
                respondedAt: followUp.response.respondedAt,
              }
            : null,
          feedback: followUp.feedback,
          appealed: !!followUp.appeal,
          completion: followUp.completion ? { done: followUp.completion.done, at: followUp.completion.at } : null,
          reopened: !!followUp.reopen,
        }
      : null,
  };
}

export function toFollowUpView(followUp: FollowUpRecord & { id: string; version: number }, rating: StoredRating, now: Date, calendar: WorkingCalendar): FollowUpView {
  return {
    ...followUp,
    overdue: isOverdue(followUp, now),
    dueProvisional: followUpDueProvisional(followUp, calendar),
    rating: {
      level: rating.level,
      tags: rating.tags,
      comment: rating.commentStatus === 'passed' ? rating.comment : null,
      commentStatus: rating.commentStatus,
      anonymous: rating.anonymous,
      createdAt: rating.createdAt,
    },
    rater: { openid: rating.raterOpenid, contactName: rating.contactName, contactPhone: rating.contactPhone },
  };
}

/**
 * A follow-up as the list shows it: the rater's name, phone and OPENID masked (a list is read over
 * shoulders); the assigned officer sees them whole on the follow-up's own page (an audited view).
 */
export function toFollowUpListItem(view: FollowUpView): FollowUpView {
  const { contactName, contactPhone } = view.rater;
  return { ...view, rater: { openid: maskOpenid(view.rater.openid), contactName: contactName && maskName(contactName), contactPhone: contactPhone && maskPhone(contactPhone) } };
}

