import type { PageOf } from '../api/common';
import type {
  Applicant,
  ApplicantType,
  Channel,
  ConsultedParty,
  DeliveryMethod,
  InformationForm,
  InformationSought,
  OrgKind,
  RequestAttachment,
  RequestStatus,
} from './request-schema';
import type { ReplyCategory, ReplyDetails, ReplyGroup, ReplyType } from './reply-categories';
import type { FeeMethod } from './processing-fee';
// Type-only: the stored record's fields are the view's first ones.
import type { FeeRecord } from './request-record';

/**
 * What the `requests` function answers. Dates a person reads as a day
 * (`receivedOn`, `dueOn`) are YYYY-MM-DD in Beijing; instants (`at`) are UTC ISO.
 */

/** Why each day between receipt and the due date counted or not: the day-by-day explanation. */
export interface ExplainedDay {
  date: string;
  /** The working day's number in the count (1…), or null for a day not counted. */
  count: number | null;
  kind: 'receipt' | 'working' | 'makeupWorkday' | 'weekend' | 'holiday' | 'paused';
  /** The holiday or make-up day's name, or what the pause was for. */
  name: string | null;
}

export interface DueExplanation {
  /** One sentence: "自 2026-09-28 受理之日起 20 个工作日，答复期限为 2026-10-30". */
  summary: string;
  /** The rules that were applied, in order, one line each. */
  steps: string[];
  /** Every day from the start of the count to the due date. */
  days: ExplainedDay[];
  /** Set when part of the count lies in a year whose holiday arrangement is not entered yet. */
  provisionalWarning: string | null;
}

export type TimelineKind =
  | 'submitted'
  | 'entered'
  | 'registered'
  | 'supplementRequested'
  | 'supplemented'
  | 'consultationStarted'
  | 'consultationEnded'
  | 'extended'
  | 'reasonsRequested'
  | 'reasonsGiven'
  | 'dueDelayed'
  | 'replied'
  | 'withdrawn'
  | 'closed'
  | 'reopened'
  | 'dueRecomputed'
  | 'feeRequested'
  | 'feeWaived'
  | 'feePaid'
  | 'departmentAssigned';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** Chinese, ready to show: "受理申请". */
  label: string;
  /** What was said or decided, when there is something to say. */
  detail: string | null;
  actor: 'applicant' | 'staff' | 'system';
  /** The staff member's name: only in staff views (manageGet and staff actions); null for residents. */
  actorName: string | null;
  /** Who approved the step in 公开审查 (Art. 17), where it was reviewed: staff views only; null for residents and unreviewed steps. */
  reviewerName: string | null;
}

export interface SupplementRequest {
  items: string[];
  workingDays: number;
  requestedOn: string;
  /** The last day to supplement. */
  deadlineOn: string;
  /** Set when the applicant supplemented. */
  /** `lateReason`: accepted after its period with the applicant's good reason (Art. 30). */
  answer: { text: string; attachments: RequestAttachment[]; on: string; lateReason?: string } | null;
}

export interface Consultation {
  party: ConsultedParty;
  /** Whom and on what: staff views only (null for the applicant, who reads 「征求第三方意见」). */
  partyName: string | null;
  matter: string | null;
  startedOn: string;
  /** The last day of the consulted party's 15 working days (a third party's, Art. 32; an agency's, Art. 34). */
  answerDueOn: string;
  endedOn: string | null;
  /** What was answered: staff views only (null for the applicant). */
  outcome: string | null;
}

export interface Extension {
  workingDays: number;
  /** Who approved it: staff views only (null for the applicant). */
  approver: string | null;
  reason: string;
  on: string;
}

/** Art. 35: the bureau asked the applicant to state reasons for a volume or frequency beyond reason. */
export interface ReasonsRequest {
  /** What the bureau asked. */
  text: string;
  askedOn: string;
  /**
   * The applicant's answer, or null while awaited: given in the app (`on`: that day), or by letter, fax
   * or in person and recorded by a clerk (`onPaper`; `on`: the day it was received).
   */
  answer: { text: string; on: string; onPaper?: true } | null;
}

/** Art. 35: the reasons were found sound but the answer cannot be given in time: the later day fixed and told to the applicant (延迟答复). */
export interface DelayedDue {
  dueOn: string;
  reason: string;
  on: string;
}

/** The per-category fields (条例 Art. 36) are present only where the category takes them. */
export interface RequestReply extends ReplyDetails {
  category: ReplyCategory;
  /** 予以公开 / 部分公开 / … as the annual report groups it. */
  group: ReplyGroup;
  categoryLabel: string;
  replyType: ReplyType;
  text: string;
  attachments: RequestAttachment[];
  legalBasis: string;
  /** Art. 51: how the applicant may challenge the reply. */
  remedies: string;
  on: string;
  at: string;
}

export type LetterKind = 'reply' | 'supplement' | 'extension' | 'reasons' | 'delayedDue' | 'fee';

/** A formal notice the bureau sends (告知书), as text ready to show and print. */
export interface Letter {
  kind: LetterKind;
  title: string;
  /** 依申〔2026〕000123号 plus the letter's suffix, e.g. "依申〔2026〕000123号-补". */
  reference: string;
  addressee: string;
  paragraphs: string[];
  signature: string;
  date: string;
  /**
   * Set when a date the letter names (the supplement deadline, the extended due date) was counted
   * over a year whose holiday arrangement was not entered when it was issued: the letter says 暂定.
   */
  provisional?: true;
  /** The bureau's seal image where it has uploaded one: added when the letter is shown (never stored), so a seal uploaded later is on letters sent before. */
  seal?: string;
}

/** One request as `get` (the applicant) and `manageGet` / staff actions (handlers) answer it. */
/** What an application is, as stored and as shown: shared by the record and the views. */
export interface RequestCore {
  id: string;
  version: number;
  trackingNumber: string;
  status: RequestStatus;
  channel: Channel;
  applicant: Applicant;
  information: InformationSought;
  purpose: string | null;
  form: InformationForm;
  delivery: DeliveryMethod;
  submittedAt: string;
  /** Day zero of the count (受理之日), or null before registration. */
  receivedOn: string | null;
  extension: Extension | null;
  reply: RequestReply | null;
  /** Set when closed without a reply (逾期未补正 etc.) or withdrawn. */
  ending: ({ category: ReplyCategory | null; reason: string | null; on: string } & Pick<ReplyDetails, 'basis'>) | null;
}

export interface RequestView extends RequestCore {
  statusLabel: string;
  /** The department handling it (null while it waits for registration). */
  departmentId: string | null;
  /** While an online application waits for registration (待受理): since when (its submission, UTC). */
  waitingSince: string | null;
  /** The day the answer is due, or null when no clock runs (not registered, awaiting supplement, finished). */
  dueOn: string | null;
  dueProvisional: boolean;
  dueExplanation: DueExplanation | null;
  /** Working days from today to the due date (0 on the day itself, negative when overdue); null without a due date. */
  workingDaysLeft: number | null;
  supplement: SupplementRequest | null;
  consultations: Consultation[];
  /** Art. 35: reasons asked of the applicant and their answer; null when never asked. */
  reasons: ReasonsRequest | null;
  /** Art. 35: the later due date fixed after sound reasons (延迟答复); null when none. */
  delayedDue: DelayedDue | null;
  /** The fee decided on, if any (条例 Art. 42): amount, how computed, the last day to pay. */
  fee: FeeView | null;
  timeline: TimelineEntry[];
  letters: Letter[];
  /** What the viewer may do now: the app shows only these buttons. */
  allowed: RequestCommandName[];
  /** The inquiry this application was made from (staff found the question to be a disclosure request). */
  fromCase: { id: string; caseNumber: string } | null;
  /**
   * Staff views (manageGet): the reply, closure or extension waiting for 公开审查 (Art. 17), if any. While
   * one waits, `allowed` offers none of the three: the request's next letter is the one under review.
   */
  pendingReview?: { reviewId: string; kind: string; submittedAt: string } | null;
  /**
   * Staff views (manageGet): which of the letters reply, close and extend wait for 公开审查 now, and the
   * names of those who could approve the viewer's submission (reviewers first, never the viewer), so
   * the confirmation before a letter says whether it goes out at once or to whom for review.
   */
  reviewBeforeIssue?: { steps: Array<'reply' | 'close' | 'extend'>; reviewers: string[] };
}

export type RequestCommandName =
  | 'register'
  | 'askSupplement'
  | 'supplement'
  | 'recordSupplement'
  | 'startConsultation'
  | 'endConsultation'
  | 'extend'
  | 'askReasons'
  | 'giveReasons'
  | 'recordReasons'
  | 'setDelayedDue'
  | 'reply'
  | 'withdraw'
  | 'close'
  | 'askFee'
  | 'recordPayment'
  | 'assignDepartment';

/** A fee as the applicant and staff read it: the record, with what follows from it. */
export interface FeeView extends FeeRecord {
  /** 按件计收 / 按量计收 */
  methodLabel: string;
  /** The last day to pay: the 20th working day after the notice. */
  deadlineOn: string;
  /** Set when that day was counted over a year whose holiday arrangement is not entered (暂定). */
  deadlineProvisional: boolean;
  /** awaiting: not paid yet; paid; waived (免收); lapsed: not paid in time, the request closed (other.noFee). */
  state: 'awaiting' | 'paid' | 'waived' | 'lapsed';
  /** How the amount was reached, one line each (the tables' bands, then the total). */
  computation: string[];
}

/** What a fee notice by one table would charge this request's applicant (`quoteFee`), before it is issued. */
export interface FeeQuote {
  method: FeeMethod;
  methodLabel: string;
  units: number;
  unitsBefore: number;
  month: string;
  amount: number;
  computation: string[];
  /** To whom: the applicant's name as the notice will address them. */
  applicantName: string;
  /** Set when the applicant was already charged by the other table this month: the notice would be refused. */
  conflict: FeeMethod | null;
}

/** A line of 我的申请. */
export interface MyRequestSummary {
  id: string;
  trackingNumber: string;
  status: RequestStatus;
  statusLabel: string;
  /** The title sought, or the start of the description. */
  subject: string;
  submittedAt: string;
  receivedOn: string | null;
  /** While it waits for registration (待受理): since when (its submission, UTC); the page says 自…起待受理. */
  waitingSince: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  workingDaysLeft: number | null;
}

/** A line of the staff queue: personal data masked (full values in manageGet). */
export interface QueueItem {
  id: string;
  version: number;
  trackingNumber: string;
  status: RequestStatus;
  channel: Channel;
  orgKind: OrgKind | null;
  /** 张* / 云溪某某有限公司 (organisation names are not personal data). */
  applicantName: string;
  /** 1101**********002X */
  idNumberMasked: string | null;
  /** 138****5678 */
  phoneMasked: string;
  subject: string;
  submittedAt: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  workingDaysLeft: number | null;
  /** While awaiting a supplement: its last day (3 working days after it, left for written supplements to be entered, the request closes by itself as other.noSupplement). */
  supplementDeadlineOn: string | null;
  /** While awaiting payment of a fee notice (Art. 42): the last day to pay (the 20th working day after the notice); there is no due date meanwhile. */
  feeDeadlineOn: string | null;
  /** overdue: past the due date; dueSoon: within 3 working days. */
  urgency: 'overdue' | 'dueSoon' | 'normal' | 'none';
  departmentId: string | null;
  /** An online application not yet registered (Art. 31): waiting since its submission, for this many full working days. */
  waiting: { since: string; workingDays: number; /** Past the bureau's registration reminder (default 1 working day). */ late: boolean } | null;
}

/**
 * An online application waiting for registration, as the head of the queue shows it: what it asks, who
 * asks (masked), since when. Only what that card shows travels: up to fifty of these come with every
 * first page, so the fields of a registered request's row (channel, department, due dates), all empty or
 * alike while it waits, are left out.
 */
export type AwaitingItem = Pick<QueueItem, 'id' | 'trackingNumber' | 'status' | 'subject' | 'applicantName' | 'orgKind' | 'phoneMasked' | 'idNumberMasked'> & {
  waiting: NonNullable<QueueItem['waiting']>;
};

export interface QueuePage extends PageOf<QueueItem> {
  /**
   * Online applications waiting for registration, longest waiting first, at the head of the first
   * page of the unfiltered queue (they are not repeated in `items`); empty on later pages.
   */
  awaitingRegistration: AwaitingItem[];
  /** How many wait in all (awaitingRegistration shows at most the first 20). */
  awaitingRegistrationTotal: number;
  /** For admins: e.g. that next year's holiday arrangement is missing, so some due dates are provisional. */
  warnings: string[];
}
