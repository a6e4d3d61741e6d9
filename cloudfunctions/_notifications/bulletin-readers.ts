import { existingIds } from '../_runtime/store/existing-ids';
import type { Store, Stored } from '../_runtime/store/port';
import { subscribedBefore } from './bulletin-audience';
import { BULLETINS, INBOX, inboxIdFor, READ_MARKS, readMarkIdFor, type OutboxRecord } from './records';

/**
 * The `in` lists below stay within the few hundred ids one query may name (bulletin-audience.ts
 * asks for subscriptions in lists of the same size).
 */
const PAGE = 300;

/**
 * How many of a bulletin's audience have read it. A resident reads a bulletin in one of three ways,
 * each counted once:
 * - their own mark on it (they opened it, or marked it read);
 * - their 「全部已读」 made at or after its publication: that is ONE row, its time, however many
 *   bulletins it covers (inbox-function.ts), so those readers are found by walking the 「全部已读」
 *   marks made since the publication (index bulletinId, readAt) and keeping the residents who were
 *   of its audience (subscribed to one of its topics before it, and still) and are not counted by
 *   a mark of their own or by the row below. The walk grows with the residents who pressed
 *   全部已读 since the bulletin, never with its audience;
 * - their inbox row of it, for a bulletin caught half-way through the old per-resident fan-out:
 *   that row is their message, and the caller counts it with the other inbox rows.
 */
export async function bulletinReaders(store: Store, job: Stored<OutboxRecord>): Promise<number> {
  const topics = job.audience.type === 'topics' ? job.audience.topics : [];
  const [marked, throughMarkAll] = await Promise.all([store.collection(READ_MARKS).count({ bulletinId: job.id }), readThroughMarkAll(store, job.id, topics, job.createdAt)]);
  return marked + throughMarkAll;
}

async function readThroughMarkAll(store: Store, bulletinId: string, topics: string[], publishedAt: string): Promise<number> {
  let readers = 0;
  let cursor: string | null = null;
  do {
    const page = await store.collection(READ_MARKS).find({
      where: { bulletinId: null, readAt: { gte: publishedAt } },
      orderBy: [['readAt', 'asc']],
      limit: PAGE,
      cursor,
      fields: ['openid'],
    });
    const openids = page.items.map((m) => m.openid);
    const [subscribed, marked, rows] = await Promise.all([
      subscribedBefore(store, openids, topics, publishedAt),
      existingIds(store, READ_MARKS, openids.map((o) => readMarkIdFor(o, bulletinId))),
      existingIds(store, INBOX, openids.map((o) => inboxIdFor(bulletinId, o))),
    ]);
    readers += openids.filter((o) => subscribed.has(o) && !marked.has(readMarkIdFor(o, bulletinId)) && !rows.has(inboxIdFor(bulletinId, o))).length;
    cursor = page.nextCursor;
  } while (cursor);
  return readers;
}

/**
 * Of a bulletin caught half-way through the old per-resident fan-out (its rows say `rowsBefore`),
 * the residents who hold its inbox row AND are of its audience: their 消息 shows the row only
 * (resident-inbox.ts), so the report, which counts inbox rows and the audience, must count them
 * once. Zero, after one read, for every other bulletin.
 */
export async function rowHoldersInAudience(store: Store, job: Stored<OutboxRecord>): Promise<number> {
  const topics = job.audience.type === 'topics' ? job.audience.topics : [];
  const first = await store.collection(BULLETINS).find({ where: { bulletinId: job.id }, orderBy: [['topic', 'asc']], limit: 1 });
  if (!first.items[0]?.rowsBefore) return 0;
  let both = 0;
  let cursor: string | null = null;
  do {
    // The rows of the subject (its index): staff reminders and other bulletins of it are passed over.
    const page = await store.collection(INBOX).find({ where: { subjectId: job.subjectId }, orderBy: [['id', 'asc']], limit: PAGE, cursor, fields: ['openid', 'notificationId', 'forStaff'] });
    const openids = page.items.filter((r) => r.notificationId === job.id && !r.forStaff).map((r) => r.openid);
    const subscribed = await subscribedBefore(store, openids, topics, job.createdAt);
    both += openids.filter((o) => subscribed.has(o)).length;
    cursor = page.nextCursor;
  } while (cursor);
  return both;
}
