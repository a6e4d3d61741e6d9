import { action } from '../api/define';
import { EmptySchema } from '../api/common';
import type { QueueItem } from '../requests/request-types';
import type { ReviewKind } from '../reviews/review-kinds';
import { STAFF_ROLES, staff } from '../staff/roles';

/**
 * 我的待办: what waits for this member of staff, by the roles they hold. A section is null where
 * the caller's roles do not reach it, so the page shows only what is theirs to do.
 */
export interface StaffTodo {
  /** Handlers and admins: open requests of their departments (admins: all). Online applications wait for any handler. */
  requests: {
    overdue: number;
    dueSoon: number;
    awaitingRegistration: number;
    awaitingSupplement: number;
    /** The most urgent of those overdue or due soon, soonest due first (at most URGENT_SHOWN), as the queue shows them: masked. */
    urgent: Array<Pick<QueueItem, 'id' | 'trackingNumber' | 'subject' | 'dueOn' | 'workingDaysLeft' | 'urgency'>>;
  } | null;
  /** Reviewers and admins: items waiting for review that they may decide (not their own), and since when the oldest waits. */
  reviews: { waiting: number; oldestSubmittedAt: string | null } | null;
  /** Anyone who submits for review: their items sent back and not yet resubmitted, newest first. */
  sentBack: Array<{ id: string; kind: ReviewKind; subjectId: string; title: string; comment: string | null; reviewerName: string | null; decidedAt: string | null }>;
  /**
   * Answerers and admins: cases not yet finished (未办结, as the 咨询投诉 queue opens) that this person may
   * see — a complaint only for admins and its assigned answerer — and of them those past their answer
   * date and those due today or within 3 working days.
   */
  inquiries: { open: number; overdue: number; dueSoon: number } | null;
  /** Rating officers and admins: 差评 follow-ups still owed, and how many are past their date. */
  followUps: { open: number; overdue: number } | null;
  /** Publishers and admins: notices set to publish themselves, and the next time one goes out. */
  scheduledNotices: { count: number; next: string | null } | null;
}

/** How many of the most urgent requests 我的待办 names, above the counts. */
export const URGENT_SHOWN = 3;

/** Function `workbench`: the staff home's 我的待办. */
export const workbenchContract = {
  todo: action<StaffTodo>()({
    input: EmptySchema,
    access: staff(...STAFF_ROLES),
    summary: '我的待办：逾期和3个工作日内到期的申请、待受理、待补正、待审核、被退回、未办结的咨询投诉、差评整改、定时发布',
    writes: false,
  }),
} as const;
