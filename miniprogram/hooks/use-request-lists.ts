import { useCallback, useState } from 'react';
import type { RequestStatus } from '../../shared/requests/request-schema';
import type { AwaitingItem } from '../../shared/requests/request-types';
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
 * The staff queue, soonest due first, optionally one status and one
 * department. The warnings (e.g. next year's holidays not entered, so some due
 * dates are provisional) and the online applications waiting for registration
 * come with the first page and stay until the next refresh.
 */
/** `unassigned`: the admins' 未分配部门 (requests stored before departments) instead of a department. */
export function useRequestQueue(status: RequestStatus | undefined, departmentId: string | undefined, unassigned = false, due?: 'overdue' | 'dueSoon') {
  const [head, setHead] = useState<{ warnings: string[]; waiting: AwaitingItem[]; waitingTotal: number }>({ warnings: [], waiting: [], waitingTotal: 0 });
  const list = usePagedList(
    useCallback(
      async (cursor: string | null) => {
        const page = await call('requests', 'queue', { status, ...(unassigned ? { unassigned: true as const } : { departmentId, ...(due ? { due } : {}) }), cursor, limit: REQUEST_PAGE_SIZE });
        if (cursor === null) setHead({ warnings: page.warnings, waiting: page.awaitingRegistration, waitingTotal: page.awaitingRegistrationTotal });
        return page;
      },
      [status, departmentId, unassigned, due],
    ),
    [status, departmentId, unassigned, due],
  );
  return { list, ...head };
}
