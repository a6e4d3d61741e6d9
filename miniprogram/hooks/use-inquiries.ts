import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, Contract } from '../../shared/api/contract';
import type { InputOf, OutputOf } from '../../shared/api/define';
import type { FaqSummary } from '../../shared/inquiries/faq-types';
import type { InquiryKind, InquiryStatus } from '../../shared/inquiries/inquiry-types';
import { ApiError, call, messageOf } from '../api/call';
import { usePagedList } from './use-paged-list';
import { useRemote } from './use-remote';

const PAGE_SIZE = 20;

/** The signed-in resident's cases, newest first. */
export function useMyCases() {
  return usePagedList(useCallback((cursor: string | null) => call('inquiries', 'mine', { cursor, limit: PAGE_SIZE }), []), []);
}

/** One of the resident's cases, by id (from a list or a message) or by its number (typed in). */
export function useMyCase(ref: { id?: string; caseNumber?: string }) {
  const remote = useRemote(() => call('inquiries', 'get', ref.id ? { id: ref.id } : { caseNumber: ref.caseNumber }), [ref.id, ref.caseNumber]);
  return { view: remote.data, error: remote.error, reload: remote.reload, setView: remote.setData };
}

/** The answerer's queue, soonest due first. */
export function useCaseQueue(status: InquiryStatus | undefined, kind: InquiryKind | undefined) {
  return usePagedList(
    useCallback((cursor: string | null) => call('inquiries', 'queue', { status, kind, cursor, limit: PAGE_SIZE }), [status, kind]),
    [status, kind],
  );
}

export function useManagedCase(id: string) {
  const remote = useRemote(() => call('inquiries', 'manageGet', { id }), [id]);
  return { view: remote.data, error: remote.error, reload: remote.reload, setView: remote.setData };
}

type CaseAction = ActionName<'inquiries'>;

/**
 * Runs one action on a case and says what happened; the page shows the answer it gets back.
 * A stale version (someone acted first) is said in plain words and the case reloaded, so the
 * next decision is made on what is really there. Field errors go back to the form.
 */
export function useCaseAction<V>(setView: (v: V) => void, reload: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <A extends CaseAction>(action: A, data: InputOf<Contract['inquiries'][A]>, done: string, onFields?: (fields: Record<string, string>) => void): Promise<boolean> => {
      setBusy(true);
      try {
        const result = (await call('inquiries', action, data)) as OutputOf<Contract['inquiries'][A]>;
        setView(result as unknown as V);
        void Taro.showToast({ title: done, icon: 'success' });
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
          void Taro.showToast({ title: '内容已被他人修改，已为您刷新', icon: 'none' });
          await reload();
        } else {
          if (e instanceof ApiError && e.fields && onFields) onFields(e.fields);
          void Taro.showToast({ title: messageOf(e), icon: 'none' });
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [setView, reload],
  );
  return { busy, run };
}

/**
 * FAQ answers matching what the resident is typing (这些回答也许能帮到您): searched a moment after
 * they stop typing, the latest query winning; a failed search shows nothing rather than an error.
 */
export function useFaqSuggestions(query: string, delayMs = 400) {
  const [items, setItems] = useState<FaqSummary[]>([]);
  const generation = useRef(0);
  useEffect(() => {
    const q = query.trim().slice(0, 50);
    const mine = ++generation.current;
    if (!q) {
      setItems([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      call('faq', 'search', { q, limit: 5 })
        .then((page) => mine === generation.current && setItems(page.items))
        .catch(() => mine === generation.current && setItems([]));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [query, delayMs]);
  return items;
}
