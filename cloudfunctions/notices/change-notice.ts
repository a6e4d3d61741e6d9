import { newNotice, noticeEvent, type NoticeAction } from '../../shared/notices/notice-lifecycle';
import type { NoticeChanges } from '../../shared/notices/notice-changes';
import type { Notice, NoticeContent } from '../../shared/notices/notice-schema';
import { NOTICE_VERSIONS, versionRecord } from '../../shared/notices/notice-versions';
import type { Caller } from '../../shared/staff/roles';
import { enqueueNoticeCorrected, enqueueNoticePublished } from '../_notifications/enqueue-notification';
import { describeCorrection, type NoticeCorrection } from '../../shared/notices/notice-corrections';
import { changeRecordIn } from '../_runtime/change-record';
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
export function changeNotice(
  store: Store,
  actor: NoticeActor,
  at: Date,
  id: string,
  version: number,
  action: NoticeAction,
  change: NoticeDecision,
  describe?: NoticeDescription,
): Promise<Notice> {
  return store.transaction((tx) => changeNoticeIn(tx, { actor, at, id, version, action, change, describe }));
}

type NoticeDecision = (current: Notice, actor: string, at: Date) => Partial<Notice>;
type NoticeDescription = (current: Notice) => { detail: string | null; changes?: NoticeChanges };

export interface NoticeChange {
  actor: NoticeActor;
  at: Date;
  id: string;
  version: number;
  action: NoticeAction;
  change: NoticeDecision;
  describe?: NoticeDescription;
  /** Whether a first publication tells subscribers (the outbox row); only the demo seed's past publications are not announced. */
  announce?: boolean;
}

/** The same change inside a transaction the caller holds (the demo seed writes a whole bureau in one). */
export async function changeNoticeIn(
  tx: Transaction,
  { actor, at, id, version, action, change, describe = () => ({ detail: null }), announce = true }: NoticeChange,
): Promise<Notice> {
  const { record } = await changeRecordIn(tx, {
    collection: 'notices',
    id,
    expectedVersion: version,
    notFound: 'NOTICE_NOT_FOUND',
    decide: (current) => {
      const decided = change(current, actor.openid, at);
      const correction = action === 'updated' ? correctionOf(current, decided, at) : null;
      const patch = correction ? { ...decided, corrections: [...(current.corrections ?? []), correction], correctedAt: correction.at } : decided;
      const { detail, changes } = describe(current);
      return {
        patch,
        events: [noticeEvent(id, action, actor.openid, at, detail, changes)],
        alongside: async (inner, updated) => {
          await inner.collection(NOTICE_VERSIONS).insert(versionRecord(updated, action, actor, at, detail));
          // The outbox, in the same transaction: the message exists exactly when the publication or correction does.
          if (action === 'published' && announce) await enqueueNoticePublished(inner, updated, at);
          if (correction && announce) await enqueueNoticeCorrected(inner, updated, correction);
        },
      };
    },
  });
  return record;
}

/**
 * 更正: a change to what residents already read (a published notice) is published as a correction,
 * with the sentence they will read; a draft or a withdrawn notice is edited without one, and so is
 * a save that changes nothing a resident sees.
 */
function correctionOf(current: Notice, patch: Partial<Notice>, at: Date): NoticeCorrection | null {
  if (current.status !== 'published') return null;
  const note = describeCorrection(current, { ...current, ...patch } as Notice);
  return note ? { at: at.toISOString(), note } : null;
}

/**
 * A new notice (a draft), with its `created` event and its first version, in
 * the caller's transaction: every notice has its whole history from the start.
 * `id` is given only by the demo seed, whose notices link to each other.
 */
export async function createNotice(
  tx: Transaction,
  content: NoticeContent,
  departmentName: string,
  actor: NoticeActor,
  at: Date,
  id?: string,
): Promise<Notice> {
  const created = await tx.collection('notices').insert({ ...(newNotice(content, departmentName, actor.openid, at) as Notice), ...(id ? { id } : {}) });
  await tx.collection('events').insert(noticeEvent(created.id, 'created', actor.openid, at));
  await tx.collection(NOTICE_VERSIONS).insert(versionRecord(created, 'created', actor, at));
  return created;
}
