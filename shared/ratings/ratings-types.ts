import type { Figures, LevelCounts, TallyBasis } from './satisfaction';
import type { Appeal, FollowUpRecord, FollowUpResponse, FollowUpStatus, ResidentFeedback } from './follow-up';
import type { RatingLevel } from './rating-levels';

/** Shapes of the records and of what the actions return. Types only: free to import anywhere. */
export interface ServiceItem {
  id: string;
  name: string;
}

export interface WindowRecord {
  name: string;
  departmentId: string;
  departmentName: string;
  location: string;
  services: ServiceItem[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export type ServiceWindow = WindowRecord & { id: string; version: number };

export interface WindowSummary {
  id: string;
  name: string;
  departmentId: string;
  departmentName: string;
  location: string;
  services: ServiceItem[];
  active: boolean;
}

export interface VisitRecord {
  windowId: string;
  serviceId: string | null;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  ratingId: string | null;
  ratedAt: string | null;
}

/** A QR code for a deep link into the rating page. */
export interface RatingQr {
  /** Mini-program page path with its query: what the H5 link and the WeChat code open. */
  page: string;
  /** The `scene` of a WeChat mini-program code (≤ 32 characters). */
  scene: string;
  /** The full link (local cloud: the H5 app's URL). */
  link: string;
  /** A PNG as a data: URL. */
  image: string;
}

export interface IssuedVisit extends Omit<RatingQr, 'image'> {
  visitCode: string;
  expiresAt: string;
  windowName: string;
  serviceName: string | null;
}

export type CommentStatus = 'none' | 'passed' | 'rejected';

export interface RatingRecord {
  source: 'visit' | 'window' | 'request';
  visitCode: string | null;
  /** 一事一评: the disclosure request whose handling is rated. */
  requestId?: string | null;
  /** Null for the handling of a request: it counts for its department and service, no window. */
  windowId: string | null;
  windowName: string;
  serviceId: string | null;
  serviceName: string | null;
  departmentId: string;
  departmentName: string;
  month: string;
  level: RatingLevel;
  tags: string[];
  comment: string;
  commentStatus: CommentStatus;
  /** Why screening held the comment back; for the record, never shown publicly. */
  commentReason: string | null;
  anonymous: boolean;
  raterOpenid: string;
  contactName: string;
  contactPhone: string;
  createdAt: string;
  /** Set when an admin upholds an appeal: kept, but no longer counted or shown. */
  excluded: boolean;
  /**
   * A visit code or a request stands behind the rating; false for a bare window
   * QR, which anyone can scan: kept and shown to the unit, counted apart.
   * Absent on ratings stored before the distinction (read from `source`).
   */
  verified?: boolean;
}

export type StoredRating = RatingRecord & { id: string; version: number };

/** What anyone may see of a rating. */
export interface PublicRating {
  id: string;
  windowId: string | null;
  windowName: string;
  serviceName: string | null;
  level: RatingLevel;
  tags: string[];
  /** Only a comment that passed screening; otherwise null. */
  comment: string | null;
  /** "匿名用户" or a masked name: never an OPENID. */
  raterLabel: string;
  createdAt: string;
  /** False for a bare window QR rating: shown apart, outside the official figures. */
  verified: boolean;
  /** Whether a 差评 has been answered (the content of the answer is the resident's). */
  followUpStatus: FollowUpStatus | null;
}

/** What the rater sees of their own rating. */
export interface MyRating {
  id: string;
  windowName: string;
  serviceName: string | null;
  departmentName: string;
  level: RatingLevel;
  tags: string[];
  comment: string;
  commentStatus: CommentStatus;
  anonymous: boolean;
  createdAt: string;
  followUp: null | {
    status: FollowUpStatus;
    dueDate: string;
    /** The due date was counted over a year whose holidays are not entered yet: shown 暂定. */
    dueProvisional: boolean;
    response: Pick<FollowUpResponse, 'rectification' | 'planDueDate' | 'answer' | 'respondedAt'> | null;
    feedback: ResidentFeedback | null;
    appealed: boolean;
    /** A 限期整改 done: what was done and when. */
    completion: { done: string; at: string } | null;
    /** The rater's "not solved" reopened it (once): the unit works it again. */
    reopened: boolean;
  };
}

/** The follow-up as the rating officer works it: who rated, always, whatever the public sees. */
export interface FollowUpView extends FollowUpRecord {
  id: string;
  version: number;
  overdue: boolean;
  /** The due date was counted over a year whose holidays are not entered yet: shown 暂定. */
  dueProvisional: boolean;
  rating: {
    level: RatingLevel;
    tags: string[];
    /** Only a screened comment's text; a held-back one is null with commentStatus 'rejected'. */
    comment: string | null;
    commentStatus: CommentStatus;
    anonymous: boolean;
    createdAt: string;
  };
  rater: { openid: string; contactName: string; contactPhone: string };
}

export interface RatingTarget {
  windowId: string | null;
  /** 一事一评: the request's tracking number. */
  trackingNumber?: string | null;
  windowName: string;
  location: string;
  departmentName: string;
  serviceName: string | null;
  services: ServiceItem[];
  /** For a visit code; a bare window QR is always open (once a day per resident, checked on submit). */
  expiresAt: string | null;
  state: 'open' | 'alreadyRated' | 'expired';
}

export interface SubmittedRating {
  id: string;
  level: RatingLevel;
  commentStatus: CommentStatus;
  followUpDueDate: string | null;
  /** That date was counted over a year whose holidays are not entered yet (暂定). */
  followUpDueProvisional: boolean;
}

export interface MonthFigures {
  month: string;
  total: number;
  satisfactionRate: number;
}

/** One basis's share of a period: how many ratings and their satisfaction rate. */
export interface BasisFigures {
  total: number;
  satisfactionRate: number;
}

/**
 * The official figures (verified ratings; with the unverified ones too when the
 * bureau's `includeUnverified` is set), and each basis apart.
 */
export interface RatingStats extends Figures {
  scope: 'window' | 'service' | 'department' | 'bureau';
  verified: BasisFigures;
  unverified: BasisFigures;
  /** Whether the bureau counts unverified ratings in the official figures. */
  unverifiedIncluded: boolean;
  /** The period the figures cover: one month, or the months listed in `trend`. */
  months: string[];
  trend: MonthFigures[];
}

export interface RankingRow extends Figures {
  /** 1 + the windows strictly ahead: windows level on rate and count share a rank (1, 2, 2, 4). */
  rank: number;
  /** Level with another window (the same rate from the same number of ratings): shown as 并列. */
  tied: boolean;
  windowId: string;
  windowName: string;
  departmentName: string;
  /** The window's unverified ratings of the month (bare QR), shown apart. */
  unverifiedTotal: number;
  /** Whether they are counted in this row's figures (the bureau's `includeUnverified`). */
  unverifiedIncluded: boolean;
}

export interface TallyRecord {
  scope: 'window' | 'service' | 'department' | 'bureau';
  key: string;
  month: string;
  /** Verified or unverified ratings; absent on tallies written before the split (verified). */
  basis?: TallyBasis;
  counts: LevelCounts;
  followUpsOpened: number;
  followUpsAnswered: number;
  followUpsOnTime: number;
}

export type { Appeal };

/** The bureau's 好差评 settings in force (defaults where none were set) and the version of the record (0: none yet). */
export interface RatingSettingsView {
  followUpWorkingDays: number;
  planMaxWorkingDays: number;
  visitCodeDays: number;
  includeUnverified: boolean;
  version: number;
}
