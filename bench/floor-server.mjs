// The floor for the notice list: bare node:http + better-sqlite3 over the same SQLite file the local
// cloud serves, answering the same page query (published notices of one kind, newest first, the
// summary fields only, a keyset cursor) with nothing around it: no validation, no identity, no
// read cache, no framework. What the local cloud adds on top is what `bench:notices` measures.
//
// Usage: node bench/floor-server.mjs PORT DATABASE_FILE
// Load it like the local cloud: POST /api/notices {"action":"list","data":{"kind":"announcement","limit":20}}
// (a later page: "cursor": the previous answer's nextCursor).
import http from 'node:http';
import Database from 'better-sqlite3';

const port = Number(process.argv[2] ?? 18999);
const file = process.argv[3];
if (!file) throw new Error('usage: node bench/floor-server.mjs PORT DATABASE_FILE');
const db = new Database(file, { readonly: true });

// The fields a list card shows, built inside SQLite as the store's projection does, and the
// expressions the store's index on (status, kind, publishedAt) covers.
const FIELDS = ['kind', 'title', 'summary', 'departmentId', 'departmentName', 'publishedAt', 'period', 'docNumber', 'validity'];
const projection = `json_object('id', id, 'version', version, ${FIELDS.map((f) => `'${f}', json_extract(doc, '$.${f}')`).join(', ')})`;
const filter = `json_extract(doc, '$.status') = 'published' AND json_extract(doc, '$.kind') = ?`;
const order = `ORDER BY json_extract(doc, '$.publishedAt') DESC, id DESC LIMIT ?`;
const first = db.prepare(`SELECT ${projection} FROM notices WHERE ${filter} ${order}`).pluck();
const next = db.prepare(
  `SELECT ${projection} FROM notices WHERE ${filter} AND (json_extract(doc, '$.publishedAt') < ? OR (json_extract(doc, '$.publishedAt') = ? AND id < ?)) ${order}`,
).pluck();

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        const { data = {} } = JSON.parse(body || '{}');
        const limit = Math.min(Number(data.limit ?? 20), 50);
        const kind = data.kind ?? 'announcement';
        const rows = (data.cursor ? next.all(kind, data.cursor[0], data.cursor[0], data.cursor[1], limit) : first.all(kind, limit)).map((text) => JSON.parse(text));
        const last = rows[rows.length - 1];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, data: { items: rows, nextCursor: last && rows.length === limit ? [last.publishedAt, last.id] : null } }));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"ok":false,"code":"VALIDATION_FAILED","message":"请求格式错误"}');
      }
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`floor server on ${port} over ${file}`));
