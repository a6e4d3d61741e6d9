import type { Database, Statement } from 'better-sqlite3';
import { toSummary } from '../../../shared/notices/notice-lifecycle';
import type { Notice } from '../../../shared/notices/notice-schema';
import { isIndexableTerm, type SearchTexts } from '../../../shared/notices/notice-search';
import { guideSearchText, GUIDE_SEARCH_PATHS } from '../../../shared/notices/guide-search-text';
import { InvalidCursorError } from './cursor';
import type { Page, Store } from './port';
import type { FaqSearchRequest, NoticeSearch, NoticeSearchHit, NoticeSearchRequest } from './search-port';
import type { FaqRecord } from '../../../shared/inquiries/faq-types';
import type { Stored } from './port';
import { gramMatchExpression } from './search-grams';

/** A SQLite store exposes its connection under its lock (see SqliteStore.withConnection). */
export interface SqliteConnectionHost {
  withConnection<R>(op: (db: Database) => R, remember?: { collections: readonly string[]; key: string }): Promise<R>;
}

/**
 * Notice search in the local cloud: an FTS5 index with the trigram tokenizer
 * over title, summary, 文号 (with the issuing body), body and the guide's
 * fields, of published notices only.
 *
 * - Kept in sync by SQLite triggers on the `notices` table, so the index
 *   changes in the very transaction that changes a notice, whichever code
 *   path wrote it; the triggers are plain SQL and live in the database file.
 * - Contentless (the text already sits in `notices`): the index stores only
 *   its postings plus the few unindexed columns used to filter.
 * - The index rowid is the sort key: publish time in seconds × 2^20 plus the
 *   notice's rowid modulo 2^20 (publish order within one second). "Newest
 *   first" is then FTS5's own rowid order, read from the top and stopped at
 *   the page size, and the cursor is that one number.
 * - Trigram cannot match terms under three characters (物业, 公示, 税). When
 *   every term is that short the newest published notices are scanned with
 *   `instr`, at most SCAN_WINDOW per call: a page may come back short, with
 *   a cursor to go on from where the scan stopped, so each call stays bounded
 *   and nothing is missed. Short terms next to a long one just filter the
 *   index's matches.
 * - Relevance is bm25 with titles and 文号 weighted above bodies; its pages
 *   use an offset (relevance ranks shift as notices are published, so a
 *   keyset cursor would not be stable either), capped at MAX_RELEVANCE_OFFSET.
 */
export const SCAN_WINDOW = 2000;
export const MAX_RELEVANCE_OFFSET = 500;
const KEY_SPREAD = 1_048_576;
const BODY_CONTEXT = 40;
const BODY_WINDOW = 200;

/** The sort key of the notice row `a` (see above). */
const key = (a: string) => `(unixepoch(${a}.doc ->> '$.publishedAt') * ${KEY_SPREAD} + (${a}.rowid % ${KEY_SPREAD}))`;
const isPublished = (a: string) => `(${a}.doc ->> '$.status') = 'published'`;
const guideText = (a: string) =>
  `CASE WHEN (${a}.doc -> '$.guide') IS NULL THEN '' ELSE concat_ws(char(10), ` +
  GUIDE_SEARCH_PATHS.map((p) => `${a}.doc ->> '$.guide.${p}'`).join(', ') +
  `, (SELECT group_concat(value, char(10)) FROM json_each(${a}.doc, '$.guide.materials'))) END`;
const docNumberText = (a: string) =>
  `concat_ws(' ', ${a}.doc ->> '$.docNumber', ${a}.doc ->> '$.issuingBody')`;
/** Everything searched, for `instr` on short terms; lower-cased like the terms. */
const haystack = (a: string) =>
  `lower(concat_ws(char(10), ${a}.doc ->> '$.title', ${a}.doc ->> '$.summary', ${docNumberText(a)}, ${a}.doc ->> '$.body', ${guideText(a)}))`;

const indexRow = (a: string) =>
  `INSERT INTO notice_fts (rowid, notice_rowid, kind, department_id, title, summary, doc_number, body, guide) ` +
  `SELECT ${key(a)}, ${a}.rowid, ${a}.doc ->> '$.kind', ${a}.doc ->> '$.departmentId', ${a}.doc ->> '$.title', ` +
  `coalesce(${a}.doc ->> '$.summary', ''), ${docNumberText(a)}, ${a}.doc ->> '$.body', ${guideText(a)}`;

const SCHEMA = [
  `CREATE VIRTUAL TABLE notice_fts USING fts5(
     notice_rowid UNINDEXED, kind UNINDEXED, department_id UNINDEXED,
     title, summary, doc_number, body, guide,
     content = '', contentless_delete = 1, contentless_unindexed = 1, tokenize = 'trigram')`,
  `CREATE TRIGGER notices_search_insert AFTER INSERT ON notices WHEN ${isPublished('new')} BEGIN
     ${indexRow('new')};
   END`,
  `CREATE TRIGGER notices_search_update AFTER UPDATE ON notices BEGIN
     DELETE FROM notice_fts WHERE rowid = ${key('old')} AND ${isPublished('old')};
     ${indexRow('new')} WHERE ${isPublished('new')};
   END`,
  `CREATE TRIGGER notices_search_delete AFTER DELETE ON notices WHEN ${isPublished('old')} BEGIN
     DELETE FROM notice_fts WHERE rowid = ${key('old')};
   END`,
];

/**
 * The FAQ index: active entries' question, answer and topic as character grams (search-grams.ts:
 * `pairs` and `chars`), with the department and topic to filter on; rowid = the entry's rowid.
 * Contentless and kept in step by triggers on `faq`, like the notices' index: an entry retired,
 * edited or published from a case leaves or enters it in the transaction that changes it.
 */
const isActive = (a: string) => `(${a}.doc ->> '$.status') = 'active'`;
const faqText = (a: string) => `concat_ws(char(10), ${a}.doc ->> '$.question', ${a}.doc ->> '$.answer', ${a}.doc ->> '$.topic')`;
const faqIndexRow = (a: string) =>
  `INSERT INTO faq_fts (rowid, department_id, topic, pairs, chars) ` +
  `SELECT ${a}.rowid, ${a}.doc ->> '$.departmentId', ${a}.doc ->> '$.topic', search_grams(${faqText(a)}, 2), search_grams(${faqText(a)}, 1)`;
const FAQ_SCHEMA = [
  `CREATE VIRTUAL TABLE faq_fts USING fts5(
     department_id UNINDEXED, topic UNINDEXED, pairs, chars,
     content = '', contentless_delete = 1, contentless_unindexed = 1, tokenize = 'unicode61')`,
  `CREATE TRIGGER faq_search_insert AFTER INSERT ON faq WHEN ${isActive('new')} BEGIN
     ${faqIndexRow('new')};
   END`,
  `CREATE TRIGGER faq_search_update AFTER UPDATE ON faq BEGIN
     DELETE FROM faq_fts WHERE rowid = old.rowid AND ${isActive('old')};
     ${faqIndexRow('new')} WHERE ${isActive('new')};
   END`,
  `CREATE TRIGGER faq_search_delete AFTER DELETE ON faq WHEN ${isActive('old')} BEGIN
     DELETE FROM faq_fts WHERE rowid = old.rowid;
   END`,
];

/** What a result needs from the notice: the summary's fields and the searched texts, not the whole document. */
const PROJECTION =
  `n.id AS id, n.doc ->> '$.kind' AS kind, n.doc ->> '$.title' AS title, n.doc ->> '$.summary' AS summary, ` +
  `n.doc ->> '$.departmentId' AS departmentId, n.doc ->> '$.departmentName' AS departmentName, ` +
  `n.doc ->> '$.publishedAt' AS publishedAt, n.doc ->> '$.period' AS period, n.doc ->> '$.docNumber' AS docNumber, ` +
  `n.doc ->> '$.issuingBody' AS issuingBody, n.doc ->> '$.validity' AS validity, n.doc ->> '$.replacedById' AS replacedById, ` +
  `n.doc ->> '$.guide' AS guide, n.doc ->> '$.correctedAt' AS correctedAt, ` +
  // Only a window of the body around the first term's first match leaves SQLite (bodies run to thousands of characters).
  `substr(n.doc ->> '$.body', max(1, instr(lower(n.doc ->> '$.body'), ?) - ${BODY_CONTEXT}), ${BODY_WINDOW}) AS body, ` +
  `instr(lower(n.doc ->> '$.body'), ?) > ${BODY_CONTEXT + 1} AS bodyCut`;

interface Row {
  key: number;
  id: string;
  kind: Notice['kind'];
  title: string;
  summary: string | null;
  departmentId: string;
  departmentName: string;
  publishedAt: string;
  period: string | null;
  docNumber: string | null;
  issuingBody: string | null;
  validity: string | null;
  replacedById: string | null;
  correctedAt: string | null;
  body: string;
  bodyCut: number;
  guide: string | null;
}

export class SqliteNoticeSearch implements NoticeSearch {
  private ready = false;
  private faqReady = false;
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly store: SqliteConnectionHost & Store) {}

  async search(request: NoticeSearchRequest): Promise<Page<NoticeSearchHit>> {
    // `notices` is a declared collection, so its table exists from the store's opening (triggers attach to it).
    // Results depend on published notices only, so a repeated search (residents look for the same
    // few things) is answered from the store's read cache until a notice changes.
    return this.store.withConnection(
      (db) => {
        if (!this.ready) this.install(db);
        const long = request.terms.filter(isIndexableTerm);
        const short = request.terms.filter((t) => !isIndexableTerm(t));
        if (long.length && request.order === 'relevance') return this.byRelevance(db, request, long, short);
        if (long.length) return this.newestMatches(db, request, long, short);
        return this.newestScan(db, request, short);
      },
      { collections: ['notices'], key: `search:${JSON.stringify(request)}` },
    );
  }

  /**
   * The FAQ's own index (faq_fts, see FAQ_SCHEMA): every term is looked up in it — no scan, however
   * many entries a bureau keeps, and two-character terms (社保, 养犬) as well as long ones. Matches in
   * the question come first, then the most recently checked.
   */
  async searchFaq(request: FaqSearchRequest): Promise<Array<Stored<FaqRecord>>> {
    const match = gramMatchExpression(request.terms);
    if (match === null) return [];
    return this.store.withConnection(
      (db) => {
        if (!this.faqReady) this.installFaq(db);
        const params: unknown[] = [match];
        const where = ['faq_fts MATCH ?'];
        if (request.departmentId) {
          where.push('faq_fts.department_id = ?');
          params.push(request.departmentId);
        }
        if (request.topic) {
          where.push('faq_fts.topic = ?');
          params.push(request.topic);
        }
        params.push(request.terms[0], request.limit);
        const rows = this.prepare(
          db,
          `SELECT f.doc AS doc FROM faq_fts JOIN faq f ON f.rowid = faq_fts.rowid WHERE ${where.join(' AND ')} ` +
            `ORDER BY instr(lower(f.doc ->> '$.question'), ?) > 0 DESC, f.doc ->> '$.checkedAt' DESC LIMIT ?`,
        ).all(...params) as Array<{ doc: string }>;
        return rows.map((r) => JSON.parse(r.doc) as Stored<FaqRecord>);
      },
      { collections: ['faq'], key: `faq:${JSON.stringify(request)}` },
    );
  }

  /** Creates the FAQ index and its triggers once per database, filling it from the active entries already there. */
  private installFaq(db: Database): void {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'faq_fts'`).get();
    if (!exists) {
      db.transaction(() => {
        for (const sql of FAQ_SCHEMA) db.exec(sql);
        db.exec(`${faqIndexRow('a')} FROM faq a WHERE ${isActive('a')}`);
      })();
    }
    this.faqReady = true;
  }

  /** Creates the index and its triggers once per database, filling it from the notices already there. */
  private install(db: Database): void {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notice_fts'`).get();
    if (!exists) {
      db.transaction(() => {
        for (const sql of SCHEMA) db.exec(sql);
        db.exec(`${indexRow('a')} FROM notices a WHERE ${isPublished('a')}`);
      })();
    }
    this.ready = true;
  }

  private newestMatches(db: Database, request: NoticeSearchRequest, long: string[], short: string[]): Page<NoticeSearchHit> {
    const params: unknown[] = [matchExpression(long)];
    const where = ['notice_fts MATCH ?', ...this.filters(request, params)];
    const below = request.cursor ? decodeKeyCursor(request.cursor) : null;
    if (below !== null) {
      where.push('notice_fts.rowid < ?');
      params.push(below);
    }
    where.push(...shortTermClauses(short, params));
    params.push(request.limit + 1);
    const rows = this.hits(db, request, where, 'notice_fts.rowid DESC LIMIT ?', params);
    const items = rows.slice(0, request.limit);
    const nextCursor = rows.length > request.limit ? encodeKeyCursor(items[items.length - 1].key) : null;
    return { items: items.map(toHit), nextCursor };
  }

  private byRelevance(db: Database, request: NoticeSearchRequest, long: string[], short: string[]): Page<NoticeSearchHit> {
    const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
    const params: unknown[] = [matchExpression(long)];
    const where = ['notice_fts MATCH ?', ...this.filters(request, params), ...shortTermClauses(short, params)];
    params.push(request.limit + 1, offset);
    // Column weights follow the table's columns: three unindexed, then title, summary, 文号, body, guide.
    const rows = this.hits(db, request, where, 'bm25(notice_fts, 0, 0, 0, 10.0, 4.0, 8.0, 1.0, 2.0), notice_fts.rowid DESC LIMIT ? OFFSET ?', params);
    const items = rows.slice(0, request.limit);
    const next = offset + items.length;
    const nextCursor = rows.length > request.limit && next <= MAX_RELEVANCE_OFFSET ? encodeOffsetCursor(next) : null;
    return { items: items.map(toHit), nextCursor };
  }

  /** The one hit query every search path runs: matching index rows joined to their notices, in `order`. */
  private hits(db: Database, request: NoticeSearchRequest, where: string[], order: string, params: unknown[]) {
    return this.all(
      db,
      `SELECT notice_fts.rowid AS key, ${PROJECTION} FROM notice_fts JOIN notices n ON n.rowid = notice_fts.notice_rowid ` +
        `WHERE ${where.join(' AND ')} ORDER BY ${order}`,
      params,
      request.terms[0] ?? '',
    );
  }

  /** Short terms only: scan at most SCAN_WINDOW of the newest published notices below the cursor. */
  private newestScan(db: Database, request: NoticeSearchRequest, short: string[]): Page<NoticeSearchHit> {
    const below = request.cursor ? decodeKeyCursor(request.cursor) : null;
    const windowParams: unknown[] = [];
    const windowWhere = this.filters(request, windowParams);
    if (below !== null) {
      windowWhere.push('notice_fts.rowid < ?');
      windowParams.push(below);
    }
    const whereSql = windowWhere.length ? `WHERE ${windowWhere.join(' AND ')}` : '';
    const floorRow = this.get<{ key: number }>(
      db,
      `SELECT notice_fts.rowid AS key FROM notice_fts ${whereSql} ORDER BY notice_fts.rowid DESC LIMIT 1 OFFSET ${SCAN_WINDOW - 1}`,
      windowParams,
    );
    const params = [...windowParams];
    const where = [...windowWhere];
    if (floorRow) {
      where.push('notice_fts.rowid >= ?');
      params.push(floorRow.key);
    }
    where.push(...shortTermClauses(short, params));
    params.push(request.limit + 1);
    const rows = this.hits(db, request, where, 'notice_fts.rowid DESC LIMIT ?', params);
    const items = rows.slice(0, request.limit);
    let nextCursor: string | null = null;
    if (rows.length > request.limit) nextCursor = encodeKeyCursor(items[items.length - 1].key);
    else if (floorRow) nextCursor = encodeKeyCursor(floorRow.key); // the window is used up; older notices remain
    return { items: items.map(toHit), nextCursor };
  }

  private filters(request: NoticeSearchRequest, params: unknown[]): string[] {
    const where: string[] = [];
    if (request.kind) {
      where.push('notice_fts.kind = ?');
      params.push(request.kind);
    }
    if (request.departmentId) {
      where.push('notice_fts.department_id = ?');
      params.push(request.departmentId);
    }
    return where;
  }

  /** Statements are prepared once per distinct SQL text (a handful: the filters vary little). */
  private prepare(db: Database, sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Rows of a result query; its projection takes the first term twice (the body window) before the query's own parameters. */
  private all(db: Database, sql: string, params: unknown[], first: string): Row[] {
    return this.prepare(db, sql).all(first, first, ...params) as Row[];
  }

  private get<R>(db: Database, sql: string, params: unknown[]): R | undefined {
    return this.prepare(db, sql).get(...params) as R | undefined;
  }
}

/** Each term as an FTS5 string (quotes doubled), all required. */
function matchExpression(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

function shortTermClauses(terms: string[], params: unknown[]): string[] {
  return terms.map((term) => {
    params.push(term);
    return `instr(${haystack('n')}, ?) > 0`;
  });
}

function toHit(row: Row): NoticeSearchHit {
  const notice = {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary ?? '',
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    publishedAt: row.publishedAt,
    period: row.period ? JSON.parse(row.period) : undefined,
    docNumber: row.docNumber ?? undefined,
    validity: row.validity ?? undefined,
    replacedById: row.replacedById ?? undefined,
    correctedAt: row.correctedAt ?? undefined,
  } as unknown as Notice;
  const guide = row.guide ? JSON.parse(row.guide) : null;
  const texts: SearchTexts = {
    title: row.title,
    summary: row.summary ?? '',
    docNumber: [row.docNumber, row.issuingBody].filter(Boolean).join(' '),
    body: row.bodyCut ? `…${row.body}` : row.body,
    guide: guide ? guideSearchText(guide) : '',
  };
  return { summary: toSummary(notice), texts };
}

function encodeKeyCursor(key: number): string {
  return Buffer.from(JSON.stringify(['k', key])).toString('base64url');
}

function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify(['o', offset])).toString('base64url');
}

function decodeCursorOf(cursor: string, tag: 'k' | 'o'): number {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== tag || !Number.isSafeInteger(value[1]) || value[1] < 0) {
    throw new InvalidCursorError();
  }
  return value[1] as number;
}

const decodeKeyCursor = (cursor: string) => decodeCursorOf(cursor, 'k');
function decodeOffsetCursor(cursor: string): number {
  const offset = decodeCursorOf(cursor, 'o');
  if (offset > MAX_RELEVANCE_OFFSET) throw new InvalidCursorError();
  return offset;
}
