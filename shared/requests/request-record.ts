import type { Consultation, DelayedDue, ReasonsRequest, RequestCore, SupplementRequest, TimelineKind } from './request-types';
import type { IssuedLetter } from './letters';
import type { FeeMethod } from './processing-fee';

/** Who acted: the applicant (their OPENID), a staff member, or the system (a calendar change). */
export interface Actor {
  role: 'applicant' | 'staff' | 'system';
  openid: string | null;
  name: string | null;
}

/** The system itself: closing a lapsed supplement, recomputing after a calendar change. */
export const SYSTEM_ACTOR: Actor = { role: 'system', openid: null, name: null };

/** One step on a request's own timeline, kept in the record (the `events` collection has the same facts for audit). */
export interface HistoryEntry {
  at: string;
  kind: TimelineKind;
  actor: Actor['role'];
  actorOpenid: string | null;
  actorName: string | null;
  detail: string | null;
  /** 公开审查 (Art. 17): who approved the step before it took effect; staff see it, the applicant never does. */
  reviewerName?: string;
}

/** A stored disclosure request. The due-date fields at the end are derived and rewritten on every change. */
export interface RequestRecord extends RequestCore {
  /** The applicant's OPENID for online applications; null for paper ones (they have no account). */
  ownerOpenid: string | null;
  /** The clerk who typed in a paper application. */
  enteredBy: string | null;
  /**
   * The department that handles it (department-scope.ts): set when it is registered or entered,
   * changed by `assignDepartment`; null while an online application waits for registration.
   * Absent on records from before departments.
   */
  departmentId?: string | null;
  supplement: Omit<SupplementRequest, 'deadlineOn'> | null;
  consultations: Array<Omit<Consultation, 'answerDueOn'>>;
  /** Art. 35 reasons asked and answered; absent on requests from before the step existed (read as null). */
  reasons?: ReasonsRequest | null;
  /** Art. 35 延迟答复: the due date the bureau fixed; absent read as null. */
  delayedDue?: DelayedDue | null;
  history: HistoryEntry[];
  updatedAt: string;
  /** The fee notice (条例 Art. 42), once one was decided on; absent on requests that never had one. */
  fee?: FeeRecord | null;
  /** The formal letters as issued (rendered once, with their template revision); absent on requests from before letters were stored. */
  letters?: IssuedLetter[];
  /** The resident's inquiry this application was made from (咨询转申请), kept to link the two both ways. */
  fromCase?: { id: string; caseNumber: string } | null;
  /** When the applicant's personal data was removed (their erasure, or the retention period): the rest is kept (Art. 45). */
  anonymisedAt?: string;

  // ── Derived from the above plus the calendar; kept for the queue's sort and filters. ──
  dueOn: string | null;
  dueProvisional: boolean;
  /** dueOn, or "9999-12-31" when no clock runs: the store sorts on non-null fields only. */
  dueSort: string;
  /** Whether the bureau still owes an answer. */
  open: boolean;
}

/**
 * A fee decided on a request (条例 Art. 42, 国办函〔2020〕109号): the table, the units and what
 * they cost, and whether the bureau waived or reduced it. A waived fee is recorded but no notice is
 * sent and the clock never stops; otherwise the clock stands still from `noticeOn` to `paidOn`.
 */
export interface FeeRecord {
  method: FeeMethod;
  /** Items (一事一申请) or pages this application counts as. */
  units: number;
  /** The applicant's items counted before this application in its month (0 for pages). */
  unitsBefore: number;
  /** YYYY-MM: the natural month of the application. */
  month: string;
  /** The table's amount, 元. */
  computedAmount: number;
  /** What the applicant is asked to pay, 元: the table's amount, a reduced one, or 0 when waived. */
  amount: number;
  waived: boolean;
  /** Why the bureau reduced or waived it. */
  reason: string | null;
  /** The notice's day (day zero of the 20 working days to pay). */
  noticeOn: string;
  paidOn: string | null;
}

/** The Art. 45 audit record written to `events` with every change. */
export interface RequestEvent {
  subjectType: 'request';
  subjectId: string;
  action: TimelineKind | 'personalDataViewed' | 'anonymised';
  actor: string;
  at: string;
  detail: string | null;
}

/** What the notifications outbox (another module) turns into messages. */
export interface NotificationIntent {
  kind: 'requestReplied' | 'supplementRequested' | 'extended' | 'requestClosed' | 'reasonsRequested' | 'dueDelayed' | 'feeRequested' | 'requestReopened' | 'dueMoved';
  openid: string;
  requestId: string;
  trackingNumber: string;
  /** What changed, where the kind alone does not say it (a date a calendar change moved, with the new date). */
  detail?: string;
}

export const NO_DUE_DATE = '9999-12-31';

/** 依申〔2026〕000123号 */
export function formatTrackingNumber(year: number, sequence: number): string {
  return `依申〔${year}〕${String(sequence).padStart(6, '0')}号`;
}
