import { useCallback, useEffect, useState } from 'react';
import type { OwnComment, PublicComment } from '../../shared/notices/notice-comments';
import { ApiError, call, messageOf } from '../api/call';

/**
 * A consultation's opinions as the detail page needs them: the published
 * ones with replies, the signed-in resident's own (with their review status),
 * and sending a new one. Residents who are not signed in only read.
 */
export function useOpinions(noticeId: string, signedIn: boolean) {
  const [published, setPublished] = useState<PublicComment[]>([]);
  const [mine, setMine] = useState<OwnComment[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    try {
      const page = await call('notices', 'comments', { id: noticeId, limit: 50 });
      setPublished(page.items);
      setMine(signedIn ? await call('notices', 'myComments', { id: noticeId }) : []);
    } catch (e) {
      setLoadError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [noticeId, signedIn]);

  useEffect(() => {
    void load();
  }, [load]);

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

  return { published, mine, loading, loadError, reload: load, send };
}
