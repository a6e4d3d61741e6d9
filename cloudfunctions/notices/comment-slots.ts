import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { commentEvent, MAX_COMMENTS_PER_RESIDENT, type NoticeComment } from '../../shared/notices/notice-comments';
import { DuplicateIdError, type Store } from '../_runtime/store/port';

/**
 * A resident's opinions on one consultation live in fixed slots, ids `c-<hash of notice and author>-<1…5>`,
 * so the five-per-resident limit holds under parallel calls: the free slot is found and filled inside
 * one transaction, and two calls that race for the same slot collide on its id (the loser tries the
 * next). The hash keeps the author's OPENID out of an id residents see.
 */
export function commentSlotId(noticeId: string, author: string, slot: number): string {
  return `c-${createHash('sha256').update(`${noticeId}\u0000${author}`).digest('base64url').slice(0, 24)}-${slot}`;
}

export async function insertInFreeSlot(store: Store, comment: Omit<NoticeComment, 'id' | 'version'>): Promise<NoticeComment> {
  for (let attempt = 0; attempt <= MAX_COMMENTS_PER_RESIDENT; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        const slots = tx.collection('noticeComments');
        for (let slot = 1; slot <= MAX_COMMENTS_PER_RESIDENT; slot++) {
          const id = commentSlotId(comment.noticeId, comment.author, slot);
          if (await slots.get(id)) continue;
          const created = await slots.insert({ ...comment, id } as NoticeComment);
          await tx.collection('events').insert(commentEvent(id, 'commented', comment.author, new Date(comment.createdAt), comment.flagged));
          return created;
        }
        throw new AppError('COMMENT_LIMIT_REACHED');
      });
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error;
    }
  }
  throw new AppError('COMMENT_LIMIT_REACHED');
}
