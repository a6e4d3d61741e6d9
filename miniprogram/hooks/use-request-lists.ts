import { useCallback, useState } from 'react';
import type { RequestStatus } from '../../shared/requests/request-schema';
import { call } from '../api/call';
import { usePagedList } from './use-paged-list';

export const REQUEST_PAGE_SIZE = 20;

/** The signed-in resident's own requests, newest first. */
export function useMyRequests() {
  return usePagedList(
    useCallback((cursor: string | null) => call('requests', 'mine', { cursor, limit: REQUEST_PAGE_SIZE }), []),
    [],
  );
}

/**
 * The staff queue, soonest due first, optionally one status. The warnings
 * (e.g. next year's holidays not entered, so some due dates are provisional)
 * come with the first page and stay until the next refresh.
 */
export function useRequestQueue(status: RequestStatus | undefined) {
  const [warnings, setWarnings] = useState<string[]>([]);
  const list = usePagedList(
    useCallback(
      async (cursor: string | null) => {
        const page = await call('requests', 'queue', { status, cursor, limit: REQUEST_PAGE_SIZE });
        if (cursor === null) setWarnings(page.warnings);
        return page;
      },
      [status],
    ),
    [status],
  );
  return { list, warnings };
}
