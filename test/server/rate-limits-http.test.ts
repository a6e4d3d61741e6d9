import { DEMO_FILE_IDS } from '../../server/demo-files';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { RATE_LIMITS_META_ID } from '../../shared/limits/rate-limits';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { application } from '../support/request-factories';

/** The abuse limits as the local cloud answers them over HTTP: 429, Retry-After, per IP for anonymous callers, uploads. */
let dataDir: string;
let cloud: LocalCloud;
let base: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-rate-limits-'));
  cloud = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, now: () => new Date('2026-11-25T02:00:30Z') });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function tokenOf(openid: string): Promise<string> {
  return ((await (await post('/dev/sign-in', { openid })).json()) as { data: { token: string } }).data.token;
}

test('the 6th submit in an hour answers 429 with Retry-After and the envelope’s retryAfter', async () => {
  const token = await tokenOf('http-resident');
  for (let i = 0; i < 5; i++) expect((await post('/api/requests', { action: 'submit', data: application() }, { 'x-dev-session': token })).status).toBe(200);
  const refused = await post('/api/requests', { action: 'submit', data: application() }, { 'x-dev-session': token });
  expect(refused.status).toBe(429);
  // 10:00:30 Beijing: the hour's window ends in 59 min 30 s.
  expect(refused.headers.get('retry-after')).toBe('3570');
  expect(await refused.json()).toEqual({ ok: false, code: 'RATE_LIMITED', message: '操作过于频繁：每小时最多提交申请 5 次，请 1 小时后再试', retryAfter: 3570 });
});

test('anonymous searches are counted per IP address (here all of them come from 127.0.0.1)', async () => {
  const search = () => post('/api/notices', { action: 'search', data: { q: '电梯' } });
  for (let i = 0; i < 60; i++) expect((await search()).status).toBe(200);
  const refused = await search();
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('30');
});

test('uploads are limited per staff member before the body is read; nothing is kept', async () => {
  await cloud.store.collection('meta').insert({ id: RATE_LIMITS_META_ID, rateLimits: { 'files.upload': { staff: [{ max: 1, seconds: 3600 }] } } });
  const token = await tokenOf('demo-editor');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
  const upload = () => fetch(`${base}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.png', 'x-dev-session': token }, body: png });
  expect((await upload()).status).toBe(200);
  const refused = await upload();
  expect(refused.status).toBe(429);
  expect((await refused.json()).message).toContain('每小时最多上传附件 1 次');
  // Beside the demo guides' 示范文本 (server/demo-files.ts), one upload.
  expect(readdirSync(join(dataDir, 'files')).filter((f) => !DEMO_FILE_IDS.includes(f))).toHaveLength(1);
  expect(await cloud.store.collection('files').count()).toBe(1 + DEMO_FILE_IDS.length);
});

test('a refused upload does not count: files that are not what they say, empty, or not the caller’s to upload leave the limit whole', async () => {
  await cloud.store.collection('meta').insert({ id: RATE_LIMITS_META_ID, rateLimits: { 'files.upload': { resident: [{ max: 2, seconds: 3600 }] } } });
  const token = await tokenOf('photo-resident');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
  const upload = (name: string, body: Buffer) =>
    fetch(`${base}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-dev-session': token }, body });
  // Refused on the bytes (a text file named .png), on emptiness, and before the body (a PDF, which a resident may not upload here).
  for (let i = 0; i < 3; i++) expect((await (await upload('积水.png', Buffer.from('not a picture'))).json()).code).toBe('FILE_TYPE_NOT_ALLOWED');
  expect((await (await upload('积水.png', Buffer.alloc(0))).json()).code).toBe('BAD_REQUEST');
  expect((await (await upload('材料.pdf', Buffer.from('%PDF-1.4'))).json()).code).toBe('FORBIDDEN');
  // Five refusals later both of the hour's two uploads are still there; the third kept file is refused.
  expect((await upload('积水1.png', png)).status).toBe(200);
  expect((await upload('积水2.png', png)).status).toBe(200);
  const refused = await upload('积水3.png', png);
  expect(refused.status).toBe(429);
  expect(await cloud.store.collection('files').count()).toBe(2 + DEMO_FILE_IDS.length);
});
