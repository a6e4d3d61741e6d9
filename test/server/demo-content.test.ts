import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { PROPERTY_FEE_MEASURES_ID } from '../../server/demo-data';
import { checkAttachmentFile } from '../../shared/files/attachment-files';
import { signedInClient } from '../support/signed-in-client';

/**
 * The demo bureau's content leads somewhere: a guide that mentions a downloadable 示范文本 carries it,
 * and the local cloud serves it as a real Word file; the repealed policy names the policy that
 * replaced it, which is published; the guide names the office, the FAQ answers, and the clerk finds
 * cases in the states they meet.
 */
let dataDir: string;
let cloud: LocalCloud;
let base: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-demo-content-'));
  cloud = await startLocalCloud({ dataDir, log: silentLogger, dispatchIntervalMs: false, rateLimits: false, demoInquiries: true });
  await new Promise<void>((resolve) => cloud.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('every published guide whose 示范文本 says it can be downloaded has it attached, and anyone can download it', async () => {
  const guides = (await cloud.store.collection('notices').find({ where: { kind: 'guide', status: 'published' }, orderBy: [['updatedAt', 'desc']], limit: 50 })).items;
  const mentioning = guides.filter((g) => g.kind === 'guide' && /下载|示范文本》/.test(g.guide.sampleForm));
  expect(mentioning.length).toBeGreaterThanOrEqual(2);
  for (const guide of mentioning) {
    const sample = guide.attachments.find((a) => a.name.includes('示范文本'));
    expect([guide.title, sample?.url]).toEqual([guide.title, expect.stringMatching(/^\/files\/[A-Za-z0-9_-]{22}$/)]);
    const res = await fetch(`${base}${sample!.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(sample!.sizeBytes);
    // What an upload of the same file would have to pass: a zip package holding word/document.
    expect(checkAttachmentFile(sample!.name, bytes)).toMatchObject({ ok: true });
    expect(bytes.includes(Buffer.from('示范文本', 'utf8'))).toBe(true);
  }
});

test('the repealed policy names the policy that replaced it, published and in force', async () => {
  const repealed = (await cloud.store.collection('notices').find({ where: { kind: 'policy', status: 'published' }, orderBy: [['updatedAt', 'desc']], limit: 50 })).items.filter((n) => n.kind === 'policy' && n.validity === 'repealed');
  expect(repealed.length).toBeGreaterThan(0);
  for (const policy of repealed) {
    expect(policy.kind === 'policy' && policy.replacedById).toBe(PROPERTY_FEE_MEASURES_ID);
    expect(await cloud.store.collection('notices').get(PROPERTY_FEE_MEASURES_ID)).toMatchObject({ status: 'published', kind: 'policy', validity: 'inForce' });
  }
});

test('the demo\'s 咨询投诉: a filled guide, FAQ entries found by search, and cases late, open, answered and closed on the spot', async () => {
  const { api } = signedInClient(() => base);
  const guide = await api('demo-resident', 'guide', 'get', {});
  expect(guide.office.address).not.toContain('请管理员填写');
  expect((await api('demo-resident', 'faq', 'search', { q: '公租房' })).items.length).toBeGreaterThanOrEqual(2);
  const queue = (await api('demo-clerk', 'inquiries', 'queue', { limit: 50 })).items;
  expect(queue.some((c: any) => c.overdue)).toBe(true);
  expect(queue.some((c: any) => !c.overdue && c.status === 'open')).toBe(true);
  expect((await api('demo-clerk', 'inquiries', 'queue', { status: 'closed', limit: 50 })).items.map((c: any) => c.channel)).toContain('phone');
  expect((await api('demo-resident', 'inquiries', 'mine', {})).items.map((c: any) => c.status).sort()).toEqual(['answered', 'open', 'open']);
});
