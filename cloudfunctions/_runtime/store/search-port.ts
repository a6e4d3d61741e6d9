import type { NoticeKind } from '../../../shared/notices/notice-kinds';
import type { NoticeSummary } from '../../../shared/notices/notice-schema';
import type { SearchOrder, SearchTexts } from '../../../shared/notices/notice-search';
import type { Page, Store } from './port';
import { SqliteNoticeSearch } from './sqlite-search';

/**
 * The notice search port: full-text search over published notices, beside
 * the document-store port because neither CloudBase's database nor a plain
 * document query can do it the same way. Two implementations:
 * - sqlite-search.ts: SQLite FTS5 (trigram) kept in sync by triggers, plus a
 *   bounded scan for one- and two-character terms — the local cloud;
 * - cloudbase-search.ts: regular expressions over title and summary, which is
 *   what CloudBase's database offers (see the README for what degrades).
 *
 * The handler asks `noticeSearchOf(store)`; an entry point that knows its
 * database attaches the matching implementation with `attachNoticeSearch`.
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

/** A SQLite store exposes its connection under its lock (see SqliteStore.withConnection). */
export interface SqliteConnectionHost {
  withConnection<R>(op: (db: import('better-sqlite3').Database) => R, remember?: { collections: readonly string[]; key: string }): Promise<R>;
}

const attached = new WeakMap<Store, NoticeSearch>();

export function attachNoticeSearch(store: Store, search: NoticeSearch): void {
  attached.set(store, search);
}

/** The search attached to `store`; a SQLite store gets its FTS5 index on first use. */
export function noticeSearchOf(store: Store): NoticeSearch {
  let search = attached.get(store);
  if (!search && typeof (store as Partial<SqliteConnectionHost>).withConnection === 'function') {
    search = new SqliteNoticeSearch(store as SqliteConnectionHost & Store);
    attached.set(store, search);
  }
  if (!search) throw new Error('no notice search is attached to this store');
  return search;
}
