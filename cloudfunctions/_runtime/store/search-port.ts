import type { NoticeKind } from '../../../shared/notices/notice-kinds';
import type { NoticeSummary } from '../../../shared/notices/notice-schema';
import type { SearchOrder, SearchTexts } from '../../../shared/notices/notice-search';
import type { FaqRecord } from '../../../shared/inquiries/faq-types';
import type { Page, Stored } from './port';

/**
 * The notice search port: full-text search over published notices, beside
 * the document-store port because neither CloudBase's database nor a plain
 * document query can do it the same way. Two implementations:
 * - sqlite-search.ts: SQLite FTS5 (trigram) kept in sync by triggers, plus a
 *   bounded scan for one- and two-character terms — the local cloud; the FAQ
 *   has an FTS5 index of its own over character grams (search-grams.ts);
 * - cloudbase-search.ts: regular expressions over title and summary, which is
 *   what CloudBase's database offers (see the README for what degrades).
 *
 * The handler finds it on its context (`HandlerContext.search`); the entry
 * point that knows its database wires the matching implementation: the local
 * cloud (server/local-cloud.ts) SQLite's, the CloudBase entry
 * (_runtime/cloudbase-main.ts) CloudBase's. This file imports neither, so a
 * CloudBase bundle never carries the SQLite code.
 */
export interface NoticeSearchRequest {
  /** Lower-cased terms that must all occur (see shared/notices/notice-search.ts). */
  terms: string[];
  kind?: NoticeKind;
  departmentId?: string;
  order: SearchOrder;
  cursor?: string | null;
  limit: number;
}

export interface NoticeSearchHit {
  summary: NoticeSummary;
  /** The searched text the implementation read, for highlighting. */
  texts: SearchTexts;
}

/** A search of the FAQ (常见问题): the same terms as a notice search (shared/notices/notice-search.ts). */
export interface FaqSearchRequest {
  terms: string[];
  departmentId?: string;
  topic?: string;
  limit: number;
}

export interface NoticeSearch {
  search(request: NoticeSearchRequest): Promise<Page<NoticeSearchHit>>;
  /**
   * Active FAQ entries holding every term in their question, answer or topic: those whose
   * question holds the first term first, then the most recently checked. One page: the ask
   * form shows a few, the FAQ page a screenful.
   */
  searchFaq(request: FaqSearchRequest): Promise<Array<Stored<FaqRecord>>>;
}
