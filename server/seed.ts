import { publishNotice, withdrawNotice } from '../shared/notices/notice-lifecycle';
import type { Notice } from '../shared/notices/notice-schema';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { changeNoticeIn, createNotice } from '../cloudfunctions/notices/change-notice';
import { DEMO_DEPARTMENTS, DEMO_EDITOR, DEMO_STAFF, demoNotices } from './demo-data';
import { seedNoticeExtras } from './demo-notice-extras';
import { seedDemoRequests } from './seed-requests';
import { seedDemoRatings } from './seed-ratings';

const SEED_MARKER = 'demo-seed';

const byEditor = (notice: Notice, at: Date) => ({ actor: DEMO_EDITOR, at, id: notice.id, version: notice.version });

/**
 * Fills an empty local cloud with demo content, once: a marker record means a
 * person's own edits are never overwritten by a restart. All in one
 * transaction, so a crash half-way leaves an empty store that seeds again.
 */
export async function seedDemoData(store: Store, now: Date): Promise<boolean> {
  if (await store.collection('meta').get(SEED_MARKER)) return false;
  const departmentNames = new Map(DEMO_DEPARTMENTS.map((d) => [d.id, d.name]));
  await store.transaction(async (tx) => {
    for (const department of DEMO_DEPARTMENTS) await tx.collection('departments').insert(department);
    for (const member of DEMO_STAFF) await tx.collection('staff').insert(member);
    // The demo editor writes, publishes and withdraws the way the product does (change-notice.ts), so
    // every demo notice has its events and its whole history from creation. Publications from before
    // the seed are history: they are not announced to subscribers who arrive later.
    for (const demo of demoNotices(now)) {
      const createdAt = new Date(now.getTime() - ((demo.publishedDaysAgo ?? 0) + 1) * 86_400_000);
      let notice = await createNotice(tx, demo.content, departmentNames.get(demo.content.departmentId) ?? '', DEMO_EDITOR, createdAt, demo.id);
      if (demo.publishedDaysAgo !== null) {
        const at = new Date(now.getTime() - demo.publishedDaysAgo * 86_400_000);
        notice = await changeNoticeIn(tx, { ...byEditor(notice, at), action: 'published', change: publishNotice, announce: false });
        const reason = demo.withdrawn;
        if (reason) {
          const withdraw = (current: Notice, actor: string, at: Date) => withdrawNotice(current, reason, actor, at);
          await changeNoticeIn(tx, { ...byEditor(notice, now), action: 'withdrawn', change: withdraw, describe: () => ({ detail: reason }) });
        }
      }
    }

    // Requests in every state, guides and a closed consultation with its opinions, windows with their ratings.
    await seedDemoRequests(tx, now);
    await seedNoticeExtras(tx, now);
    await seedDemoRatings(tx, now);

    await tx.collection('meta').insert({ id: SEED_MARKER, at: now.toISOString() });
  });
  return true;
}
