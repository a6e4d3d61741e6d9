import { defineFunction } from '../_runtime/define-function';
import { inboxContract } from '../../shared/notifications/notifications-contract';
import { DuplicateIdError, type Store } from '../_runtime/store/port';
import { BULLETINS, INBOX, READ_MARKS, readMarkIdFor } from '../_notifications/records';
import { allReadAt, inboxPage, topicsOf, unreadBulletins, unreadCount } from './resident-inbox';

/**
 * The message centre: a resident's own messages and the bulletins of their subscriptions, newest
 * first (resident-inbox.ts says how the two are merged). Reading writes nothing; marking read
 * writes a personal message's `read`, or a read mark for a bulletin — only then, and only once.
 */
export const inboxFunction = defineFunction('inbox', inboxContract, {
  async list({ cursor, limit }, { store, caller }) {
    return inboxPage(store, caller.openid as string, cursor, limit);
  },

  async unreadCount(_input, { store, caller }) {
    return { count: await unreadCount(store, caller.openid as string) };
  },

  async markRead(input, { store, caller, now }) {
    const openid = caller.openid as string;
    let updated = 0;
    if (input.ids) {
      for (const id of new Set(input.ids)) if ((await markOne(store, openid, id)) || (await markBulletin(store, openid, id, now()))) updated += 1;
    } else {
      // Page through the unread ones; each page is marked before the next is read, so the loop ends.
      for (;;) {
        const page = await store.collection(INBOX).find({ where: { openid, read: false }, orderBy: [['createdAt', 'desc']], limit: 100 });
        for (const row of page.items) if (await markOne(store, openid, row.id)) updated += 1;
        if (page.items.length < 100) break;
      }
      // 「全部已读」 is one row, its time: every bulletin published up to it reads as read, and the
      // delivery report counts its holders among a bulletin's readers (bulletin-readers.ts), so
      // marking a thousand unread bulletins costs one write, not a thousand.
      const unread = await unreadBulletins(store, openid);
      await moveMarkAll(store, openid, now());
      updated += unread.length;
    }
    return { updated, unread: await unreadCount(store, openid) };
  },
});

/** Marks one personal message read if it is the caller's and unread; someone else's id is ignored like a missing one. */
async function markOne(store: Store, openid: string, id: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const row = await tx.collection(INBOX).get(id);
    if (!row || row.openid !== openid || row.read) return false;
    await tx.collection(INBOX).update(id, row.version, { read: true });
    return true;
  });
}

/** Marks a bulletin read for the caller if it is in their 消息 (a topic of theirs, published since they subscribed) and not read yet. */
async function markBulletin(store: Store, openid: string, bulletinId: string, now: Date): Promise<boolean> {
  const [rows, topics, all] = await Promise.all([
    store.collection(BULLETINS).find({ where: { bulletinId }, orderBy: [['topic', 'asc']], limit: 10 }),
    topicsOf(store, openid),
    allReadAt(store, openid),
  ]);
  const row = rows.items.find((r) => topics.has(r.topic) && r.publishedAt >= (topics.get(r.topic) as string));
  if (!row || (all !== null && row.publishedAt <= all)) return false;
  try {
    return await store.transaction(async (tx) => {
      const id = readMarkIdFor(openid, bulletinId);
      if (await tx.collection(READ_MARKS).get(id)) return false;
      await tx.collection(READ_MARKS).insert({ id, openid, bulletinId, readAt: now.toISOString() });
      return true;
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) return false; // a second tap at the same moment
    throw error;
  }
}

/** Moves the resident's 「全部已读」 mark to now (writes it the first time). */
async function moveMarkAll(store: Store, openid: string, now: Date): Promise<void> {
  const id = readMarkIdFor(openid, null);
  await store.transaction(async (tx) => {
    const marks = tx.collection(READ_MARKS);
    const current = await marks.get(id);
    if (current) await marks.update(id, current.version, { readAt: now.toISOString() });
    else await marks.insert({ id, openid, bulletinId: null, readAt: now.toISOString() });
  });
}
