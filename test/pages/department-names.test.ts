/** @jest-environment jsdom */
import { departmentNameIn } from '../../miniprogram/hooks/use-department-names';

// A staff page showed 「承办部门 housing」 until the directory came: a department is named, or waited for, never shown by id.
test('a department is shown by name, 「…」 while the directory loads, 「未知部门」 when it is no longer listed', () => {
  const list = [{ id: 'housing', name: '住房保障科' }];
  expect(departmentNameIn(list, 'housing')).toBe('住房保障科');
  expect(departmentNameIn(null, 'housing')).toBe('…');
  expect(departmentNameIn(undefined, 'housing')).toBe('…');
  expect(departmentNameIn(list, 'gone')).toBe('未知部门');
});
