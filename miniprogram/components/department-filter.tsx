import { Picker, Text } from '@tarojs/components';
import { call } from '../api/call';
import { useRemote } from '../hooks/use-remote';

/**
 * 全部部门 or one department (directory.departments): filters a list or a search like the kind tabs do.
 * `extra`: choices after the departments that are no department (the staff queue's 未分配部门).
 */
export function DepartmentFilter(props: { value: string | undefined; onChange: (departmentId: string | undefined) => void; extra?: Array<{ id: string; name: string }> }) {
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const options = [{ id: undefined as string | undefined, name: '全部部门' }, ...(departments.data ?? []), ...(props.extra ?? [])];
  const index = Math.max(0, options.findIndex((d) => d.id === props.value));
  return (
    <Picker mode="selector" range={options.map((d) => d.name)} value={index} onChange={(e) => props.onChange(options[Number(e.detail.value)]?.id)} data-testid="department-filter">
      <Text className={`search-order__item ${props.value ? 'search-order__item--active' : ''}`}>{options[index]?.name ?? '全部部门'} ▾</Text>
    </Picker>
  );
}
