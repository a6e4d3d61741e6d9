import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { isVisibleToResidents } from '../../shared/notices/notice-lifecycle';
import { viewPeriodOf, viewRecordId, type NoticeView, type ViewAnswer } from '../../shared/notices/notice-views';
import type { noticeViewsContract } from '../../shared/notices/notice-views-contract';
import type { Handlers } from '../_runtime/define-function';
import { DuplicateIdError, VersionConflictError, type Store } from '../_runtime/store/port';

export const NOTICE_VIEWS = 'noticeViews';
export const NOTICE_VIEW_COUNTS = 'noticeViewCounts';
/** Concurrent first views of one notice (CloudBase) collide on the counter; each retry reads it afresh. */
const ATTEMPTS = 3;

/**
 * 阅读 counts. A repeat view — the refresh loop — costs two reads by id and
 * no write: the day's view record already exists. Only a viewer's first view
 * of the day writes, in one transaction: the view record (its id makes a
 * second one a duplicate) and the notice's counter, kept in its own small
 * document so that neither the notice's version (editors' conflict check) nor
 * its search index is touched by reading.
 */
export const noticeViewHandlers: Pick<Handlers<'notices'>, keyof typeof noticeViewsContract> = {
  async view({ id }, { store, caller, now }) {
    const notice = await store.collection('notices').get(id);
    if (!notice || !isVisibleToResidents(notice)) throw new AppError('NOTICE_NOT_FOUND');
    if (!caller.openid) return { views: await countOf(store, id), counted: false };
    const at = now();
    const view: NoticeView = { id: viewRecordId(viewPeriodOf(at), viewerKey(id, caller.openid)), noticeId: id, day: viewPeriodOf(at), at: at.toISOString() };
    if (await store.collection(NOTICE_VIEWS).get(view.id)) return { views: await countOf(store, id), counted: false };
    return countView(store, view);
  },

  async viewCounts({ ids }, { store }) {
    const page = await store.collection(NOTICE_VIEW_COUNTS).find({ where: { id: { in: ids } }, orderBy: [], limit: ids.length });
    const counts: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
    for (const c of page.items) counts[c.id] = c.count;
    return counts;
  },
};

async function countView(store: Store, view: NoticeView): Promise<ViewAnswer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        const views = tx.collection(NOTICE_VIEWS);
        const counters = tx.collection(NOTICE_VIEW_COUNTS);
        const counter = await counters.get(view.noticeId);
        if (await views.get(view.id)) return { views: counter?.count ?? 0, counted: false };
        await views.insert(view);
        const next = counter
          ? await counters.update(counter.id, counter.version, { count: counter.count + 1 })
          : await counters.insert({ id: view.noticeId, count: 1 });
        return { views: next.count, counted: true };
      });
    } catch (error) {
      // Another tab of the same viewer counted it first, or another viewer moved the counter: read again.
      if (!(error instanceof DuplicateIdError || error instanceof VersionConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function countOf(store: Store, noticeId: string): Promise<number> {
  return (await store.collection(NOTICE_VIEW_COUNTS).get(noticeId))?.count ?? 0;
}

/**
 * The viewer as the view record names them: a hash of notice and OPENID, so the table holds no OPENIDs.
 * Anyone who knows the OPENID can recompute it, so a resident's erasure removes their views (me/derived-records.ts).
 */
export function viewerKey(noticeId: string, openid: string): string {
  return createHash('sha256').update(`${noticeId}\u0000${openid}`).digest('base64url').slice(0, 24);
}
