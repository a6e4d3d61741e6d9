import type { InboxItem } from '../../shared/notifications/notification-types';
import { InvalidCursorError } from '../_runtime/store/cursor';
import { existingIds } from '../_runtime/store/existing-ids';
import type { Store } from '../_runtime/store/port';
import { BULLETINS, INBOX, inboxIdFor, READ_MARKS, readMarkIdFor, SUBSCRIPTIONS } from '../_notifications/records';

/**
 * A resident's 消息, read: their personal messages (inbox rows: replies, supplements, reminders)
 * merged with the bulletins of their subscriptions published since they subscribed (fan-out on
 * read: a bulletin is stored once per topic, not once per subscriber).
 *
 * Both streams are read newest first by (time, key) — an inbox row's key is its id, a bulletin's
 * its bulletin id — and merged in that order. A page's cursor is the (time, key) of its last
 * message, so the next page starts strictly after it whatever was published meanwhile, and a
 * bulletin reaching the resident through two topics (its kind and its department) is one message
 * (its rows are adjacent in that order, and the second is at or before the cursor).
 *
 * A bulletin is read when the resident's mark on it exists, or when it was published at or before
 * their 「全部已读」 mark.
 */
export interface Entry {
  at: string;
  key: string;
  item: InboxItem;
  bulletin: boolean;
}

interface Position {
  at: string;
  key: string;
}

/** Subscriptions a resident may hold are capped far below this (subscriptions-function.ts). */
const TOPICS_READ = 100;
/** Rows read per query while walking a stream; a stream stops as soon as it has what a page needs. */
const STEP = 50;
const ID_CHUNK = 300;

export function encodePosition(entry: Entry): string {
  return Buffer.from(JSON.stringify([entry.at, entry.key])).toString('base64url');
}

function decodePosition(cursor: string | null | undefined): Position | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { at: value[0], key: value[1] };
  } catch {
    /* answered below */
  }
  throw new InvalidCursorError();
}

/** Strictly after the position in newest-first order. */
const after = (at: string, key: string, pos: Position | null) => !pos || at < pos.at || (at === pos.at && key < pos.key);
const newestFirst = (a: Entry, b: Entry) => (a.at === b.at ? (a.key < b.key ? 1 : a.key > b.key ? -1 : 0) : a.at < b.at ? 1 : -1);

/** Topic → when the resident subscribed to it. */
export async function topicsOf(store: Store, openid: string): Promise<Map<string, string>> {
  const page = await store.collection(SUBSCRIPTIONS).find({ where: { openid }, orderBy: [['createdAt', 'asc']], limit: TOPICS_READ, fields: ['topic', 'createdAt'] });
  return new Map(page.items.map((s) => [s.topic, s.createdAt]));
}

/** One page of 消息, newest first. */
export async function inboxPage(store: Store, openid: string, cursor: string | null | undefined, limit: number): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const pos = decodePosition(cursor);
  const topics = await topicsOf(store, openid);
  const [personal, bulletins] = await Promise.all([personalAfter(store, openid, pos, limit + 1), bulletinsAfter(store, openid, topics, pos, limit + 1, null)]);
  const merged = [...personal, ...bulletins].sort(newestFirst);
  const page = merged.slice(0, limit);
  await markReadState(store, openid, page.filter((e) => e.bulletin));
  return { items: page.map((e) => e.item), nextCursor: merged.length > limit ? encodePosition(page[page.length - 1]) : null };
}

/** Personal messages strictly after `pos`, newest first, at most `want`. */
async function personalAfter(store: Store, openid: string, pos: Position | null, want: number): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.collection(INBOX).find({
      where: pos ? { openid, createdAt: { lte: pos.at } } : { openid },
      orderBy: [['createdAt', 'desc']],
      limit: Math.min(want, STEP),
      cursor,
    });
    for (const row of page.items) {
      if (!after(row.createdAt, row.id, pos)) continue;
      const item: InboxItem = { id: row.id, title: row.title, body: row.body, read: row.read, createdAt: row.createdAt, link: row.link };
      if (row.forStaff) item.forStaff = true;
      out.push({ at: row.createdAt, key: row.id, item, bulletin: false });
    }
    cursor = page.nextCursor;
  } while (cursor && out.length < want);
  return out.slice(0, want);
}

/**
 * Bulletins the resident's topics reached since each subscription, strictly after `pos`, newest
 * first, one entry per bulletin, at most `want` (all of them when `want` is Infinity); `unreadAfter`:
 * only those published after it.
 */
export async function bulletinsAfter(
  store: Store,
  openid: string,
  topics: Map<string, string>,
  pos: Position | null,
  want: number,
  unreadAfter: string | null,
): Promise<Entry[]> {
  if (!topics.size) return [];
  let floor = [...topics.values()].reduce((a, b) => (a < b ? a : b));
  if (unreadAfter && unreadAfter > floor) floor = unreadAfter;
  if (pos && pos.at < floor) return [];
  const out: Entry[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await store.collection(BULLETINS).find({
      where: { topic: { in: [...topics.keys()] }, publishedAt: pos ? { gte: floor, lte: pos.at } : { gte: floor } },
      orderBy: [['publishedAt', 'desc'], ['bulletinId', 'desc']],
      limit: Number.isFinite(want) ? Math.min(want, STEP) : 200,
      cursor,
    });
    const fresh = page.items.filter((row) => {
      if (row.publishedAt < (topics.get(row.topic) as string) || seen.has(row.bulletinId)) return false;
      if (unreadAfter && row.publishedAt <= unreadAfter) return false;
      if (!after(row.publishedAt, row.bulletinId, pos)) return false;
      seen.add(row.bulletinId);
      return true;
    });
    // A bulletin that was being copied into inbox rows when fan-out on read arrived: its row, if the resident has one, is the message.
    const legacy = fresh.filter((row) => row.rowsBefore);
    const hasRow = await existingIds(store, INBOX, legacy.map((row) => inboxIdFor(row.bulletinId, openid)));
    for (const row of fresh) {
      if (row.rowsBefore && hasRow.has(inboxIdFor(row.bulletinId, openid))) continue;
      const item: InboxItem = { id: row.bulletinId, title: row.title, body: row.body, read: false, createdAt: row.publishedAt, link: row.link };
      out.push({ at: row.publishedAt, key: row.bulletinId, item, bulletin: true });
    }
    cursor = page.nextCursor;
  } while (cursor && out.length < want);
  return Number.isFinite(want) ? out.slice(0, want) : out;
}

/** The resident's 「全部已读」 time, or null. */
export async function allReadAt(store: Store, openid: string): Promise<string | null> {
  return (await store.collection(READ_MARKS).get(readMarkIdFor(openid, null)))?.readAt ?? null;
}

/** Which of these bulletins the resident has marked read, one query per few hundred. */
export async function markedRead(store: Store, openid: string, bulletinIds: string[]): Promise<Set<string>> {
  const marked = new Set<string>();
  for (let i = 0; i < bulletinIds.length; i += ID_CHUNK) {
    const chunk = bulletinIds.slice(i, i + ID_CHUNK);
    const found = await existingIds(store, READ_MARKS, chunk.map((id) => readMarkIdFor(openid, id)));
    for (const id of chunk) if (found.has(readMarkIdFor(openid, id))) marked.add(id);
  }
  return marked;
}

async function markReadState(store: Store, openid: string, entries: Entry[]): Promise<void> {
  if (!entries.length) return;
  const [all, marked] = await Promise.all([allReadAt(store, openid), markedRead(store, openid, entries.map((e) => e.key))]);
  for (const e of entries) e.item.read = (all !== null && e.at <= all) || marked.has(e.key);
}

/** The bulletins the resident has not read yet (ids). */
export async function unreadBulletins(store: Store, openid: string, topics?: Map<string, string>): Promise<string[]> {
  const all = await allReadAt(store, openid);
  const visible = await bulletinsAfter(store, openid, topics ?? (await topicsOf(store, openid)), null, Infinity, all);
  const ids = visible.map((e) => e.key);
  const marked = await markedRead(store, openid, ids);
  return ids.filter((id) => !marked.has(id));
}

/** 未读: personal rows not read, and bulletins not read. */
export async function unreadCount(store: Store, openid: string): Promise<number> {
  const [personal, bulletins] = await Promise.all([store.collection(INBOX).count({ openid, read: false }), unreadBulletins(store, openid)]);
  return personal + bulletins.length;
}
