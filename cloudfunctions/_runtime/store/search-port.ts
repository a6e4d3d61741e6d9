import type { NoticeKind } from '../../../shared/notices/notice-kinds';
import type { NoticeSummary } from '../../../shared/notices/notice-schema';
import type { SearchOrder, SearchTexts } from '../../../shared/notices/notice-search';
import type { Page } from './port';

/**
 * The notice search port: full-text search over published notices, beside
 * the document-store port because neither CloudBase's database nor a plain
 * document query can do it the same way. Two implementations:
 * - sqlite-search.ts: SQLite FTS5 (trigram) kept in sync by triggers, plus a
 *   bounded scan for one- and two-character terms — the local cloud;
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

export interface NoticeSearch {
  search(request: NoticeSearchRequest): Promise<Page<NoticeSearchHit>>;
}
