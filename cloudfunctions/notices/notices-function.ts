import { AppError } from '../../shared/api/errors';
import type { Department } from '../../shared/api/contract';
import {
  isVisibleToResidents,
  newNotice,
  noticeEvent,
  publishNotice,
  reviseNotice,
  toManageSummary,
  toSummary,
  withdrawNotice,
} from '../../shared/notices/notice-lifecycle';
import type { Notice } from '../../shared/notices/notice-schema';
import { defineFunction } from '../_runtime/define-function';
import type { Store, Transaction, Where } from '../_runtime/store/port';

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
    return notice;
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

  async save({ id, version, notice: content }, { store, caller, now }) {
    const department = await store.collection<Department>('departments').get(content.departmentId);
    if (!department) {
      throw new AppError('VALIDATION_FAILED', undefined, { 'notice.departmentId': '请选择有效的发布部门' });
    }
    const actor = caller.openid as string;
    const at = now();
    return store.transaction(async (tx) => {
      if (id === undefined || version === undefined) {
        const created = await tx.collection<Notice>('notices').insert(newNotice(content, department.name, actor, at) as Notice);
        await recordEvent(tx, noticeEvent(created.id, 'created', actor, at));
        return created;
      }
      await loadNotice(tx, id);
      const updated = await tx
        .collection<Notice>('notices')
        .update(id, version, reviseNotice(content, department.name, actor, at));
      await recordEvent(tx, noticeEvent(id, 'updated', actor, at));
      return updated;
    });
  },

  async publish({ id, version }, { store, caller, now }) {
    const actor = caller.openid as string;
    const at = now();
    return store.transaction(async (tx) => {
      const current = await loadNotice(tx, id);
      const updated = await tx.collection<Notice>('notices').update(id, version, publishNotice(current, actor, at));
      await recordEvent(tx, noticeEvent(id, 'published', actor, at));
      return updated;
    });
  },

  async withdraw({ id, version, reason }, { store, caller, now }) {
    const actor = caller.openid as string;
    const at = now();
    return store.transaction(async (tx) => {
      const current = await loadNotice(tx, id);
      const updated = await tx
        .collection<Notice>('notices')
        .update(id, version, withdrawNotice(current, reason, actor, at));
      await recordEvent(tx, noticeEvent(id, 'withdrawn', actor, at, reason));
      return updated;
    });
  },
});

function notices(store: Store) {
  return store.collection<Notice>('notices');
}

async function loadNotice(tx: Transaction, id: string): Promise<Notice> {
  const notice = await tx.collection<Notice>('notices').get(id);
  if (!notice) throw new AppError('NOTICE_NOT_FOUND');
  return notice;
}

async function recordEvent(tx: Transaction, event: object): Promise<void> {
  await tx.collection('events').insert(event);
}
