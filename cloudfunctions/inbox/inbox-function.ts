import type { InboxItem } from '../../shared/notifications/notification-types';
import { defineFunction } from '../_runtime/define-function';
import { inboxContract } from '../../shared/notifications/notifications-contract';
import type { Store, Stored } from '../_runtime/store/port';
import { INBOX, type InboxRecord } from '../_notifications/records';

/** The message centre: a resident's own messages only, newest first. */
export const inboxFunction = defineFunction('inbox', inboxContract, {
  async list({ cursor, limit }, { store, caller }) {
    const page = await rows(store).find({ where: { openid: caller.openid as string }, orderBy: [['createdAt', 'desc']], limit, cursor });
    return { items: page.items.map(toItem), nextCursor: page.nextCursor };
  },

  async unreadCount(_input, { store, caller }) {
    return { count: await rows(store).count({ openid: caller.openid as string, read: false }) };
  },

  async markRead(input, { store, caller }) {
    const openid = caller.openid as string;
    let updated = 0;
    if (input.ids) {
      for (const id of new Set(input.ids)) if (await markOne(store, openid, id)) updated += 1;
    } else {
      // Page through the unread ones; each page is marked before the next is read, so the loop ends.
      for (;;) {
        const page = await rows(store).find({ where: { openid, read: false }, orderBy: [['createdAt', 'desc']], limit: 100 });
        for (const row of page.items) if (await markOne(store, openid, row.id)) updated += 1;
        if (page.items.length < 100) break;
      }
    }
    return { updated, unread: await rows(store).count({ openid, read: false }) };
  },
});

/** Marks one message read if it is the caller's and unread; someone else's id is ignored like a missing one. */
async function markOne(store: Store, openid: string, id: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const row = await tx.collection(INBOX).get(id);
    if (!row || row.openid !== openid || row.read) return false;
    await tx.collection(INBOX).update(id, row.version, { read: true });
    return true;
  });
}

function rows(store: Store) {
  return store.collection(INBOX);
}

function toItem(row: Stored<InboxRecord>): InboxItem {
  const item: InboxItem = { id: row.id, title: row.title, body: row.body, read: row.read, createdAt: row.createdAt, link: row.link };
  if (row.forStaff) item.forStaff = true;
  return item;
}
