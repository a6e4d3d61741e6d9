import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { commentEvent, MAX_COMMENTS_PER_RESIDENT, type NoticeComment } from '../../shared/notices/notice-comments';
import { DuplicateIdError, type Store } from '../_runtime/store/port';

/**
 * A resident's opinions on one consultation fill fixed slots, each a server-side claim in `uniqueKeys`
 * (`opinion:<hash of notice and author>:<1…5>`), so the five-per-resident limit holds under parallel
 * calls: the free slot is found and claimed inside the transaction that writes the opinion, and two
 * calls that race for the same slot collide on the claim (the loser tries the next). The opinion's own
 * id is random: the ids residents see link nothing, not even two opinions of one author.
 */
export function commentSlotKey(noticeId: string, author: string, slot: number): string {
  return `opinion:${createHash('sha256').update(`${noticeId}\u0000${author}`).digest('base64url')}:${slot}`;
}

function newCommentId(): string {
  return randomBytes(12).toString('hex');
}

export async function insertInFreeSlot(store: Store, comment: Omit<NoticeComment, 'id' | 'version'>): Promise<NoticeComment> {
  for (let attempt = 0; attempt <= MAX_COMMENTS_PER_RESIDENT; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        const claims = tx.collection('uniqueKeys');
        for (let slot = 1; slot <= MAX_COMMENTS_PER_RESIDENT; slot++) {
          const key = commentSlotKey(comment.noticeId, comment.author, slot);
          if (await claims.get(key)) continue;
          const id = newCommentId();
          await claims.insert({ id: key, recordId: id, at: comment.createdAt });
          const created = await tx.collection('noticeComments').insert({ ...comment, id } as NoticeComment);
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
