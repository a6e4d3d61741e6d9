import { AppError } from '../../shared/api/errors';
import { noticeEvent, type NoticeAction } from '../../shared/notices/notice-lifecycle';
import type { NoticeChanges } from '../../shared/notices/notice-changes';
import type { Notice } from '../../shared/notices/notice-schema';
import { NOTICE_VERSIONS, versionId, versionRecord } from '../../shared/notices/notice-versions';
import type { Caller } from '../../shared/staff/roles';
import { enqueueNoticePublished } from '../_notifications/enqueue-notification';
import { VersionConflictError, type Store, type Transaction } from '../_runtime/store/port';

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
 * publisher — goes through here: read it, let the domain decide the patch,
 * write it against the version the caller saw, and record the event, the
 * whole new version (notice-versions.ts) and, on publishing, the outbox row,
 * all in one transaction.
 *
 * The version is checked before the domain decides: an editor who acted on a
 * stale page is told someone else changed it (VERSION_CONFLICT, reload),
 * rather than given a verdict about a state they never saw; a second runner
 * publishing the same scheduled notice is refused the same way.
 */
export function changeNotice(
  store: Store,
  actor: NoticeActor,
  at: Date,
  id: string,
  version: number,
  action: NoticeAction,
  change: (current: Notice, actor: string, at: Date) => Partial<Notice>,
  describe: (current: Notice) => { detail: string | null; changes?: NoticeChanges } = () => ({ detail: null }),
): Promise<Notice> {
  return store.transaction(async (tx) => {
    const current = await tx.collection('notices').get(id);
    if (!current) throw new AppError('NOTICE_NOT_FOUND');
    if (current.version !== version) throw new VersionConflictError('notices', id);
    const updated = await tx.collection('notices').update(id, version, change(current, actor.openid, at));
    const { detail, changes } = describe(current);
    await tx.collection('events').insert(noticeEvent(id, action, actor.openid, at, detail, changes));
    await keepBaseline(tx, current);
    await tx.collection(NOTICE_VERSIONS).insert(versionRecord(updated, action, actor, at, detail));
    if (action === 'published') await enqueueNoticePublished(tx, updated, at); // the outbox, in the same transaction
    return updated;
  });
}

/** A new notice's first version, in the transaction that creates it. */
export async function keepFirstVersion(tx: Transaction, created: Notice, actor: NoticeActor, at: Date): Promise<void> {
  await tx.collection(NOTICE_VERSIONS).insert(versionRecord(created, 'created', actor, at));
}

/**
 * A notice written before versions were kept (the demo data, older records)
 * has no version for the state being changed: keep that state first, so the
 * first change made now still shows what it changed.
 */
async function keepBaseline(tx: Transaction, current: Notice): Promise<void> {
  const versions = tx.collection(NOTICE_VERSIONS);
  if (await versions.get(versionId(current.id, current.version))) return;
  const author = await tx.collection('staff').get(current.updatedBy);
  await versions.insert(versionRecord(current, 'baseline', { openid: current.updatedBy, name: author?.name ?? '' }, new Date(current.updatedAt)));
}
