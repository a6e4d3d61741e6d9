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
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

async function upload(openid: string, name: string): Promise<{ id: string; name: string; url: string; sizeBytes: number }> {
  const res = await fetch(`${base}/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-dev-session': await tokenOf(openid) },
    body: name.endsWith('.png') ? PNG : PDF,
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

test('an inquiry’s photos: the resident who asked and the staff who see the case; a complaint’s, only its answerer and the admins', async () => {
  const photo = await upload('asker-y', '积水.png');
  // Picked but not sent yet: its uploader sees it, nobody else outside the staff.
  expect(await fetchAs('asker-y', photo.url)).toEqual({ status: 200, cache: 'private, no-store' });
  expect(await fetchAs('someone-else', photo.url)).toMatchObject({ status: 404 });
  const asked = await api('asker-y', 'inquiries', 'ask', { idempotencyKey: 'photo-ask-0001', kind: 'inquiry', topic: '道路', text: '小区门口积水何时处理？', attachments: [attachmentOf(photo)] });

  expect(await fetchAs('asker-y', photo.url)).toEqual({ status: 200, cache: 'private, no-store' });
  expect(await fetchAs('someone-else', photo.url)).toMatchObject({ status: 404 });
  expect(await fetchAs(null, photo.url)).toMatchObject({ status: 404 });
  // Not yet assigned: every answerer sees the case, and its photo; a publisher sees neither.
  expect((await fetchAs('demo-clerk', photo.url)).status).toBe(200);
  expect((await fetchAs('demo-admin', photo.url)).status).toBe(200);
  expect(await fetchAs('demo-editor', photo.url)).toMatchObject({ status: 404 });
  // A follow-up's photo is the asker's too.
  const more = await upload('asker-y', '积水2.png');
  const answered = await api('demo-clerk', 'inquiries', 'answer', { id: asked.id, version: 1, text: '已转交市政部门处理。' });
  await api('asker-y', 'inquiries', 'followUp', { id: asked.id, version: answered.version, text: '仍有积水。', attachments: [attachmentOf(more)] });
  expect((await fetchAs('asker-y', more.url)).status).toBe(200);
  expect(await fetchAs('someone-else', more.url)).toMatchObject({ status: 404 });

  // A complaint is confidential: only the admins and the answerer it is assigned to.
  const evidence = await upload('asker-y', '现场.png');
  const complaint = await api('asker-y', 'inquiries', 'ask', { idempotencyKey: 'photo-ask-0002', kind: 'complaint', topic: '噪音', text: '夜间施工扰民。', anonymous: true, attachments: [attachmentOf(evidence)] });
  expect((await fetchAs('asker-y', evidence.url)).status).toBe(200);
  expect((await fetchAs('demo-admin', evidence.url)).status).toBe(200);
  expect(await fetchAs('demo-clerk', evidence.url)).toMatchObject({ status: 404 });
  await api('demo-admin', 'inquiries', 'assign', { id: complaint.id, version: 1, departmentId: 'office', answererOpenid: 'demo-clerk' });
  expect((await fetchAs('demo-clerk', evidence.url)).status).toBe(200);
});

test('a resident cannot make someone else’s file theirs by attaching its link to their own question', async () => {
  const file = await upload('demo-editor', '停水通知.pdf');
  const draft = await api('demo-editor', 'notices', 'save', { notice: announcement({ attachments: [attachmentOf(file)] }) });
  const published = await api('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version });
  await api('demo-editor', 'notices', 'withdraw', { id: published.id, version: published.version, reason: '内容有误，撤回更正' });
  const res = await fetch(`${base}/api/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-session': await tokenOf('asker-z') },
    body: JSON.stringify({ action: 'ask', data: { idempotencyKey: 'copied-link-01', kind: 'inquiry', topic: '停水', text: '这份通知为什么撤回了？', attachments: [attachmentOf(file)] } }),
  });
  expect(await res.json()).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'attachments.0.url': '只能附上通过本小程序上传的文件' } });
  expect(await fetchAs('asker-z', file.url)).toMatchObject({ status: 404 });
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
  for (const t of ['notices', 'requests', 'inquiries']) db.exec(`DROP TRIGGER ${t}_file_uses_insert; DROP TRIGGER ${t}_file_uses_update;`);
  db.exec('DROP TABLE file_uses');
  db.close();
  await start();
  expect((await fetchAs(null, file.url)).status).toBe(200);
});
