import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';

/** The local cloud over real HTTP on 127.0.0.1 with a real SQLite file. */
let dataDir: string;
let staticDir: string;
let cloud: LocalCloud;
let base: string;

async function start(): Promise<void> {
  cloud = await startLocalCloud({ dataDir, staticDir, log: silentLogger });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-local-cloud-'));
  staticDir = mkdtempSync(join(tmpdir(), 'sg-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<div id="app"></div>');
  mkdirSync(join(staticDir, 'js'));
  writeFileSync(join(staticDir, 'js', 'app.12345678.js'), 'console.log(1)');
  writeFileSync(join(dataDir, 'secret-outside.txt'), 'do not serve');
  await start();
});

afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function signIn(openid: string): Promise<string> {
  const res = await post('/dev/sign-in', { openid });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

test('health, the app and the API on one port', async () => {
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const index = await fetch(`${base}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toContain('text/html');
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const asset = await fetch(`${base}/js/app.12345678.js`);
  expect(asset.headers.get('cache-control')).toContain('immutable');
  const list = await post('/api/notices', { action: 'list', data: { limit: 3 } });
  expect(list.status).toBe(200);
  expect((await list.json()).data.items).toHaveLength(3);
});

test('HTTP statuses: 4xx for the caller\'s mistakes', async () => {
  expect((await post('/api/notices', '{not json')).status).toBe(400);
  expect((await fetch(`${base}/api/notices`)).status).toBe(400);
  expect((await post('/api/nope', { action: 'x' })).status).toBe(404);
  expect((await post('/api/notices', { action: 'nope' })).status).toBe(404);
  expect((await post('/api/notices', { action: 'save', data: {} })).status).toBe(401);
  const big = await post('/api/notices', { action: 'list', data: { pad: 'x'.repeat(100 * 1024) } });
  expect(big.status).toBe(413);
  expect(await big.json()).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，请精简后重试' });
});

test('the dev session decides who you are; a forged one makes you anonymous', async () => {
  const cookie = await signIn('demo-editor');
  const me = await (await post('/api/session', { action: 'whoami' }, { cookie })).json();
  expect(me.data).toMatchObject({ openid: 'demo-editor', isStaff: true });
  const forged = cookie.replace('demo-editor', 'demo-admin');
  const anon = await (await post('/api/session', { action: 'whoami' }, { cookie: forged })).json();
  expect(anon.data).toMatchObject({ openid: null, isStaff: false });
  const bad = await post('/dev/sign-in', { openid: '../../etc' });
  expect(bad.status).toBe(400);
  expect((await bad.json()).fields.openid).toMatch(/[\u4e00-\u9fff]/);
});

// Path traversal, with the secret placed where a traversal would lead and raw requests: dev-session-hardening.test.ts.

test('demo data is seeded once: a restart keeps what people changed', async () => {
  const cookie = await signIn('demo-editor');
  const saved = await (await post('/api/notices', { action: 'save', data: { notice: { kind: 'announcement', title: '重启后仍在', body: '正文', departmentId: 'office' } } }, { cookie })).json();
  expect(saved.ok).toBe(true);
  await cloud.close();
  await start();
  const cookieAgain = await signIn('demo-editor');
  const list = await (await post('/api/notices', { action: 'manageList', data: { status: 'draft' } }, { cookie: cookieAgain })).json();
  expect(list.data.items.map((n: { title: string }) => n.title)).toContain('重启后仍在');
  const all = await (await post('/api/notices', { action: 'manageList', data: { limit: 50 } }, { cookie: cookieAgain })).json();
  expect(all.data.items).toHaveLength(18); // 17 seeded (guides, a closed consultation with its result, a repealed policy and the one replacing it among them) + 1
});
