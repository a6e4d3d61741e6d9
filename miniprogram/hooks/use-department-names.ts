import { useCallback } from 'react';
import { call } from '../api/call';
import { useRemote } from './use-remote';

/** The bureau's departments (directory.departments), and a department's name by id (its id while they load, or when unknown). */
export function useDepartmentNames() {
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const data = departments.data;
  return useCallback((id: string | null) => (id ? (data?.find((d) => d.id === id)?.name ?? id) : null), [data]);
}

export function useDepartments() {
  return useRemote(() => call('directory', 'departments', {}), []).data ?? [];
}
