import { AppError } from '../../shared/api/errors';
import type { NoticeContent } from '../../shared/notices/notice-schema';
import type { Store } from '../_runtime/store/port';

/**
 * A consultation's result notice and a policy's replacement must be notices residents can open:
 * an existing published notice (a published 政策文件 for a replacement), never the notice itself.
 * Checked on save, so a typo or a draft's id never reaches a resident as a dead link.
 */
export async function checkLinkedNotices(store: Store, content: NoticeContent, selfId: string | undefined): Promise<void> {
  const link =
    content.kind === 'consultation' && content.resultNoticeId
      ? { field: 'notice.resultNoticeId', id: content.resultNoticeId, kind: undefined, message: '结果公告须选择一条已发布的公开信息' }
      : content.kind === 'policy' && content.replacedById
        ? { field: 'notice.replacedById', id: content.replacedById, kind: 'policy' as const, message: '替代文件须选择一份已发布的政策文件' }
        : null;
  if (!link) return;
  const target = link.id === selfId ? null : await store.collection('notices').get(link.id);
  if (!target || target.status !== 'published' || (link.kind && target.kind !== link.kind)) {
    throw new AppError('VALIDATION_FAILED', undefined, { [link.field]: link.message });
  }
}
