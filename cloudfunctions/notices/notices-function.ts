import { AppError } from '../../shared/api/errors';
import type { Department } from '../../shared/api/contract';
import {
  isVisibleToResidents,
  newNotice,
  type NoticeAction,
  type NoticeEvent,
  noticeEvent,
  publishNotice,
  reviseNotice,
  toManageSummary,
  toPublicNotice,
  toSummary,
  withdrawNotice,
} from '../../shared/notices/notice-lifecycle';
import type { Notice } from '../../shared/notices/notice-schema';
import { defineFunction } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import { VersionConflictError, type Store, type Where } from '../_runtime/store/port';
import { describeChanges, noticeChanges, type NoticeChanges } from '../../shared/notices/notice-changes';
import { enqueueNoticePublished } from '../_notifications/enqueue-notification';
import { noticeReadingHandlers } from './notice-reading';

export const noticesFunction = defineFunction('notices', {
  async list({ kind, departmentId, cursor, limit }, { store }) {
    const where: Where = { status: 'published' };
    if (kind) where.kind = kind;
    if (departmentId) where.departmentId = departmentId;
    const page = await notices(store).find({ where, orderBy: [['publishedAt', 'desc']], limit, cursor });
    return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
  },

  async get({ id }, { store }) {
    const notice = await notices(store).get(id);
    // A draft or withdrawn notice is answered exactly like a missing one: its existence is not public.
    if (!notice || !isVisibleToResidents(notice)) throw new AppError('NOTICE_NOT_FOUND');
    return toPublicNotice(notice);
  },

  async manageList({ status, kind, cursor, limit }, { store }) {
    const where: Where = {};
    if (status) where.status = status;
    if (kind) where.kind = kind;
    const page = await notices(store).find({ where, orderBy: [['updatedAt', 'desc']], limit, cursor });
    return { items: page.items.map(toManageSummary), nextCursor: page.nextCursor };
  },

  async manageGet({ id }, { store }) {
    const notice = await notices(store).get(id);
    if (!notice) throw new AppError('NOTICE_NOT_FOUND');
    return notice;
  },

  async save({ id, version, notice: content }, ctx) {
    const department = await ctx.store.collection<Department>('departments').get(content.departmentId);
    if (!department) {
      throw new AppError('VALIDATION_FAILED', undefined, { 'notice.departmentId': '请选择有效的发布部门' });
    }
    if (id !== undefined && version !== undefined) {
      return changeNotice(ctx, id, version, 'updated', (_current, actor, at) => reviseNotice(content, department.name, actor, at), (current) => {
        const changes = noticeChanges(current, content);
        return { detail: describeChanges(changes), changes };
      });
    }
    const actor = ctx.caller.openid as string;
    const at = ctx.now();
    return ctx.store.transaction(async (tx) => {
      const created = await tx.collection<Notice>('notices').insert(newNotice(content, department.name, actor, at) as Notice);
      await tx.collection<NoticeEvent>('events').insert(noticeEvent(created.id, 'created', actor, at));
      return created;
    });
  },

  async publish({ id, version }, ctx) {
    return changeNotice(ctx, id, version, 'published', (current, actor, at) => publishNotice(current, actor, at));
  },

  async withdraw({ id, version, reason }, ctx) {
    return changeNotice(ctx, id, version, 'withdrawn', (current, actor, at) => withdrawNotice(current, reason, actor, at), () => ({ detail: reason }));
  },

  ...noticeReadingHandlers,
});

/**
 * Every change to an existing notice: read it, let the domain decide the
 * patch, write it against the version the editor saw, and record the event
 * (with what `describe` says about it), all in one transaction.
 *
 * The version is checked before the domain decides: an editor who acted on a
 * stale page is told someone else changed it (VERSION_CONFLICT, reload),
 * rather than given a verdict about a state they never saw.
 */
function changeNotice(
  { store, caller, now }: HandlerContext,
  id: string,
  version: number,
  action: NoticeAction,
  change: (current: Notice, actor: string, at: Date) => Partial<Notice>,
  describe: (current: Notice) => { detail: string | null; changes?: NoticeChanges } = () => ({ detail: null }),
): Promise<Notice> {
  const actor = caller.openid as string;
  const at = now();
  return store.transaction(async (tx) => {
    const current = await tx.collection<Notice>('notices').get(id);
    if (!current) throw new AppError('NOTICE_NOT_FOUND');
    if (current.version !== version) throw new VersionConflictError('notices', id);
    const updated = await tx.collection<Notice>('notices').update(id, version, change(current, actor, at));
    const { detail, changes } = describe(current);
    await tx.collection<NoticeEvent>('events').insert(noticeEvent(id, action, actor, at, detail, changes));
    if (action === 'published') await enqueueNoticePublished(tx, updated, at); // the outbox, in the same transaction
    return updated;
  });
}

function notices(store: Store) {
  return store.collection<Notice>('notices');
}
