import type { Database } from 'better-sqlite3';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { isVisibleToResidents } from '../shared/notices/notice-lifecycle';
import { requestInScope, requestScopeOf } from '../shared/requests/department-scope';
import { decideAccess, isStaff, staff, type Caller } from '../shared/staff/roles';
import { staffMaySee as caseVisibleToStaff, type CaseViewer } from '../shared/inquiries/case-access';

/**
 * Who may fetch an uploaded file in the local cloud, decided on every request (withdrawn means
 * withdrawn: a notice taken down takes its attachments with it at once, not after a day's cache):
 * - `public`: a published notice carries it; anyone may read it, and caches must ask again each time;
 * - `private`: a staff member (for a request's or an inquiry's file, one who may handle that record:
 *   see staffMaySee), or the owner of a request or inquiry that carries it (a reply's letter, a
 *   supplement, a photo sent with a question), or the resident who uploaded a file not attached to
 *   anything yet, and nobody else; never stored by any cache;
 * - `refused`: anyone else — a withdrawn or draft notice's file, someone else's request's or
 *   inquiry's, a file attached to nothing. The answer is the same as for an unknown id, so nothing
 *   says it exists.
 *
 * Which records carry which file is kept by SQLite triggers on `notices`, `requests` and `inquiries`
 * in a side table (`file_uses`), written in the same transaction as the record, so the change roads
 * need not know about it and the check never scans documents. A URL `/files/<id>` anywhere in a
 * record's document counts (attachments of a notice, a reply, a supplement, a paper request, a
 * question or follow-up). Files exist only in the local cloud; CloudBase keeps attachments in cloud storage.
 */
export type FileAccess = 'public' | 'private' | 'refused';

/**
 * Which staff may read a file, asked of the records that carry it, each as its own function answers
 * staff: a request's, the handlers of its department and the admins (shared/requests/department-scope.ts);
 * an inquiry's, the answerers who see the case and the admins — a complaint's, only the one answerer
 * it is assigned to and the admins (shared/inquiries/case-access.ts). A file some other record carries
 * (a notice's) or none (not attached yet) is for any staff member.
 */
async function staffMaySee(store: Store, caller: Caller, uses: ReadonlyArray<{ collection: string; recordId: string }>): Promise<boolean> {
  if (uses.length === 0 || uses.some((u) => u.collection === 'notices')) return true;
  for (const use of uses) {
    if (use.collection === 'requests' && decideAccess(staff('handler'), caller) === 'allow') {
      const request = await store.collection('requests').get(use.recordId);
      if (request && requestInScope(requestScopeOf(caller), request)) return true;
    }
    if (use.collection === 'inquiries' && decideAccess(staff('answerer'), caller) === 'allow') {
      const inquiry = await store.collection('inquiries').get(use.recordId);
      if (inquiry && caseVisibleToStaff(inquiry, caseViewerOf(caller))) return true;
    }
  }
  return false;
}

/** The answerer as case-access.ts sees them: every role the caller holds, not only the answerer's. */
function caseViewerOf(caller: Caller): CaseViewer {
  return { openid: caller.openid as string, isAdmin: caller.staff?.roles.includes('admin') ?? false, departmentIds: caller.staff?.departmentIds ?? [] };
}

/** The records whose owner (`ownerOpenid`) may read the files they carry: a request's applicant, an inquiry's asker. */
const OWNED = ['requests', 'inquiries'] as const;

const TRACKED = ['notices', 'requests', 'inquiries'] as const;
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

  /** Creates the side table and its triggers once, and fills it from the records already stored (data from before a collection's trigger existed). */
  static async install(store: SqliteStore): Promise<AttachmentAccess> {
    await store.withConnection((db: Database) => {
      // A collection tracked since a later version (inquiries) is filled on the first start that has its trigger.
      const untracked = TRACKED.filter((c) => !db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(`${c}_file_uses_insert`));
      db.transaction(() => {
        for (const statement of schema()) db.exec(statement);
        for (const c of untracked) {
          db.exec(`INSERT OR IGNORE INTO file_uses SELECT substr(j.value, 8), '${c}', r.id FROM "${c}" r, json_tree(r.doc) j
                   WHERE instr(r.doc, '/files/') > 0 AND j.type = 'text' AND j.value GLOB '/files/*' AND length(j.value) = ${7 + ID_LENGTH}`);
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
      const owned = OWNED.find((c) => c === use.collection);
      if (!owned) continue;
      const record = await store.collection(owned).get(use.recordId);
      if (record?.ownerOpenid === caller.openid) return 'private';
    }
    // A resident's own upload not attached to anything yet (a photo picked for a question not sent yet).
    if (uses.length === 0 && (await store.collection('files').get(fileId))?.uploadedBy === caller.openid) return 'private';
    return 'refused';
  }
}
