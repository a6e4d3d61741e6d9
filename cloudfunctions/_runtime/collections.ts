import type { Department } from '../../shared/api/common';
import type { AuditRecord } from '../../shared/audit/audit-record';
import type { AttachmentFileRecord, FileEvent } from '../../shared/files/attachment-files';
import type { CommentEvent, NoticeComment } from '../../shared/notices/notice-comments';
import type { NoticeEvent } from '../../shared/notices/notice-lifecycle';
import type { Notice } from '../../shared/notices/notice-schema';
import type { NoticeVersionRecord } from '../../shared/notices/notice-versions';
import type { NoticeView, NoticeViewCount } from '../../shared/notices/notice-views';
import type { FollowUpRecord } from '../../shared/ratings/follow-up';
import type { RatingEvent } from '../../shared/ratings/rating-events';
import type { RatingRecord, TallyRecord, VisitRecord, WindowRecord } from '../../shared/ratings/ratings-types';
import type { StoredLetterTemplate } from '../../shared/requests/letter-templates';
import type { Bureau } from '../../shared/requests/reply-categories';
import type { RequestEvent, RequestRecord } from '../../shared/requests/request-record';
import type { RequestFacts } from '../../shared/reports/request-facts';
import type { RequestSettings } from '../requests/request-settings';
import type { BulletinRecord, DeliveryRecord, GrantRecord, InboxRecord, OutboxRecord, ReadMarkRecord, RecordedMessage, SubscriptionRecord } from '../_notifications/records';
import type { CalendarDoc, CalendarEvent } from '../calendar/calendar-data';
import type { TemplateEvent } from '../letterTemplates/letter-templates-function';
import type { RatingSettings } from '../ratings/rating-settings';
import type { SubscriptionEvent } from '../subscriptions/subscriptions-function';
import type { StaffRecord } from './identify-caller';
import type { StaffEvent, StaffInviteRecord, StaffSettings } from '../staff/staff-records';
import type { RateLimitOverrides } from '../../shared/limits/rate-limits';
import type { RateCounterRecord } from './rate-limiter';
import type { InquiryEvent, InquiryRecord } from '../../shared/inquiries/inquiry-types';
import type { FaqEvent, FaqRecord } from '../../shared/inquiries/faq-types';
import type { GuideEvent, GuideRecord } from '../../shared/inquiries/guide-types';
import type { PrivacyEvent } from '../../shared/privacy/privacy-events';
import type { ReviewEvent, ReviewKind, ReviewRecord } from '../../shared/reviews/review-kinds';
import type { RetentionSettings } from '../../shared/privacy/retention';
import type { ReportCaseRecord, ReportEvent, ReportRecord } from '../../shared/reports/report-record';

/**
 * Every collection the product stores, with its indexes, declared once.
 *
 * The SQLite adapter creates these indexes itself; on CloudBase `npm run deploy`
 * creates every collection and index through the management API (the node SDK
 * cannot create indexes); `npm run cloudbase:indexes` prints them for a person.
 *
 * Each entry lists compound indexes as field paths in order: equality
 * filters first, the sort field last, matching the queries that use them.
 */
export type IndexDeclarations = Record<string, string[][]>;

/**
 * Each collection's name → the type of its records. `store.collection(name)`
 * is typed from this map in both adapters, so a misspelt collection or a field
 * a record does not have is a compile error, not a cast.
 */
export interface CollectionRecords {
  notices: Notice;
  departments: Department;
  staff: StaffRecord;
  events: StoredEvent;
  meta: MetaRecord;
  requests: RequestRecord;
  requestKeys: RequestKeyRecord;
  counters: CounterRecord;
  calendar: CalendarDoc;
  letterTemplates: StoredLetterTemplate;
  outbox: OutboxRecord;
  inbox: InboxRecord;
  bulletins: BulletinRecord;
  readMarks: ReadMarkRecord;
  deliveries: DeliveryRecord;
  grants: GrantRecord;
  subscriptions: SubscriptionRecord;
  wechatRecorded: RecordedMessage;
  noticeComments: NoticeComment;
  noticeViews: NoticeView;
  noticeViewCounts: NoticeViewCount;
  noticeVersions: NoticeVersionRecord;
  files: AttachmentFileRecord;
  windows: WindowRecord;
  visits: VisitRecord;
  ratings: RatingRecord;
  followUps: FollowUpRecord;
  ratingTallies: TallyRecord;
  uniqueKeys: UniqueKeyRecord;
  staffInvites: StaffInviteRecord;
  audit: AuditRecord;
  rateLimits: RateCounterRecord;
  inquiries: InquiryRecord;
  inquiryKeys: InquiryKeyRecord;
  faq: FaqRecord;
  guide: GuideRecord;
  reports: ReportRecord;
  reportCases: ReportCaseRecord;
  requestFacts: RequestFacts;
  reviews: ReviewRecord;
}

/** The append-only history (条例 Art. 45): one union, told apart by `subjectType`. */
export type StoredEvent = RequestEvent | NoticeEvent | CommentEvent | RatingEvent | FileEvent | TemplateEvent | SubscriptionEvent | CalendarEvent | StaffEvent | InquiryEvent | FaqEvent | GuideEvent | PrivacyEvent | ReportEvent | ReviewEvent;

/**
 * `meta` holds a few singleton documents by id: `bureau` (name and government for letters), `seal` (its seal image),
 * `rating-settings`, `rate-limits` (the bureau's abuse limits), the demo-seed marker and the dispatcher's scan turns (`at`).
 */
export type MetaRecord = Partial<Bureau & RatingSettings & { at: string; rateLimits: RateLimitOverrides }> & StaffSettings & RequestSettings & { retention?: Partial<RetentionSettings>; reviewRequired?: Partial<Record<ReviewKind, boolean>> } & SealSettings;

/** The `meta` document `seal`: the bureau's seal image for its letters (shared/requests/letter-seal.ts). */
interface SealSettings {
  sealPng?: string | null;
  sealUpdatedAt?: string;
  sealUpdatedByName?: string | null;
}

/** Idempotency of submit/enter: id = hash(caller + key) → the request created. */
export interface RequestKeyRecord {
  requestId: string;
  /** Hash of what was submitted: the same key with different content is refused, not silently merged. */
  payloadHash: string;
  at: string;
}

/** Idempotency of inquiries.ask/enter: id = hash(caller + key) → the case created. */
export interface InquiryKeyRecord {
  caseId: string;
  payloadHash: string;
  at: string;
}

/**
 * A claim that makes "only once" a property of the store, id = the key (one rating per visit code,
 * per request, per resident-window-day; one opinion slot). Inserted in the transaction that writes
 * the record it claims, so of two racing writes one fails. Server-side only: the keys name who and
 * what, the public ids of the records they claim are random.
 */
export interface UniqueKeyRecord {
  recordId: string;
  at: string;
}

/** A sequence, e.g. `requests-2026`. */
export interface CounterRecord {
  value: number;
}

export const COLLECTIONS = {
  /** Notices and service guides (主动公开). */
  notices: [
    ['status', 'publishedAt'],
    ['status', 'kind', 'publishedAt'],
    ['status', 'departmentId', 'publishedAt'],
    ['updatedAt'],
    /** Scheduled publishing: the runner's due notices and the staff list's 定时发布, soonest first. */
    ['scheduledAt'],
  ],
  departments: [['order']],
  /** Staff, keyed by OPENID: the only source of roles. */
  staff: [],
  /**
   * Append-only history: who did what to which record, when (条例 Art. 45 record keeping). Read by
   * subject, oldest first, page by page (an erasure rewrites its subjects' events): `id` ends the index
   * because every find breaks ties on it, so no page sorts a subject's events outside the index.
   */
  events: [['subjectId', 'at', 'id']],
  /** Bookkeeping of the deployment itself (e.g. that demo data was seeded). */
  meta: [],

  // requests, calendar
  /**
   * Disclosure requests (依申请公开): the queue sorts open ones by due date; 我的申请 by submission.
   * `id` ends each sorted index because every find breaks ties on it: without it SQLite sorts
   * every row of the filter (66,000 open requests) in a temporary B-tree on each page.
   */
  requests: [
    ['open', 'dueSort', 'id'],
    ['status', 'dueSort', 'id'],
    ['ownerOpenid', 'submittedAt', 'id'],
    ['open', 'dueProvisional'],
    /** The queue of a handler's departments (department-scope.ts), and the applications awaiting registration, longest waiting first. */
    ['departmentId', 'open', 'dueSort', 'id'],
    ['departmentId', 'status', 'dueSort', 'id'],
    ['status', 'submittedAt', 'id'],
    // A repeat request names the earlier one by its tracking number (Art. 36(6)).
    ['trackingNumber'],
    /** The retention job: concluded requests not yet anonymised, oldest first (anonymised ones leave the index's range). */
    ['open', 'anonymisedAt', 'submittedAt', 'id'],
  ],
  /** Idempotency of submit/enter: id = hash(caller + key) → the request created; found by the request for 个人信息 and an erasure. */
  requestKeys: [['requestId']],
  /** Sequences, e.g. `requests-2026` for tracking numbers 依申〔2026〕000001号… */
  counters: [],
  /** The bureau's working-day arrangement, one document per year (id = year). */
  calendar: [['year']],
  /** The bureau's edits of the formal letters' templates, one document per template key (the built-in text otherwise). */
  letterTemplates: [['updatedAt']],

  // subscriptions, inbox, outbox
  /** One row per cause (notice published, request replied…), written with it; a bulletin's row is also its fan-out job. */
  /**
   * From here on, an index that starts with an OPENID field (`openid`, `author`, `raterOpenid`,
   * `audience.openid`, …) serves 个人信息 and an erasure (me/resident-records.ts): one resident's
   * records, page by page, never a walk over everyone's.
   */
  outbox: [['status', 'createdAt'], ['subjectId', 'createdAt'], ['audience.openid', 'createdAt', 'id']],
  /** The message centre's personal messages: one row per recipient; the retention job removes the oldest first. */
  inbox: [['openid', 'createdAt', 'id'], ['subjectId', 'read'], ['createdAt', 'id']],
  /** Bulletins by topic, newest first (a resident's 消息 asks for their topics at once); a bulletin's rows by its id; the oldest first for retention. */
  bulletins: [['topic', 'publishedAt', 'bulletinId'], ['bulletinId', 'topic'], ['publishedAt', 'id']],
  /** Read bulletins: a resident's marks (export, erasure), how many read one bulletin (the delivery report), the oldest first for retention. */
  readMarks: [['openid', 'readAt', 'id'], ['bulletinId', 'readAt'], ['readAt', 'id']],
  /** The WeChat side of each message for one person: status, attempts, reason; the retention job removes the oldest first. */
  deliveries: [['status', 'nextAttemptAt'], ['status', 'claimedAt'], ['subjectId', 'status', 'updatedAt'], ['createdAt', 'id'], ['openid', 'createdAt', 'id']],
  /** Consent per resident and template (id derived from both); a bulletin's WeChat sends walk one template's grants in id order. */
  grants: [['openid', 'updatedAt', 'id'], ['templateId', 'id']],
  /** A resident's topics; fan-out walks one topic in id order. */
  subscriptions: [['topic', 'id'], ['openid', 'createdAt', 'id']],
  /** Local cloud only: what would have been sent to WeChat. */
  wechatRecorded: [['subjectId', 'at'], ['at', 'id'], ['touser', 'at', 'id']],

  // notice search, comments
  /** Residents' opinions on consultations; the search index itself is SQLite-only (sqlite-search.ts). */
  noticeComments: [
    ['noticeId', 'status', 'publishedAt'],
    ['noticeId', 'createdAt'],
    ['noticeId', 'author', 'createdAt'],
    ['author', 'createdAt', 'id'],
  ],
  /**
   * 阅读: one record per viewer, notice and Beijing day (id = day + hash), and one counter per notice (id = notice id).
   * A view matters only on its day: the retention job removes earlier days' by day, and an erasure reads the few left.
   */
  noticeViews: [['day', 'id']],
  noticeViewCounts: [],
  /** Every version of a notice, whole, written with each change (id: notice id + version); newest first. */
  noticeVersions: [['noticeId', 'noticeVersion']],
  /**
   * Uploaded attachments' metadata: the local cloud's bytes live in <data folder>/files/<id>, CloudBase's
   * in cloud storage (the record keeps the fileID). Uploads no write has named yet, oldest first, for
   * the job that removes them a day on.
   */
  files: [['uploadedBy', 'createdAt', 'id'], ['attached', 'createdAt', 'id']],

  // windows, visits, ratings, follow-ups
  /** Service windows (好差评): name, department, location, the services offered. */
  windows: [['active', 'name'], ['name']],
  /** Visit codes, keyed by the code: single-use, expiring. */
  visits: [['windowId', 'issuedAt']],
  /** Ratings; ids make one rating per visit / per resident-window-day. Never deleted. */
  ratings: [
    ['raterOpenid', 'createdAt', 'id'],
    ['excluded', 'createdAt'],
    ['excluded', 'windowId', 'createdAt'],
    /** The retention job: ratings that still carry a contact name, or a contact phone (most carry neither). */
    ['contactName', 'id'],
    ['contactPhone', 'id'],
  ],
  /** Follow-ups of 差评, keyed like their rating. */
  followUps: [
    ['dueDate', 'id'],
    ['status', 'dueDate', 'id'],
    /** A unit's rating officer lists their departments' follow-ups only (rating-scope.ts), by due date. */
    ['departmentId', 'dueDate', 'id'],
    ['departmentId', 'status', 'dueDate', 'id'],
  ],
  /** Exact counters per window/service/department/bureau × month, updated with each rating. */
  ratingTallies: [['scope', 'month', 'key']],
  /** Server-side uniqueness claims (one rating per visit / request / resident-window-day, opinion slots), keyed by the claim; read by id, and by the record claimed when an erasure removes a resident's. */
  uniqueKeys: [['recordId', 'at', 'id']],

  // audit
  /**
   * Who did what to which record, and who saw whose unmasked personal data: append-only (APPEND_ONLY_COLLECTIONS).
   * 操作记录 searches by person (OPENID or recorded name), record, action and Beijing dates, newest first,
   * paged: one index per filter, the date range and the `id` tie-break in it, so a page is read straight
   * from the index, never sorted (test/functions/audit-query-plans.test.ts). Filters combined use the first
   * one's index and check the others on the rows it reads.
   */
  audit: [['at', 'id'], ['actor', 'at', 'id'], ['actorName', 'at', 'id'], ['recordId', 'at', 'id'], ['action', 'at', 'id']],
  /** Invitations to join as staff, keyed by a hash of the one-time code (the code itself is never stored). */
  staffInvites: [],

  // abuse limits
  /** Per caller, action and fixed window: how many calls were counted (id = a hash of all four); counters of ended windows go by `windowEnd`. */
  rateLimits: [['windowEnd', 'id']],

  // inquiries, complaints, FAQ, the disclosure guide
  /**
   * Cases (咨询、投诉举报). The queue reads open cases by due date, filtered to the scopes the
   * answerer may see (case-access.ts); 我的咨询 by submission; a case is found by its number.
   */
  inquiries: [
    ['open', 'dueSort', 'id'],
    ['scope', 'open', 'dueSort', 'id'],
    ['status', 'dueSort', 'id'],
    ['scope', 'status', 'dueSort', 'id'],
    ['ownerOpenid', 'submittedAt', 'id'],
    ['caseNumber'],
    /** The year's figures read every case received in it. */
    ['receivedOn', 'id'],
    /** The retention job: closed cases not yet anonymised, oldest first. */
    ['open', 'anonymisedAt', 'submittedAt', 'id'],
  ],
  /** Idempotency of ask/enter: id = hash(caller + key) → the case created; found by the case for 个人信息 and an erasure. */
  inquiryKeys: [['caseId']],
  /** 常见问题: active ones by when they were last checked, overall and per department. */
  faq: [
    ['status', 'checkedAt', 'id'],
    ['status', 'departmentId', 'checkedAt', 'id'],
  ],
  /** The disclosure guide (one document, id `bureau`), with its history inside. */
  guide: [],

  // annual report
  /** One document per year (id = the year): what staff entered, and whether it is published. */
  reports: [],
  /** 行政复议 and 行政诉讼 cases about disclosure (Part 4), read whole for a year's table. */
  reportCases: [['filedOn']],
  /**
   * What the report counts of each request (id = the request's id), rewritten with every change to
   * it (derived-records.ts). A year's report or a period's statistics read the range concluded on or
   * after the period's first day, open ones included (`concludedSort`), in that order: never the
   * years concluded before it.
   */
  requestFacts: [['concludedSort', 'receivedOn', 'id']],

  // 公开审查
  /** Acts waiting for (or past) a reviewer (id: subject id + its version), the queue oldest first. */
  reviews: [
    ['status', 'submittedAt'],
    /** A reviewer scoped to departments: their queue and their count on 我的待办. */
    ['status', 'departmentId', 'submittedAt'],
    /** The latest item of a notice or request, for its page (`forSubject`). */
    ['subjectId', 'submittedAt', 'subjectVersion'],
    /** 我的待办: an author's items sent back. */
    ['authorOpenid', 'status', 'submittedAt'],
    /** The item of a request or notice waiting now: at most one waits (a second act is refused). */
    ['subjectId', 'status', 'submittedAt'],
  ],

} satisfies Record<CollectionName, string[][]>;

export type CollectionName = keyof CollectionRecords;

/**
 * Collections whose records are never changed once written. Both store adapters refuse `update`
 * on them (AppendOnlyError) and `delete` of them, so the audit trail cannot be rewritten by any
 * code path.
 */
export const APPEND_ONLY_COLLECTIONS = ['audit'] as const satisfies readonly CollectionName[];
