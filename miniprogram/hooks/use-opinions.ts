import { useCallback, useEffect, useState } from 'react';
import type { OwnComment } from '../../shared/notices/notice-comments';
import { ApiError, call, messageOf } from '../api/call';
import { usePagedList } from './use-paged-list';

export const OPINIONS_PAGE_SIZE = 20;

/**
 * A consultation's opinions as the detail page needs them: the published
 * ones with replies (paged with the cursor, however many there are), the
 * signed-in resident's own (with their review status), and sending a new
 * one. Residents who are not signed in only read.
 */
export function useOpinions(noticeId: string, signedIn: boolean) {
  const published = usePagedList(
    useCallback((cursor: string | null) => call('notices', 'comments', { id: noticeId, cursor, limit: OPINIONS_PAGE_SIZE }), [noticeId]),
    [noticeId],
  );
  const [mine, setMine] = useState<OwnComment[]>([]);
  const [mineError, setMineError] = useState<string | null>(null);

  const loadMine = useCallback(async () => {
    setMineError(null);
    try {
      setMine(signedIn ? await call('notices', 'myComments', { id: noticeId }) : []);
    } catch (e) {
      setMineError(messageOf(e));
    }
  }, [noticeId, signedIn]);

  useEffect(() => {
    void loadMine();
  }, [loadMine]);

  /** Resolves to null on success, or the message to show beside the field. */
  const send = useCallback(
    async (text: string): Promise<string | null> => {
      try {
        const created = await call('notices', 'comment', { id: noticeId, text });
        setMine((list) => [created, ...list]);
        return null;
      } catch (e) {
        if (e instanceof ApiError && e.fields?.text) return e.fields.text;
        return messageOf(e);
      }
    },
    [noticeId],
  );

  const reload = useCallback(async () => {
    await Promise.all([published.refresh(), loadMine()]);
  }, [published, loadMine]);

  return {
    published: published.items,
    loading: published.status === 'loading',
    loadError: (published.status === 'error' ? published.error : null) ?? mineError,
    hasMore: published.hasMore,
    loadingMore: published.status === 'loadingMore',
    moreError: published.status === 'ready' ? published.error : null,
    loadMore: published.loadMore,
    mine,
    reload,
    send,
  };
}
