/**
 * Every collection the product stores, with its indexes, declared once.
 *
 * The SQLite adapter creates these indexes itself; on CloudBase they are
 * created in the console (or with `npm run cloudbase:indexes`, which prints
 * them) because the SDK cannot create indexes.
 *
 * Each entry lists compound indexes as field paths in order: equality
 * filters first, the sort field last, matching the queries that use them.
 */
export type IndexDeclarations = Record<string, string[][]>;

export const COLLECTIONS = {
  /** Notices and service guides (主动公开). */
  notices: [
    ['status', 'publishedAt'],
    ['status', 'kind', 'publishedAt'],
    ['status', 'departmentId', 'publishedAt'],
    ['updatedAt'],
  ],
  departments: [['order']],
  /** Staff, keyed by OPENID: the only source of roles. */
  staff: [],
  /** Append-only history: who did what to which record, when (条例 Art. 45 record keeping). */
  events: [['subjectId', 'at']],
  /** Bookkeeping of the deployment itself (e.g. that demo data was seeded). */
  meta: [],

  // requests, calendar (issue 6)
  /** Disclosure requests (依申请公开): the queue sorts open ones by due date; 我的申请 by submission. */
  requests: [
    ['open', 'dueSort'],
    ['status', 'dueSort'],
    ['ownerOpenid', 'submittedAt'],
    ['open', 'dueProvisional'],
  ],
  /** Idempotency of submit/enter: id = hash(caller + key) → the request created. */
  requestKeys: [],
  /** Sequences, e.g. `requests-2026` for tracking numbers 依申〔2026〕000001号… */
  counters: [],
  /** The bureau's working-day arrangement, one document per year (id = year). */
  calendar: [['year']],

  // subscriptions, inbox, outbox (issue 7)

  // notice search, comments (issue 8)
  /** Residents' opinions on consultations; the search index itself is SQLite-only (sqlite-search.ts). */
  noticeComments: [
    ['noticeId', 'status', 'publishedAt'],
    ['noticeId', 'createdAt'],
    ['noticeId', 'author', 'createdAt'],
  ],

  // windows, visits, ratings, follow-ups (issue 9)

} satisfies IndexDeclarations;

export type CollectionName = keyof typeof COLLECTIONS;
