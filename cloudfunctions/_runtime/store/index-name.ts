/** One name per declared index, the same in SQLite and in the CloudBase console. */
export function indexName(collection: string, fields: string[]): string {
  return `${collection}__${fields.join('_').replace(/\./g, '_')}`;
}
