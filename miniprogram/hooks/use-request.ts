import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ApiError, call, messageOf } from '../api/call';
import type { ActionName, Contract } from '../../shared/api/contract';
import type { InputOf, OutputOf } from '../../shared/api/define';
import { useRemote } from './use-remote';

/** One request as its applicant sees it (`requests.get`). */
export function useMyRequest(id: string) {
  const remote = useRemote(() => call('requests', 'get', { id }), [id]);
  return { request: remote.data, error: remote.error, loading: remote.loading, reload: remote.reload, setRequest: remote.setData };
}

/** One request as staff see it (`requests.manageGet`: full personal data), with the actions on it. */
export function useManagedRequest(id: string) {
  const remote = useRemote(() => call('requests', 'manageGet', { id }), [id]);
  const { busy, run } = useRequestAction(remote.reload);
  return { request: remote.data, error: remote.error, loading: remote.loading, reload: remote.reload, setRequest: remote.setData, busy, run };
}

type RequestAction = ActionName<'requests'>;

/**
 * Runs one action on a request and says what happened. When another clerk
 * (or the applicant) changed the request first, the server answers
 * VERSION_CONFLICT: we say so in the bureau's words and reload, so the clerk
 * decides again on what is really there. Field errors go back to the form.
 */
export function useRequestAction(reload: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <A extends RequestAction>(
      action: A,
      data: InputOf<Contract['requests'][A]>,
      done: string,
      onFields?: (fields: Record<string, string>) => void,
    ): Promise<OutputOf<Contract['requests'][A]> | null> => {
      setBusy(true);
      try {
        const result = await call('requests', action, data);
        // 公开审查: a letter that waits for a reviewer has not been issued; saying "已答复" would be untrue.
        const pending = typeof result === 'object' && result !== null && 'pendingReview' in result;
        void Taro.showToast({ title: pending ? '已提交审核' : done, icon: 'success' });
        await reload();
        return result;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
          void Taro.showToast({ title: '内容已被他人修改，请刷新后重试', icon: 'none' });
          await reload();
        } else {
          if (e instanceof ApiError && e.fields && onFields) onFields(e.fields);
          void Taro.showToast({ title: messageOf(e), icon: 'none' });
        }
        return null;
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );
  return { busy, run };
}
