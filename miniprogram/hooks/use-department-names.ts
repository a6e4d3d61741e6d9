import { useCallback } from 'react';
import { call } from '../api/call';
import { useRemote } from './use-remote';

/**
 * The bureau's departments (directory.departments), and a department's name by id: 「…」 while they
 * load and 「未知部门」 for one no longer listed — never the id, which means nothing to a clerk.
 */
export function useDepartmentNames() {
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const data = departments.data;
  return useCallback((id: string | null) => (id ? departmentNameIn(data, id) : null), [data]);
}

export function departmentNameIn(departments: readonly { id: string; name: string }[] | null | undefined, id: string): string {
  if (!departments) return '…';
  return departments.find((d) => d.id === id)?.name ?? '未知部门';
}

export function useDepartments() {
  return useRemote(() => call('directory', 'departments', {}), []).data ?? [];
}

/** The departments and whether they have come yet (a name shown before they have is 「…」, not the id). */
export function useDepartmentList() {
  return useRemote(() => call('directory', 'departments', {}), []).data;
}
