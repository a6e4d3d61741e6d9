import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { seedDemoData } from '../../server/seed';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { fillNotices, fillRequests } from '../../bench/bench-data';
import type { Call } from '../../bench/load-driver';
import { mixOf, prepare, queueOnly } from '../../bench/load-mix';

/**
 * `npm run bench:load` measures what its mix is answered with; a call the contract now refuses would be
 * measured as a fast refusal and nobody would notice (the staff queue was once measured over an empty
 * department). So every kind of the mix is sent once to a real local cloud over the bench's own data,
 * with the abuse limits on, and must be answered — and the clerk's queue must be full.
 */
let dataDir: string;
let cloud: LocalCloud;
let base: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-load-mix-'));
  const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
  await seedDemoData(store, new Date());
  await fillNotices(store, 60);
  await fillRequests(store, 90, new Date());
  store.close();
  cloud = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, rateLimits: true });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function send(call: Call): Promise<{ ok: boolean; code?: string; data?: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.token) headers['x-dev-session'] = call.token;
  return (await (await fetch(`${base}${call.path}`, { method: 'POST', headers, body: JSON.stringify(call.body) })).json()) as { ok: boolean; code?: string; data?: any };
}

test('every kind of call in the load mix is answered, follow-ups included', async () => {
  const world = await prepare(base, { notices: 60, requests: 90, residents: 5 });
  const kinds = mixOf(world);
  expect(kinds.reduce((sum, k) => sum + k.weight, 0)).toBe(100);
  expect(Object.fromEntries(['read', 'write', 'staff'].map((g) => [g, kinds.filter((k) => k.group === g).reduce((s, k) => s + k.weight, 0)]))).toEqual({ read: 85, write: 10, staff: 5 });
  for (const kind of kinds) {
    const answer = await send(kind.next());
    expect([kind.name, answer.ok ? 'answered' : answer.code]).toEqual([kind.name, 'answered']);
    if (kind.then) {
      const follow = kind.then.make(answer.data);
      expect([kind.then.name, follow === null ? 'nothing to follow' : 'follows']).toEqual([kind.then.name, 'follows']);
      const followed = await send(follow!);
      expect([kind.then.name, followed.ok ? 'answered' : followed.code]).toEqual([kind.then.name, 'answered']);
    }
  }
});

test('the clerk’s queue the bench measures holds the loaded requests', async () => {
  const world = await prepare(base, { notices: 60, requests: 90, residents: 1 });
  const queue = await send(queueOnly(world)[0].next());
  expect(queue.ok).toBe(true);
  expect(queue.data.items).toHaveLength(20);
  expect(queue.data.nextCursor).not.toBeNull();
});
