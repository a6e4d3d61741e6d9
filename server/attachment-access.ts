import type { Database } from 'better-sqlite3';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { decideFileAccess, type FileAccess, type FileUse } from '../cloudfunctions/_runtime/file-access';
import type { Caller } from '../shared/staff/roles';

/**
 * Who may fetch an uploaded file in the local cloud, decided on every request by the rules both
 * platforms share (cloudfunctions/_runtime/file-access.ts) over every record that carries the file.
 * Public answers must be revalidated by caches each time; private ones are never stored by any cache.
 *
 * Which records carry which file is kept by SQLite triggers on `notices`, `requests` and `inquiries`
 * in a side table (`file_uses`), written in the same transaction as the record, so the change roads
 * need not know about it and the check never scans documents. A URL `/files/<id>` anywhere in a
 * record's document counts (attachments of a notice, a reply, a supplement, a paper request, a
 * question or follow-up). On CloudBase the files function decides for the record the app names.
 */
export type { FileAccess };

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
      (db: Database) => db.prepare(`SELECT collection, record_id AS recordId FROM file_uses WHERE file_id = ?`).all(fileId) as FileUse[],
    );
    return decideFileAccess(this.store as unknown as Store, caller, fileId, uses);
  }
}
