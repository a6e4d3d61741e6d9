import { publishWithoutReview } from '../support/review-off';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { announcement, policy } from '../support/factories';
import { signedInClient } from '../support/signed-in-client';

/**
 * The open feeds over real HTTP on the local cloud, with the seeded demo data in a real SQLite file:
 * published notices only (a withdrawal takes one out), filters, refusals, headers, and nothing of staff.
 */
let dataDir: string;
let cloud: LocalCloud;
let base: string;
const { tokenOf, api, forget } = signedInClient(() => base);

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-feeds-'));
  cloud = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, rateLimits: false, now: () => new Date('2026-11-25T02:00:00Z') });
  await publishWithoutReview(cloud.store, new Date('2026-11-25T02:00:00Z'));
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
  forget();
});

afterEach(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function publish(content: ReturnType<typeof announcement>): Promise<{ id: string; version: number }> {
  const draft = await api('demo-editor', 'notices', 'save', { notice: content });
  return api('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version });
}

async function jsonFeed(query = ''): Promise<any> {
  const res = await fetch(`${base}/feeds/notices.json${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

test('both feeds: content types, cache headers, the newest published notices; an unchanged feed answers 304', async () => {
  const atom = await fetch(`${base}/feeds/notices.atom`);
  expect(atom.status).toBe(200);
  expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  expect(atom.headers.get('cache-control')).toBe('public, max-age=300');
  const xml = await atom.text();
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

  const json = await fetch(`${base}/feeds/notices.json`);
  expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
  expect(json.headers.get('cache-control')).toBe('public, max-age=300');
  const feed = await json.json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.feed_url).toBe(`${base}/feeds/notices.json`);
  const listed = await api('demo-resident', 'notices', 'list', { limit: 50 });
  expect(feed.items.map((i: any) => i.id)).toEqual(listed.items.map((n: any) => `${base}/#/pages/notice-detail/index?id=${n.id}`));

  const etag = json.headers.get('etag')!;
  expect(etag).toMatch(/^".+"$/);
  const again = await fetch(`${base}/feeds/notices.json`, { headers: { 'if-none-match': etag } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
  const head = await fetch(`${base}/feeds/notices.atom`, { method: 'HEAD' });
  expect(head.status).toBe(200);
});

test('a published notice enters the feed with its 文号 and attachments; withdrawn, it leaves', async () => {
  const notice = await publish(
    policy({
      title: '关于<规范>&“管理”]]>的办法',
      departmentId: 'policy',
      docNumber: '云建发〔2026〕99号',
      attachments: [{ name: '办法全文.pdf', url: 'https://www.example.gov.cn/files/bf.pdf', sizeBytes: 2048 }],
    }),
  );
  const feed = await jsonFeed('?kind=policy&department=policy');
  const item = feed.items.find((i: any) => i.id.endsWith(`id=${notice.id}`));
  expect(item.title).toBe('关于<规范>&“管理”]]>的办法');
  expect(item._sunshine_gov.docNumber).toBe('云建发〔2026〕99号');
  expect(item.attachments).toEqual([{ url: 'https://www.example.gov.cn/files/bf.pdf', mime_type: 'application/pdf', title: '办法全文.pdf', size_in_bytes: 2048 }]);
  const atom = await (await fetch(`${base}/feeds/notices.atom?department=policy`)).text();
  expect(atom).toContain('<title>关于&lt;规范&gt;&amp;“管理”]]&gt;的办法</title>');
  expect(atom).toContain('<sg:docNumber>云建发〔2026〕99号</sg:docNumber>');

  await api('demo-editor', 'notices', 'withdraw', { id: notice.id, version: notice.version, reason: '内容有误，更正后重新发布' });
  expect((await jsonFeed()).items.some((i: any) => i.id.endsWith(`id=${notice.id}`))).toBe(false);
  expect(await (await fetch(`${base}/feeds/notices.atom`)).text()).not.toContain(notice.id);
});

test('a file uploaded to the local cloud is an absolute enclosure anyone can fetch while its notice is published', async () => {
  const res = await fetch(`${base}/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('停水通知.pdf'), 'x-dev-session': await tokenOf('demo-editor') },
    body: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
  });
  const file = ((await res.json()) as { data: { name: string; url: string; sizeBytes: number } }).data;
  await publish(announcement({ title: '停水通知', attachments: [{ name: file.name, url: file.url, sizeBytes: file.sizeBytes }] }));
  const item = (await jsonFeed('?kind=announcement')).items.find((i: any) => i.title === '停水通知');
  expect(item.attachments).toEqual([{ url: `${base}${file.url}`, mime_type: 'application/pdf', title: '停水通知.pdf', size_in_bytes: file.sizeBytes }]);
  expect((await fetch(item.attachments[0].url)).status).toBe(200);
});

test('filters: only that kind, only that department', async () => {
  await publish(announcement({ title: '办公室的通知', departmentId: 'office' }));
  const policies = await jsonFeed('?kind=policy');
  expect(policies.items.length).toBeGreaterThan(0);
  expect(policies.items.every((i: any) => i._sunshine_gov.kind === 'policy')).toBe(true);
  const office = await jsonFeed('?department=office');
  expect(office.items.length).toBeGreaterThan(0);
  expect(office.items.every((i: any) => i._sunshine_gov.departmentId === 'office')).toBe(true);
  expect(office.title).toContain('办公室');
  expect(office.feed_url).toBe(`${base}/feeds/notices.json?department=office`);
});

test('bad values answer 400 with a Chinese message, not an empty feed', async () => {
  for (const query of ['?kind=nope', '?department=nowhere', '?kind=', '?kind=policy&kind=guide', '?page=2']) {
    for (const format of ['atom', 'json']) {
      const res = await fetch(`${base}/feeds/notices.${format}${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  }
  expect((await fetch(`${base}/feeds/notices.rss`)).status).toBe(404);
  const post = await fetch(`${base}/feeds/notices.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(post.status).toBe(404);
});

test('nothing of staff or of the record\'s bookkeeping reaches a feed', async () => {
  await publish(announcement({ title: '一条新通知' }));
  const staff = ['王芳', '张敏', '李华', '赵磊', 'demo-editor', 'demo-admin', 'demo-clerk'];
  const internal = ['createdBy', 'updatedBy', 'updatedAt', 'withdrawReason', 'scheduledBy', 'status'];
  for (const format of ['atom', 'json']) {
    const text = await (await fetch(`${base}/feeds/notices.${format}`)).text();
    for (const word of [...staff, ...internal]) expect(text).not.toContain(word);
    // The feed's own `version` is JSON Feed's URL; a record's version number would be a bare number.
    expect(text).not.toMatch(/"version":\s*\d/);
  }
});
