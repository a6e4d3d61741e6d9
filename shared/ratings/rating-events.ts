/**
 * The `events` record of every change to windows, visits, ratings and
 * follow-ups: who, when, what — written in the same transaction as the change.
 * The actor of a rating is the resident's OPENID: the record is internal.
 */
export type RatingAction =
  | 'windowCreated'
  | 'windowUpdated'
  | 'visitIssued'
  | 'rated'
  | 'followUpOpened'
  | 'responded'
  | 'residentFeedback'
  /** A 限期整改 recorded as done, with what was done. */
  | 'rectified'
  /** The rater's "not solved" sent the follow-up back to open (once), escalated to the admins. */
  | 'reopened'
  /** A calendar change moved the follow-up's due date. */
  | 'dueMoved'
  | 'closed'
  | 'appealed'
  | 'appealUpheld'
  | 'appealRejected'
  /** The rater erased their data: the rating stays in the figures, without the link to them. */
  | 'anonymised'
  /** An admin changed the bureau's 好差评 settings (the event names each value changed, old and new). */
  | 'settingsChanged';

export interface RatingEvent {
  subjectType: 'window' | 'visit' | 'rating' | 'followUp' | 'ratingSettings';
  subjectId: string;
  action: RatingAction;
  actor: string;
  at: string;
  detail: string | null;
}

const SUBJECT: Record<RatingAction, RatingEvent['subjectType']> = {
  windowCreated: 'window',
  windowUpdated: 'window',
  visitIssued: 'visit',
  rated: 'rating',
  followUpOpened: 'followUp',
  responded: 'followUp',
  residentFeedback: 'followUp',
  rectified: 'followUp',
  reopened: 'followUp',
  dueMoved: 'followUp',
  closed: 'followUp',
  appealed: 'followUp',
  appealUpheld: 'followUp',
  appealRejected: 'followUp',
  anonymised: 'rating',
  settingsChanged: 'ratingSettings',
};

export function ratingEvent(subjectId: string, action: RatingAction, actor: string, at: Date, detail: string | null = null): RatingEvent {
  return { subjectType: SUBJECT[action], subjectId, action, actor, at: at.toISOString(), detail };
}
