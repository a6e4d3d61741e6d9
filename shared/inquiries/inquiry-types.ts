/**
 * 政务咨询与投诉举报 (inquiries and complaints): the words and shapes both ends
 * share. Types and label tables only, no zod, so the resident's pages can
 * import them without shipping a schema library.
 *
 * A case is recorded whatever channel it came by (件件有记录): a resident
 * asking in the app, or staff entering a call, a visit or a letter. Every
 * case is answered (件件有回复) within working days on the bureau calendar.
 */
export const INQUIRY_KINDS = ['inquiry', 'complaint'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];
export const INQUIRY_KIND_LABELS: Record<InquiryKind, string> = { inquiry: '咨询', complaint: '投诉举报' };

export const INQUIRY_CHANNELS = ['online', 'phone', 'visit', 'letter', 'request'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
/** What staff enter by hand: everything but the app itself. */
export const ENTERED_CHANNELS = ['phone', 'visit', 'letter'] as const;
export type EnteredChannel = (typeof ENTERED_CHANNELS)[number];
/** `request`: a disclosure request that was really a complaint, petition or inquiry, turned into a case (条例 Art. 39). */
export const INQUIRY_CHANNEL_LABELS: Record<InquiryChannel, string> = { online: '网上咨询', phone: '电话', visit: '来访', letter: '来信', request: '申请转来' };

/**
 * - open: the bureau owes an answer, the clock runs;
 * - moreAsked: the bureau asked for more (一次性告知), the clock waits for the resident;
 * - answered: answered; the resident may rate it or follow up (which reopens it);
 * - closed: finished (answered on the spot, or closed by staff).
 */
export const INQUIRY_STATUSES = ['open', 'moreAsked', 'answered', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = {
  open: '待答复',
  moreAsked: '待补充',
  answered: '已答复',
  closed: '已办结',
};

export const REPLY_BY = ['app', 'phone'] as const;
export type ReplyBy = (typeof REPLY_BY)[number];
export const REPLY_BY_LABELS: Record<ReplyBy, string> = { app: '在小程序内查看', phone: '电话回复' };

/** Where a case's answer deadline comes from: the bureau's setting, these by default. */
export const DEFAULT_INQUIRY_WORKING_DAYS = 5;
export const DEFAULT_COMPLAINT_WORKING_DAYS = 15;

export interface CaseAttachment {
  name: string;
  url: string;
  sizeBytes: number;
}

/** As far as it was given: a resident asking in the app gives both, a caller on the phone perhaps neither. */
export interface CaseContact {
  name: string | null;
  phone: string | null;
}

/** One message of the case as the resident and the answerer read it. */
export interface CaseMessage {
  from: 'resident' | 'staff';
  kind: 'question' | 'followUp' | 'moreGiven' | 'moreAsked' | 'answer';
  text: string;
  /** 一次性告知: every missing item, listed at once. */
  items?: string[];
  attachments: CaseAttachment[];
  at: string;
}

export type CaseAction =
  | 'asked'
  | 'entered'
  | 'assigned'
  | 'moreAsked'
  | 'moreGiven'
  | 'answered'
  | 'answeredOnTheSpot'
  | 'closed'
  | 'followedUp'
  | 'rated'
  | 'publishedAsFaq'
  | 'redirectedFromRequest'
  | 'turnedToRequest'
  | 'requestMade'
  | 'dueMoved';

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  asked: '提交',
  entered: '登记',
  assigned: '分派',
  moreAsked: '一次性告知补充',
  moreGiven: '补充材料',
  answered: '答复',
  answeredOnTheSpot: '当场答复',
  closed: '办结',
  followedUp: '追问',
  rated: '评价答复',
  publishedAsFaq: '发布为常见问题',
  redirectedFromRequest: '由政府信息公开申请转来',
  turnedToRequest: '转为政府信息公开申请',
  requestMade: '已提交政府信息公开申请',
  dueMoved: '答复期限调整',
};

/** Who did something to a case, kept whole on the record; the views say how much of it each reader sees. */
export interface CaseActor {
  role: 'resident' | 'staff';
  openid: string | null;
  name: string | null;
}

export interface CaseHistoryEntry {
  action: CaseAction;
  at: string;
  actor: CaseActor;
  detail: string | null;
}

export interface CaseRating {
  helpful: boolean;
  reason: string | null;
  at: string;
}

/** The stored case. */
export interface InquiryRecord {
  caseNumber: string;
  kind: InquiryKind;
  channel: InquiryChannel;
  topic: string;
  departmentId: string | null;
  departmentName: string | null;
  text: string;
  attachments: CaseAttachment[];
  contact: CaseContact | null;
  replyBy: ReplyBy;
  /** A complaint made without name or contact: never notified, looked up by its number. */
  anonymous: boolean;
  /** The resident who asked in the app; null for a case staff entered. Never shown to staff. */
  ownerOpenid: string | null;
  status: InquiryStatus;
  open: boolean;
  /** Beijing date the bureau received it. */
  receivedOn: string;
  /** Day zero of the running answer clock: receipt, the day more was given, or a follow-up. */
  clockFrom: string;
  answerWorkingDays: number;
  dueOn: string | null;
  dueProvisional: boolean;
  /** dueOn while open, '9999-12-31' otherwise: the queue sorts on it. */
  dueSort: string;
  /** Who on the staff may see it in lists (see inquiry-access.ts): 'all', 'dept:<id>', 'person:<openid>', 'admins'. */
  scope: string;
  assignedTo: { openid: string; name: string } | null;
  messages: CaseMessage[];
  rating: CaseRating | null;
  faqId: string | null;
  /** For a case staff entered: when the call, visit or letter came (UTC ISO). */
  contactedAt: string | null;
  history: CaseHistoryEntry[];
  submittedAt: string;
  updatedAt: string;
  /** When the resident's contact was removed (an erasure, or the retention period ran out); absent until then. */
  anonymisedAt?: string;
  /** The disclosure request this case was turned from (条例 Art. 39), closed as 不予处理（信访举报投诉类） with a link here. */
  fromRequest?: { id: string; trackingNumber: string } | null;
  /** The first answer: when, and whether it came by the due date then in force (the figures' 按时答复). */
  firstAnswer?: { at: string; on: string; onTime: boolean } | null;
  /**
   * Set when staff found the inquiry to be a disclosure request: the resident confirms the applicant
   * details and applies; `request` is that application once made (one per case).
   */
  turnedToRequest?: { at: string; request?: { id: string; trackingNumber: string } | null } | null;
}

export interface InquiryEvent {
  subjectType: 'inquiry';
  subjectId: string;
  /** `anonymised`: the resident erased their data; the case stays, without their contact. */
  action: CaseAction | 'personalDataViewed' | 'anonymised';
  actor: string;
  at: string;
  detail: string | null;
}

/** What a case's reader is shown of one history entry: staff see names, residents see roles. */
export interface CaseHistoryView {
  action: CaseAction;
  label: string;
  at: string;
  by: string;
  detail: string | null;
}

/** The resident's view of their own case. */
export interface MyCaseView {
  id: string;
  version: number;
  caseNumber: string;
  kind: InquiryKind;
  channel: InquiryChannel;
  topic: string;
  departmentName: string | null;
  status: InquiryStatus;
  statusLabel: string;
  receivedOn: string;
  dueOn: string | null;
  dueProvisional: boolean;
  anonymous: boolean;
  messages: CaseMessage[];
  rating: CaseRating | null;
  history: CaseHistoryView[];
  /** What the resident may do now. */
  canFollowUp: boolean;
  canRate: boolean;
  canGiveMore: boolean;
  /** The items asked for, while the bureau waits for them. */
  moreAsked: string[] | null;
  fromRequest: { id: string; trackingNumber: string } | null;
  /** Staff found it is a disclosure request: the page offers to apply, with the question as the description (until applied). */
  applyAsRequest: boolean;
  /** The disclosure request made from this case, once the resident applied. */
  toRequest: { id: string; trackingNumber: string } | null;
}

export interface MyCaseSummary {
  id: string;
  caseNumber: string;
  kind: InquiryKind;
  topic: string;
  status: InquiryStatus;
  statusLabel: string;
  dueOn: string | null;
  submittedAt: string;
}

/** Staff's view of a case. A complaint's complainant is shown only to admins and its assigned answerer (the only staff who can see it). */
export interface StaffCaseView extends Omit<MyCaseView, 'canFollowUp' | 'canRate' | 'canGiveMore'> {
  text: string;
  /** The person who asked, as far as they gave it: null when anonymous or not given. */
  contact: CaseContact | null;
  replyBy: ReplyBy;
  departmentId: string | null;
  assignedTo: { openid: string; name: string } | null;
  faqId: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  contactedAt: string | null;
  /** Whether the resident can be reached in the app (answers are notified there). */
  notifiable: boolean;
}

/** Someone a case of a department may be assigned to by name (inquiries.answerers). */
export interface CaseAnswerer {
  openid: string;
  name: string;
  admin: boolean;
}

export interface CaseQueueItem {
  id: string;
  version: number;
  caseNumber: string;
  kind: InquiryKind;
  channel: InquiryChannel;
  topic: string;
  departmentName: string | null;
  status: InquiryStatus;
  statusLabel: string;
  receivedOn: string;
  dueOn: string | null;
  dueProvisional: boolean;
  workingDaysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  /** Working days since it was received: the queue shows age beside the due date. */
  ageWorkingDays: number;
  assignedName: string | null;
}

export function formatCaseNumber(kind: InquiryKind, year: number, sequence: number): string {
  return `${kind === 'complaint' ? '投' : '咨'}〔${year}〕${String(sequence).padStart(6, '0')}号`;
}

/** Inquiries and complaints are numbered apart, each from 1 every year. */
export function caseCounterId(kind: InquiryKind, year: number): string {
  return `${kind === 'complaint' ? 'complaints' : 'inquiries'}-${year}`;
}

export const CASE_NUMBER_PATTERN = /^[咨投]〔\d{4}〕\d{6}号$/;
