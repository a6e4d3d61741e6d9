import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';

/** `npm run cloudbase:indexes` (promised in collections.ts and the README) prints every declared index. */
test('the script exists and prints every collection and index declared in collections.ts, `id` as CloudBase\'s `_id`', () => {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
  expect(scripts['cloudbase:indexes']).toBeDefined();
  const [command, ...args] = scripts['cloudbase:indexes'].split(' ');
  const run = (extra: string[]) => execFileSync(`node_modules/.bin/${command}`, [...args, ...extra], { encoding: 'utf8' });

  const printed = JSON.parse(run(['--json'])) as Array<{ collection: string; name: string; fields: Array<{ field: string; direction: string }> }>;
  const declared = Object.entries(COLLECTIONS).flatMap(([collection, indexes]) => indexes.map((fields) => ({ collection, fields: fields.map((f) => (f === 'id' ? '_id' : f)) })));
  expect(printed.map((i) => ({ collection: i.collection, fields: i.fields.map((f) => f.field) }))).toEqual(declared);
  expect(new Set(printed.map((i) => i.name)).size).toBe(printed.length);

  const text = run([]);
  for (const name of Object.keys(COLLECTIONS)) expect(text).toContain(`集合 ${name}`);
  for (const index of printed) expect(text).toContain(index.name);
}, 30_000);
