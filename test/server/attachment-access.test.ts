import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { publishWithoutReview } from '../support/review-off';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { announcement } from '../support/factories';
import { application } from '../support/request-factories';
import { signedInClient } from '../support/signed-in-client';

/**
 * Withdrawn means withdrawn: `/files/<id>` serves a file to anyone only while a published notice
 * carries it, a request's files only to its applicant, everything else only to staff; and never with
 * a cache lifetime that would outlive a withdrawal.
 */
let dataDir: string;
let cloud: LocalCloud;
let base: string;
const { tokenOf, api, forget } = signedInClient(() => base);

async function start(): Promise<void> {
  cloud = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, rateLimits: false, now: () => new Date('2026-11-25T02:00:00Z') });
  await publishWithoutReview(cloud.store, new Date('2026-11-25T02:00:00Z'));
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
  forget();
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-file-access-'));
  await start();
});

afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

async function upload(openid: string, name: string): Promise<{ id: string; name: string; url: string; sizeBytes: number }> {
  const res = await fetch(`${base}/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-dev-session': await tokenOf(openid) },
    body: PDF,
  });
  return ((await res.json()) as { data: { id: string; name: string; url: string; sizeBytes: number } }).data;
}

/** GET as `openid` (null: no session): the status and the cache header. */
async function fetchAs(openid: string | null, url: string): Promise<{ status: number; cache: string | null }> {
  const headers: Record<string, string> = openid ? { 'x-dev-session': await tokenOf(openid) } : {};
  const res = await fetch(`${base}${url}`, { headers });
  await res.arrayBuffer();
  return { status: res.status, cache: res.headers.get('cache-control') };
}

const attachmentOf = (file: { name: string; url: string; sizeBytes: number }) => ({ name: file.name, url: file.url, sizeBytes: file.sizeBytes });

test('a published notice’s attachment is anyone’s, revalidated each time; once withdrawn only staff get it', async () => {
  const file = await upload('demo-editor', '停水通知.pdf');
  const draft = await api('demo-editor', 'notices', 'save', { notice: announcement({ attachments: [attachmentOf(file)] }) });
  // A draft's file is not public yet.
  expect(await fetchAs(null, file.url)).toMatchObject({ status: 404 });
  const published = await api('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version });

  const open = await fetchAs(null, file.url);
  expect(open).toEqual({ status: 200, cache: 'no-cache' });
  expect((await fetchAs('demo-resident', file.url)).status).toBe(200);

  await api('demo-editor', 'notices', 'withdraw', { id: published.id, version: published.version, reason: '内容有误，撤回更正' });
  expect(await fetchAs(null, file.url)).toMatchObject({ status: 404 });
  expect(await fetchAs('demo-resident', file.url)).toMatchObject({ status: 404 });
  // Staff still read it (to correct and republish), and no cache keeps it.
  expect(await fetchAs('demo-editor', file.url)).toEqual({ status: 200, cache: 'private, no-store' });
  expect((await fetchAs('demo-clerk', file.url)).status).toBe(200);
});

test('a request’s reply attachment: its applicant and the staff who handle it, nobody else', async () => {
  const submitted = await api('applicant-x', 'requests', 'submit', application());
  const registered = await api('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version });
  const file = await upload('demo-clerk', '答复附件.pdf');
  await api('demo-clerk', 'requests', 'reply', { id: registered.id, version: registered.version, category: 'disclosed', text: '经查，所申请信息予以公开，见附件。', attachments: [attachmentOf(file)] });

  expect(await fetchAs('applicant-x', file.url)).toEqual({ status: 200, cache: 'private, no-store' });
  expect(await fetchAs('someone-else', file.url)).toMatchObject({ status: 404 });
  expect(await fetchAs(null, file.url)).toMatchObject({ status: 404 });
  expect((await fetchAs('demo-admin', file.url)).status).toBe(200);
  expect((await fetchAs('demo-clerk', file.url)).status).toBe(200);
  // Another department's handler, and staff who handle no requests, are answered as for an unknown file.
  await cloud.store.collection('staff').insert({ id: 'housing-clerk', name: '住房保障科办理人员', roles: ['handler'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  expect(await fetchAs('housing-clerk', file.url)).toMatchObject({ status: 404 });
  expect(await fetchAs('demo-editor', file.url)).toMatchObject({ status: 404 });
  // Handed to 住房保障科, it is theirs to read.
  const current = await api('demo-admin', 'requests', 'manageGet', { id: registered.id });
  await api('demo-admin', 'requests', 'assignDepartment', { id: registered.id, version: current.version, departmentId: 'housing' });
  expect((await fetchAs('housing-clerk', file.url)).status).toBe(200);
});

test('a file attached to nothing is its uploader’s colleagues’ only; unknown and refused look the same', async () => {
  const file = await upload('demo-editor', '草稿.pdf');
  const refused = await fetch(`${base}${file.url}`);
  const unknown = await fetch(`${base}/files/AAAAAAAAAAAAAAAAAAAAAA`);
  expect([refused.status, await refused.json()]).toEqual([unknown.status, await unknown.json()]);
  expect((await fetchAs('demo-editor', file.url)).status).toBe(200);
});

test('records stored before the file index existed are found after a restart', async () => {
  const file = await upload('demo-editor', '旧数据.pdf');
  const draft = await api('demo-editor', 'notices', 'save', { notice: announcement({ attachments: [attachmentOf(file)] }) });
  await api('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version });
  await cloud.close();
  const db = new Database(join(dataDir, 'sunshine.sqlite'));
  for (const t of ['notices', 'requests']) db.exec(`DROP TRIGGER ${t}_file_uses_insert; DROP TRIGGER ${t}_file_uses_update;`);
  db.exec('DROP TABLE file_uses');
  db.close();
  await start();
  expect((await fetchAs(null, file.url)).status).toBe(200);
});
