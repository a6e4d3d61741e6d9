import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import { find, update } from 'mingo';
import type tcb from '@cloudbase/node-sdk';
import type { CloudbaseDb } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import { bundledCloudbaseSdk, type CloudbaseSdk } from './bundled-cloudbase-sdk';

/**
 * A local stand-in of CloudBase's database API, so the real `@cloudbase/node-sdk` can run here as the
 * functions carry it (bundled-cloudbase-sdk.ts: the file `npm run build:functions` puts beside each
 * function, loaded by `start()`). The SDK is pointed at it with `serviceUrl` and sends exactly what it
 * sends to CloudBase (`POST /admin` with an
 * `action` such as `database.getDocument` and EJSON-encoded queries, sorts, projections and updates).
 * What the SDK serialises is then evaluated with mingo, a MongoDB query-language library, as CloudBase's
 * database (MongoDB underneath) evaluates it. Only 127.0.0.1 is listened on.
 *
 * Where it differs from the real service (what a test over it cannot catch):
 * - no signature or credential check, no permissions, no rate or size limits;
 * - no indexes: every query scans, so a query the real database would refuse for lack of an index, or
 *   answer slowly, passes here;
 * - transactions are optimistic and checked at commit: a transaction fails with
 *   DATABASE_TRANSACTION_CONFLICT if any document it read or wrote was changed by someone else since it
 *   first touched it. The real database detects write conflicts at the write, from a snapshot taken at
 *   the start, and limits a transaction's length and duration; none of that is modelled;
 * - sorting and comparing values of mixed types follow mingo's rules, which follow MongoDB's.
 */
type Doc = Record<string, unknown> & { _id: string };

interface TxState {
  /** Documents the transaction has touched → the revision they had when it first did. */
  seen: Map<string, number>;
  /** Its own writes, applied at commit: the new document, or null for a removal. */
  writes: Map<string, Doc | null>;
}

interface Answer {
  requestId: string;
  data?: Record<string, unknown>;
  transactionId?: string;
  code?: string;
  message?: string;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;
const parse = <T>(text: unknown): T => (typeof text === 'string' ? (EJSON.parse(text, { relaxed: true }) as T) : (text as T));
const stringify = (doc: Doc) => EJSON.stringify(doc, { relaxed: true });
const failure = (code: string, message: string): Answer => ({ requestId: 'standin', code, message });
/** A modifier (`$set`, `$unset`, …) rather than a whole new document. */
const isModifier = (data: Record<string, unknown>) => Object.keys(data).some((k) => k.startsWith('$'));

export class CloudbaseDbStandin {
  readonly collections = new Map<string, Map<string, Doc>>();
  /**
   * Cloud storage, as far as the functions use it: the fileIDs stored, and the temporary addresses it
   * handed out (`storage.batchGetDownloadUrl`, what `getTempFileURL` sends) with the `max_age` asked.
   * Files are put here by the test, as the phone's upload would; `storage.batchDeleteFile` removes them.
   */
  readonly storedFiles = new Set<string>();
  readonly fileLinks: Array<{ fileID: string; maxAge: number }> = [];
  /** Every action the SDK sent, in order (e.g. to see that a transaction ran no query). */
  readonly actions: string[] = [];
  private readonly revisions = new Map<string, number>();
  private readonly transactions = new Map<string, TxState>();
  private nextTransaction = 1;
  private server: Server | null = null;

  /** Listens on 127.0.0.1 and answers the SDK's `serviceUrl`; loads the SDK `sdkAppAt` hands out. */
  async start(): Promise<string> {
    sdk = (await bundledCloudbaseSdk()).sdk;
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        let answer: Answer;
        try {
          answer = this.answer(JSON.parse(body) as Record<string, unknown>);
        } catch (error) {
          answer = failure('DATABASE_REQUEST_FAILED', String(error));
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/admin`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  answer(body: Record<string, unknown>): Answer {
    const action = String(body.action);
    this.actions.push(action);
    const name = body.collectionName as string;
    const tx = body.transactionId ? this.transactions.get(String(body.transactionId)) : undefined;
    if (body.transactionId && !tx) return failure('DATABASE_TRANSACTION_FAIL', 'transaction not found or already finished');
    switch (action) {
      case 'database.addCollection':
        if (this.collections.has(name)) return failure('DATABASE_COLLECTION_ALREADY_EXIST', 'collection already exists');
        this.collections.set(name, new Map());
        return { requestId: 'standin', data: {} };
      case 'database.startTransaction': {
        const id = `tx-${this.nextTransaction++}`;
        this.transactions.set(id, { seen: new Map(), writes: new Map() });
        return { requestId: 'standin', transactionId: id, data: {} };
      }
      case 'database.commitTransaction':
        return this.commit(String(body.transactionId), tx as TxState);
      case 'database.abortTransaction':
        this.transactions.delete(String(body.transactionId));
        return { requestId: 'standin', data: {} };
      case 'storage.batchGetDownloadUrl': {
        const files = body.file_list as Array<{ fileid: string; max_age?: number }>;
        const download_list = files.map(({ fileid, max_age }) => {
          if (!this.storedFiles.has(fileid)) return { code: 'STORAGE_FILE_NONEXIST', fileID: fileid, tempFileURL: '' };
          this.fileLinks.push({ fileID: fileid, maxAge: max_age ?? 86_400 });
          const path = fileid.replace(/^cloud:\/\/[^/]+\//, '');
          return { code: 'SUCCESS', fileID: fileid, tempFileURL: `https://standin.tcb.qcloud.la/${path}?sign=standin&t=${max_age ?? 86_400}` };
        });
        return { requestId: 'standin', data: { download_list } };
      }
      case 'storage.batchDeleteFile': {
        const delete_list = (body.fileid_list as string[]).map((fileid) => ({ code: this.storedFiles.delete(fileid) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST', fileID: fileid }));
        return { requestId: 'standin', data: { delete_list } };
      }
    }
    if (!this.collections.has(name)) return failure('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} not exists`);
    const query = parse<Record<string, unknown>>(body.query ?? '{}');
    if (tx && body.queryType !== 'DOC' && action !== 'database.insertDocument') return failure('DATABASE_TRANSACTION_FAIL', 'only documents by id may be addressed in a transaction');
    switch (action) {
      case 'database.getDocument': {
        const order = parse<Record<string, 1 | -1>>(body.order ?? '{}');
        const projection = body.projection ? parse<Record<string, 1>>(body.projection) : undefined;
        let cursor = find(this.visible(name, tx), query, projection as never);
        if (Object.keys(order).length) cursor = cursor.sort(order);
        if (typeof body.offset === 'number') cursor = cursor.skip(body.offset);
        cursor = cursor.limit(typeof body.limit === 'number' ? body.limit : 100);
        const list = cursor.all() as Doc[];
        if (tx) for (const doc of list) this.touch(tx, name, doc._id);
        return { requestId: 'standin', data: { list: list.map(stringify) } };
      }
      case 'database.calculateDocument':
        return { requestId: 'standin', data: { total: find(this.visible(name, tx), query).all().length } };
      case 'database.insertDocument': {
        const docs = (body.data as string[]).map((d) => parse<Doc>(d));
        for (const doc of docs) {
          if (this.visible(name, tx).some((d) => d._id === doc._id)) return failure('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${doc._id}" }`);
          this.write(tx, name, doc._id, doc);
        }
        return { requestId: 'standin', data: { insertedIds: docs.map((d) => d._id) } };
      }
      case 'database.modifyDocument': {
        const data = parse<Record<string, unknown>>(body.data);
        const matched = find(this.visible(name, tx), query).all() as Doc[];
        const targets = body.multi === false ? matched.slice(0, 1) : matched;
        for (const doc of targets) {
          const next = structuredClone(doc);
          if (isModifier(data)) update(next, data as never);
          else for (const k of Object.keys(next)) if (k !== '_id') delete next[k];
          if (!isModifier(data)) Object.assign(next, data, { _id: doc._id });
          this.write(tx, name, doc._id, next);
        }
        return { requestId: 'standin', data: { updated: targets.length } };
      }
      case 'database.removeDocument': {
        const matched = find(this.visible(name, tx), query).all() as Doc[];
        const targets = body.multi === false ? matched.slice(0, 1) : matched;
        for (const doc of targets) this.write(tx, name, doc._id, null);
        return { requestId: 'standin', data: { deleted: targets.length } };
      }
      default:
        return failure('DATABASE_REQUEST_FAILED', `the stand-in does not answer ${action}`);
    }
  }

  /** The collection as this caller sees it: committed documents, overlaid with its transaction's own writes. */
  private visible(name: string, tx?: TxState): Doc[] {
    const committed = this.collections.get(name) ?? new Map<string, Doc>();
    if (!tx) return [...committed.values()].map((d) => structuredClone(d));
    const out = new Map([...committed].map(([id, d]) => [id, structuredClone(d)]));
    for (const [k, doc] of tx.writes) {
      const [collection, id] = k.split('\u0000');
      if (collection !== name) continue;
      if (doc) out.set(id, structuredClone(doc));
      else out.delete(id);
    }
    return [...out.values()];
  }

  private touch(tx: TxState, name: string, id: string): void {
    const k = key(name, id);
    if (!tx.seen.has(k)) tx.seen.set(k, this.revisions.get(k) ?? 0);
  }

  private write(tx: TxState | undefined, name: string, id: string, doc: Doc | null): void {
    if (tx) {
      this.touch(tx, name, id);
      tx.writes.set(key(name, id), doc);
      return;
    }
    this.apply(name, id, doc);
  }

  private apply(name: string, id: string, doc: Doc | null): void {
    const collection = this.collections.get(name) as Map<string, Doc>;
    if (doc) collection.set(id, structuredClone(doc));
    else collection.delete(id);
    const k = key(name, id);
    this.revisions.set(k, (this.revisions.get(k) ?? 0) + 1);
  }

  private commit(id: string, tx: TxState): Answer {
    this.transactions.delete(id);
    for (const [k, revision] of tx.seen) {
      if ((this.revisions.get(k) ?? 0) !== revision) return failure('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
    }
    const writes = [...tx.writes].map(([k, doc]) => [...k.split('\u0000'), doc] as [string, string, Doc | null]);
    const gone = writes.find(([collection]) => !this.collections.has(collection));
    if (gone) return failure('DATABASE_COLLECTION_NOT_EXIST', `collection ${gone[0]} not exists`);
    for (const [collection, docId, doc] of writes) this.apply(collection, docId, doc);
    return { requestId: 'standin', data: {} };
  }
}

/**
 * The real SDK's database, talking to a stand-in at `serviceUrl`. The SDK asks Tencent Cloud's metadata
 * service whether it runs there unless told; it is told, so nothing leaves 127.0.0.1.
 */
export function sdkDatabaseAt(serviceUrl: string): CloudbaseDb {
  return sdkAppAt(serviceUrl).database() as unknown as CloudbaseDb;
}

let sdk: CloudbaseSdk | null = null;

/** The real SDK's app (database and storage calls), as the functions carry it, talking to a stand-in at `serviceUrl`. */
export function sdkAppAt(serviceUrl: string, more: Partial<Parameters<typeof tcb.init>[0]> = {}): ReturnType<typeof tcb.init> {
  if (!sdk) throw new Error('start a CloudbaseDbStandin first: it loads the SDK as the functions carry it');
  process.env.TENCENTCLOUD = 'true';
  return sdk.init({ env: 'standin-env', secretId: 'standin', secretKey: 'standin', serviceUrl, ...more });
}
