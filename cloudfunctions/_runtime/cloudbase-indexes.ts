import type { IndexDeclarations } from './collections';
import { toCbField } from './store/cloudbase-store';
import { indexName } from './store/index-name';

/**
 * The indexes CloudBase needs, from the one declaration in collections.ts.
 * `npm run deploy` creates them through the management API (the node SDK
 * cannot); `npm run cloudbase:indexes` prints them for the CloudBase console
 * (数据库 → 集合 → 索引管理 → 新建索引).
 *
 * Every field is ascending: our queries filter the leading fields by equality
 * and sort by the last one, and the database walks an ascending index
 * backwards for a descending sort. The names match the SQLite adapter's; the
 * fields are as CloudBase stores them (our `id` is the document's `_id`).
 */
export interface CloudbaseIndex {
  collection: string;
  name: string;
  fields: Array<{ field: string; direction: 'asc' }>;
}

export function cloudbaseIndexes(declarations: IndexDeclarations): CloudbaseIndex[] {
  return Object.entries(declarations).flatMap(([collection, indexes]) =>
    indexes.map((fields) => ({
      collection,
      name: indexName(collection, fields),
      fields: fields.map((field) => ({ field: toCbField(field), direction: 'asc' as const })),
    })),
  );
}

/** Plain text for a person at the console: every collection (to create), then each index with its fields in order. */
export function formatCloudbaseIndexes(declarations: IndexDeclarations): string {
  const indexes = cloudbaseIndexes(declarations);
  const lines = [
    '在 CloudBase 控制台创建以下集合（权限：仅管理端可读写）与索引（字段均为升序，非唯一）：',
    '',
  ];
  for (const collection of Object.keys(declarations)) {
    const own = indexes.filter((i) => i.collection === collection);
    lines.push(`集合 ${collection}${own.length ? '' : '（无需额外索引）'}`);
    for (const index of own) lines.push(`  索引 ${index.name}: ${index.fields.map((f) => `${f.field} 升序`).join(', ')}`);
  }
  return lines.join('\n');
}
