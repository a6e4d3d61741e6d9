import type { Where } from '../_runtime/store/port';

/** What residents may list: published notices, of one kind or department when asked (also the open feeds' filter). */
export function publishedNoticesWhere(kind?: string, departmentId?: string): Where {
  const where: Where = { status: 'published' };
  if (kind) where.kind = kind;
  if (departmentId) where.departmentId = departmentId;
  return where;
}
