import { noticeEvent, type NoticeAction } from '../../shared/notices/notice-lifecycle';
import type { NoticeChanges } from '../../shared/notices/notice-changes';
import type { Notice } from '../../shared/notices/notice-schema';
import { NOTICE_VERSIONS, versionId, versionRecord } from '../../shared/notices/notice-versions';
import type { Caller } from '../../shared/staff/roles';
import { enqueueNoticePublished } from '../_notifications/enqueue-notification';
import { changeRecord } from '../_runtime/change-record';
import type { Store, Transaction } from '../_runtime/store/port';

/** Who makes a change: the staff member's OPENID, and their name for the history list. */
export interface NoticeActor {
  openid: string;
  name: string;
}

export function actorOf(caller: Caller): NoticeActor {
  return { openid: caller.openid as string, name: caller.staff?.name ?? '' };
}

/**
 * Every change to an existing notice — by a clerk, or by the scheduled
 * publisher — on the one change road (changeRecord): the version the caller
 * saw is checked before the domain decides, then the patch, the event, the
 * whole new version (notice-versions.ts) and, on publishing, the outbox row
 * land in one transaction. An editor on a stale page, or a second runner
 * publishing the same scheduled notice, is refused with VERSION_CONFLICT.
 */
export async function changeNotice(
  store: Store,
  actor: NoticeActor,
  at: Date,
  id: string,
  version: number,
  action: NoticeAction,
  change: (current: Notice, actor: string, at: Date) => Partial<Notice>,
  describe: (current: Notice) => { detail: string | null; changes?: NoticeChanges } = () => ({ detail: null }),
): Promise<Notice> {
  const { record } = await changeRecord(store, {
    collection: 'notices',
    id,
    expectedVersion: version,
    notFound: 'NOTICE_NOT_FOUND',
    decide: (current) => {
      const patch = change(current, actor.openid, at);
      const { detail, changes } = describe(current);
      return {
        patch,
        events: [noticeEvent(id, action, actor.openid, at, detail, changes)],
        alongside: async (tx, updated) => {
          await keepBaseline(tx, current);
          await tx.collection(NOTICE_VERSIONS).insert(versionRecord(updated, action, actor, at, detail));
          if (action === 'published') await enqueueNoticePublished(tx, updated, at);
        },
      };
    },
  });
  return record;
}

/** A new notice's first version, in the transaction that creates it. */
export async function keepFirstVersion(tx: Transaction, created: Notice, actor: NoticeActor, at: Date): Promise<void> {
  await tx.collection(NOTICE_VERSIONS).insert(versionRecord(created, 'created', actor, at));
}

/**
 * Databases hold notices written before versions were kept (and the demo
 * seed still writes its notices that way: the editor's tests rely on one): such a
 * notice has no version for the state being changed. Keep that state first,
 * so the first change made now still shows what it changed.
 */
async function keepBaseline(tx: Transaction, current: Notice): Promise<void> {
  const versions = tx.collection(NOTICE_VERSIONS);
  if (await versions.get(versionId(current.id, current.version))) return;
  const author = await tx.collection('staff').get(current.updatedBy);
  await versions.insert(versionRecord(current, 'baseline', { openid: current.updatedBy, name: author?.name ?? '' }, new Date(current.updatedAt)));
}
