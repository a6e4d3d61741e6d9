import { SCAN_WINDOW } from '../../cloudfunctions/_runtime/store/sqlite-search';
import type { Notice } from '../../shared/notices/notice-schema';
import type { NoticeSearchResult } from '../../shared/notices/notice-search';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement, policy } from '../support/factories';

/** notices.search over the seeded demo bureau and real SQLite FTS5 (trigram), in Chinese. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const editor = 'demo-editor';
const search = async (data: object, as: string | null = 'resident-a') =>
  ok(await cloud.call(as, 'notices', { action: 'search', data })) as { items: NoticeSearchResult[]; nextCursor: string | null };
const titles = async (data: object) => (await search(data)).items.map((n) => n.title);
const hitsIn = (result: NoticeSearchResult) =>
  Object.fromEntries(result.highlights.map((h) => [h.field, h.parts.filter((p) => p.hit).map((p) => p.text)]));
async function publishNew(content: object): Promise<Notice> {
  const draft = ok(await cloud.call(editor, 'notices', { action: 'save', data: { notice: content } }));
  return ok(await cloud.call(editor, 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
}

test('a word found only in the body finds its notice, with the matched fragment', async () => {
  const result = await search({ q: '溪岸人才公寓' });
  expect(result.items.map((n) => n.title)).toEqual(['2026年第四批保障性租赁住房项目认定结果公示']);
  const [hit] = result.items;
  expect(hitsIn(hit)).toEqual({ body: ['溪岸人才公寓'] });
  const fragment = hit.highlights[0].parts.map((p) => p.text).join('');
  expect(fragment).toContain('溪岸人才公寓，房源312套');
  expect(fragment.length).toBeLessThan(100);
  // A summary like notices.list gives, plus highlights; never the body itself.
  expect(hit).toMatchObject({ kind: 'publicity', departmentName: '住房保障科', period: expect.any(Object) });
  expect(hit).not.toHaveProperty('body');
});

test('two-character words, which a trigram index cannot match, are found too', async () => {
  const wuye = await titles({ q: '物业' });
  expect(wuye).toContain('云溪区物业服务收费管理暂行办法');
  // The withdrawn 物业 training notice and the draft stay hidden.
  expect(wuye).not.toContain('关于组织开展物业管理从业人员培训的通知');
  const gongshi = await search({ q: '公示' });
  expect(gongshi.items.length).toBeGreaterThanOrEqual(2);
  for (const item of gongshi.items) expect(JSON.stringify(item.highlights)).toContain('"text":"公示","hit":true');
  expect(await titles({ q: '公示', kind: 'publicity' })).toEqual([
    '2026年第四批保障性租赁住房项目认定结果公示',
    '2026年度建筑业企业资质动态核查结果公示',
  ]);
});

test('a 文号 with Chinese, brackets and digits finds its policy, whole or in part', async () => {
  expect(await titles({ q: '云建发〔2026〕12号' })).toEqual(['云溪区既有住宅加装电梯管理办法']);
  const [hit] = (await search({ q: '〔2026〕12号' })).items;
  expect(hit.title).toBe('云溪区既有住宅加装电梯管理办法');
  expect(hitsIn(hit).docNumber).toEqual(['〔2026〕12号']);
  // "12号" is three characters: the index answers it, and only the policy has it.
  expect(await titles({ q: '12号' })).toEqual(['云溪区既有住宅加装电梯管理办法']);
});

test('terms separated by spaces must all occur; a short term narrows a long one', async () => {
  expect(await titles({ q: '加装电梯 备案' })).toEqual(['既有住宅加装电梯备案']);
  expect((await titles({ q: '加装电梯' })).length).toBeGreaterThanOrEqual(3);
  expect(await titles({ q: '加装电梯 并不存在的词' })).toEqual([]);
});

test('service guide fields are searched: a material in the checklist finds the guide', async () => {
  const [hit, ...rest] = (await search({ q: '房屋安全性鉴定报告' })).items;
  expect(rest).toEqual([]);
  expect(hit).toMatchObject({ title: '既有住宅加装电梯备案', kind: 'guide' });
  expect(hitsIn(hit).guide).toEqual(['房屋安全性鉴定报告']);
});

test('filters by kind and department', async () => {
  expect(await titles({ q: '加装电梯', kind: 'policy' })).toEqual(['云溪区既有住宅加装电梯管理办法']);
  expect(await titles({ q: '加装电梯', departmentId: 'approval' })).toEqual(['既有住宅加装电梯备案']);
  expect(await titles({ q: '加装电梯', kind: 'publicity' })).toEqual([]);
});

test('the index follows every write in its transaction: publish, edit, withdraw, and a rolled-back change', async () => {
  expect(await titles({ q: '樱花苑' })).toEqual([]);
  const notice = await publishNew(announcement({ title: '关于樱花苑小区停电的通知', body: '樱花苑小区周三停电。' }));
  expect(await titles({ q: '樱花苑' })).toEqual(['关于樱花苑小区停电的通知']);

  const edited = ok(await cloud.call(editor, 'notices', {
    action: 'save',
    data: { id: notice.id, version: notice.version, notice: announcement({ title: '关于梧桐苑小区停电的通知', body: '梧桐苑小区周三停电。' }) },
  }));
  expect(await titles({ q: '樱花苑' })).toEqual([]);
  expect(await titles({ q: '梧桐苑' })).toEqual(['关于梧桐苑小区停电的通知']);

  // A change whose transaction fails leaves the index as it was.
  await expect(cloud.store.transaction(async (tx) => {
    await tx.collection('notices').update(notice.id, edited.version, { title: '关于海棠苑小区停电的通知' });
    throw new Error('abandoned');
  })).rejects.toThrow('abandoned');
  expect(await titles({ q: '海棠苑' })).toEqual([]);
  expect(await titles({ q: '梧桐苑' })).toEqual(['关于梧桐苑小区停电的通知']);

  ok(await cloud.call(editor, 'notices', { action: 'withdraw', data: { id: notice.id, version: edited.version, reason: '停电取消' } }));
  expect(await titles({ q: '梧桐苑' })).toEqual([]);
});

test('newest first with cursor paging: every match once, in publish order', async () => {
  for (let i = 1; i <= 7; i++) {
    cloud.clock.now = new Date(Date.UTC(2026, 10, 24, 3, i));
    await publishNew(announcement({ title: `第${i}期物业服务质量通报`, body: `第${i}期通报正文。` }));
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await search({ q: '物业服务质量', limit: 3, cursor });
    seen.push(...page.items.map((n) => n.title));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `第${i}期物业服务质量通报`));
});

test('by relevance: a match in the title ranks above a match deep in a body', async () => {
  await publishNew(announcement({ title: '关于燃气管道改造的通知', body: '为保障用气安全，对老旧燃气管道进行改造。' }));
  cloud.clock.now = new Date('2026-11-25T02:00:00Z');
  await publishNew(announcement({ title: '第四季度工作安排', body: `${'各项工作有序推进。'.repeat(40)}其中包括燃气管道改造。` }));
  expect(await titles({ q: '燃气管道' })).toEqual(['第四季度工作安排', '关于燃气管道改造的通知']);
  expect(await titles({ q: '燃气管道', order: 'relevance' })).toEqual(['关于燃气管道改造的通知', '第四季度工作安排']);
});

test('a short word in a notice older than the scan window is still reached, page by page', async () => {
  // Many newer notices without the word: the first call scans its window, finds nothing, and says where to go on.
  const notices = cloud.store.collection('notices');
  const old = await publishNew(policy({ title: '旧规定', body: '本规定涉及燊字。', docNumber: '云建发〔2001〕1号' }));
  const base = Date.parse('2026-11-25T00:00:00Z');
  for (let i = 0; i < SCAN_WINDOW + 10; i++) {
    await notices.insert({ ...old, id: `filler-${i}`, title: `填充通知${i}`, body: '无关内容。', kind: 'announcement', publishedAt: new Date(base + i * 1000).toISOString() });
  }
  const first = await search({ q: '燊字' });
  expect(first.items).toEqual([]);
  expect(first.nextCursor).not.toBeNull();
  const second = await search({ q: '燊字', cursor: first.nextCursor });
  expect(second.items.map((n) => n.title)).toEqual(['旧规定']);
  expect(second.nextCursor).toBeNull();
});

test('bad queries and cursors get a clear code and message', async () => {
  expect(await cloud.call(null, 'notices', { action: 'search', data: { q: '   ' } })).toMatchObject({
    ok: false, code: 'VALIDATION_FAILED', fields: { q: '请输入要搜索的内容' },
  });
  expect(await cloud.call(null, 'notices', { action: 'search', data: { q: '物业', cursor: 'bm90LWEtY3Vyc29y' } })).toMatchObject({
    ok: false, code: 'VALIDATION_FAILED', fields: { cursor: expect.stringMatching(/[\u4e00-\u9fff]/) },
  });
  // Characters FTS5 would read as syntax are searched literally.
  expect((await search({ q: '"加装" OR NEAR(' })).items).toEqual([]);
});
