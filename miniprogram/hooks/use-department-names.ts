import { useCallback } from 'react';
import { call } from '../api/call';
import { useRemote } from './use-remote';

/** The bureau's departments (directory.departments): null until they have come. */
export function useDepartmentList() {
  return useRemote(() => call('directory', 'departments', {}), []).data;
}

/** The departments, empty until they have come (for pickers). */
export function useDepartments() {
  return useDepartmentList() ?? [];
}

/**
 * A department's name by id: 「…」 while the departments load and 「未知部门」 for one no longer
 * listed — never the id, which means nothing to a clerk.
 */
export function useDepartmentNames() {
  const data = useDepartmentList();
  return useCallback((id: string | null) => (id ? departmentNameIn(data, id) : null), [data]);
}

export function departmentNameIn(departments: readonly { id: string; name: string }[] | null | undefined, id: string): string {
  if (!departments) return '…';
  return departments.find((d) => d.id === id)?.name ?? '未知部门';
}
