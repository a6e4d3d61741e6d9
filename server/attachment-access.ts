import type { Database } from 'better-sqlite3';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { isVisibleToResidents } from '../shared/notices/notice-lifecycle';
import { requestInScope, requestScopeOf } from '../shared/requests/department-scope';
import { decideAccess, isStaff, staff, type Caller } from '../shared/staff/roles';

/**
 * Who may fetch an uploaded file in the local cloud, decided on every request (withdrawn means
 * withdrawn: a notice taken down takes its attachments with it at once, not after a day's cache):
 * - `public`: a published notice carries it; anyone may read it, and caches must ask again each time;
 * - `private`: a staff member (for a request's file, one who may handle that request: its
 *   department's handlers and the admins), or the applicant of a request that carries it (a reply's
 *   letter, a supplement), and nobody else; never stored by any cache;
 * - `refused`: anyone else — a withdrawn or draft notice's file, someone else's request's, a file
 *   attached to nothing. The answer is the same as for an unknown id, so nothing says it exists.
 *
 * Which records carry which file is kept by SQLite triggers on `notices` and `requests` in a side
 * table (`file_uses`), written in the same transaction as the record, so the change roads of notices
 * and requests need not know about it and the check never scans documents. A URL `/files/<id>`
 * anywhere in a record's document counts (attachments of a notice, a reply, a supplement, a paper
 * request). Files exist only in the local cloud; CloudBase keeps attachments in cloud storage.
 */
export type FileAccess = 'public' | 'private' | 'refused';

/**
 * A file only requests carry is for the staff who may handle one of them: handlers of its department
 * and admins (shared/requests/department-scope.ts), as the requests function answers them. Any other
 * file (a notice's, one not attached yet) is for any staff member.
 */
async function staffMaySee(store: Store, caller: Caller, uses: ReadonlyArray<{ collection: string; recordId: string }>): Promise<boolean> {
  const requestUses = uses.filter((u) => u.collection === 'requests');
  if (requestUses.length === 0 || requestUses.length < uses.length) return true;
  if (decideAccess(staff('handler'), caller) !== 'allow') return false;
  const scope = requestScopeOf(caller);
  for (const use of requestUses) {
    const request = await store.collection('requests').get(use.recordId);
    if (request && requestInScope(scope, request)) return true;
  }
  return false;
}

const TRACKED = ['notices', 'requests'] as const;
const ID_LENGTH = 22;

/** The file ids one record's document names: string values that are exactly `/files/<id>`. */
const usesOf = (collection: string, row: 'new' | 'old') =>
  `SELECT substr(value, 8), '${collection}', ${row}.id FROM json_tree(${row}.doc)
   WHERE type = 'text' AND value GLOB '/files/*' AND length(value) = ${7 + ID_LENGTH}`;

function schema(): string[] {
  const statements = [
    `CREATE TABLE IF NOT EXISTS file_uses (file_id TEXT NOT NULL, collection TEXT NOT NULL, record_id TEXT NOT NULL,
       PRIMARY KEY (file_id, collection, record_id)) WITHOUT ROWID`,
    `CREATE INDEX IF NOT EXISTS file_uses_record ON file_uses (collection, record_id)`,
  ];
  for (const c of TRACKED) {
    // instr() first: almost no record names a file, and it is far cheaper than walking the JSON.
    statements.push(
      `CREATE TRIGGER IF NOT EXISTS ${c}_file_uses_insert AFTER INSERT ON "${c}" WHEN instr(new.doc, '/files/') > 0 BEGIN
         INSERT OR IGNORE INTO file_uses ${usesOf(c, 'new')};
       END`,
      `CREATE TRIGGER IF NOT EXISTS ${c}_file_uses_update AFTER UPDATE ON "${c}"
       WHEN instr(old.doc, '/files/') > 0 OR instr(new.doc, '/files/') > 0 BEGIN
         DELETE FROM file_uses WHERE collection = '${c}' AND record_id = old.id;
         INSERT OR IGNORE INTO file_uses ${usesOf(c, 'new')};
       END`,
    );
  }
  return statements;
}

export class AttachmentAccess {
  private constructor(private readonly store: SqliteStore) {}

  /** Creates the side table and its triggers once, and fills it from the records already stored (data from before it existed). */
  static async install(store: SqliteStore): Promise<AttachmentAccess> {
    await store.withConnection((db: Database) => {
      const existed = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'file_uses'`).get();
      db.transaction(() => {
        for (const statement of schema()) db.exec(statement);
        if (!existed) {
          for (const c of TRACKED) {
            db.exec(`INSERT OR IGNORE INTO file_uses SELECT substr(j.value, 8), '${c}', r.id FROM "${c}" r, json_tree(r.doc) j
                     WHERE instr(r.doc, '/files/') > 0 AND j.type = 'text' AND j.value GLOB '/files/*' AND length(j.value) = ${7 + ID_LENGTH}`);
          }
        }
      })();
    });
    return new AttachmentAccess(store);
  }

  async decide(fileId: string, caller: Caller): Promise<FileAccess> {
    const uses = await this.store.withConnection(
      (db: Database) => db.prepare(`SELECT collection, record_id AS recordId FROM file_uses WHERE file_id = ?`).all(fileId) as Array<{ collection: string; recordId: string }>,
    );
    const store = this.store as unknown as Store;
    for (const use of uses) {
      if (use.collection !== 'notices') continue;
      const notice = await store.collection('notices').get(use.recordId);
      if (notice && isVisibleToResidents(notice)) return 'public';
    }
    if (isStaff(caller) && (await staffMaySee(store, caller, uses))) return 'private';
    if (!caller.openid) return 'refused';
    for (const use of uses) {
      if (use.collection !== 'requests') continue;
      const request = await store.collection('requests').get(use.recordId);
      if (request?.ownerOpenid === caller.openid) return 'private';
    }
    return 'refused';
  }
}
