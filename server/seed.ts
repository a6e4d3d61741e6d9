import { newNotice, noticeEvent, publishNotice, withdrawNotice } from '../shared/notices/notice-lifecycle';
import type { Notice } from '../shared/notices/notice-schema';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import { DEMO_DEPARTMENTS, DEMO_STAFF, demoNotices } from './demo-data';
import { seedNoticeExtras } from './demo-notice-extras';
import { seedDemoRequests } from './seed-requests';
import { seedDemoRatings } from './seed-ratings';

const SEED_MARKER = 'demo-seed';

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
    const author = 'demo-editor';
    for (const demo of demoNotices(now)) {
      const createdAt = new Date(now.getTime() - ((demo.publishedDaysAgo ?? 0) + 1) * 86_400_000);
      const draft = newNotice(demo.content, departmentNames.get(demo.content.departmentId) ?? '', author, createdAt);
      let notice = (await tx.collection('notices').insert(draft as Notice)) as Notice;
      await tx.collection('events').insert(noticeEvent(notice.id, 'created', author, createdAt));
      if (demo.publishedDaysAgo !== null) {
        const at = new Date(now.getTime() - demo.publishedDaysAgo * 86_400_000);
        notice = await tx.collection('notices').update(notice.id, notice.version, publishNotice(notice, author, at));
        await tx.collection('events').insert(noticeEvent(notice.id, 'published', author, at));
        if (demo.withdrawn) {
          notice = await tx
            .collection('notices')
            .update(notice.id, notice.version, withdrawNotice(notice, demo.withdrawn, author, now));
          await tx.collection('events').insert(noticeEvent(notice.id, 'withdrawn', author, now, demo.withdrawn));
        }
      }
    }

    // requests, calendar (issue 6): e.g. await seedDemoRequests(tx, now);
    await seedDemoRequests(tx, now);

    // subscriptions (issue 7)

    // guides, comments (issue 8)
    await seedNoticeExtras(tx, now);

    // windows, ratings (issue 9)
    await seedDemoRatings(tx, now);

    await tx.collection('meta').insert({ id: SEED_MARKER, at: now.toISOString() });
  });
  return true;
}
