import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';

/**
 * faq.search over the real SQLite store: an FTS5 index of character grams, kept in step by
 * triggers — two-character terms answered from it, an entry however far back in a large FAQ
 * found, edits and retirements reflected at once, and the department and topic filters.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const save = async (entry: Record<string, unknown>, ref: { id?: string; version?: number } = {}) =>
  ok(await cloud.call('demo-admin', 'faq', { action: 'save', data: { ...ref, entry: { topic: '综合', ...entry } } })) as { id: string; version: number };
const search = async (q: string, filters: Record<string, unknown> = {}) =>
  (ok(await cloud.call('resident-a', 'faq', { action: 'search', data: { q, limit: 20, ...filters } })).items as Array<{ id: string }>).map((i) => i.id);

test('one- and two-character terms are answered from the index, and entries saved after it was built are in it', async () => {
  const dog = await save({ question: '如何办理养犬登记？', answer: '携带身份证和犬只免疫证明到所在街道办理。', topic: '养犬登记', departmentId: 'office' });
  expect(await search('养犬')).toEqual([dog.id]);
  const card = await save({ question: '社保卡丢了在哪里补办？', answer: '到区政务服务中心一楼社保窗口补办，当场出卡。', topic: '社保', departmentId: 'housing' });
  expect(await search('社保')).toEqual([card.id]);
  expect(await search('证')).toEqual([dog.id]);
  expect(await search('补办 窗口')).toEqual([card.id]);
  expect(await search('养犬 窗口')).toEqual([]);
  // Grams never bridge punctuation: 登记携带 does not occur in the text.
  expect(await search('登记携带')).toEqual([]);
  expect(await search('？？')).toEqual([]);
});

test('an edit and a retirement change what is found at once; the question matches first, then the most recently checked', async () => {
  const a = await save({ question: '公积金提取需要什么材料？', answer: '身份证、银行卡。' });
  cloud.clock.now = new Date(cloud.clock.now.getTime() + 60_000);
  const b = await save({ question: '租房可以提取吗？', answer: '可以提取公积金，需租房合同。' });
  cloud.clock.now = new Date(cloud.clock.now.getTime() + 60_000);
  const c = await save({ question: '异地购房怎么办理？', answer: '异地购房可提取公积金。' });
  expect(await search('公积金')).toEqual([a.id, c.id, b.id]);

  await save({ question: '住房租赁可以提取吗？', answer: '可以，需要租赁合同。' }, { id: b.id, version: b.version });
  expect(await search('公积金')).toEqual([a.id, c.id]);
  expect(await search('租赁')).toEqual([b.id]);
  expect(await search('租房')).toEqual([]);

  ok(await cloud.call('demo-admin', 'faq', { action: 'retire', data: { id: a.id, version: a.version } }));
  expect(await search('公积金')).toEqual([c.id]);
});

test('filters: by department and by topic', async () => {
  const office = await save({ question: '政府信息公开申请怎么交？', answer: '在小程序提交申请。', topic: '依申请公开', departmentId: 'office' });
  const housing = await save({ question: '保障房申请怎么交？', answer: '到住房保障科窗口提交申请。', topic: '保障房', departmentId: 'housing' });
  expect((await search('申请')).sort()).toEqual([office.id, housing.id].sort());
  expect(await search('申请', { departmentId: 'housing' })).toEqual([housing.id]);
  expect(await search('申请', { topic: '依申请公开' })).toEqual([office.id]);
  expect(await search('申请', { topic: '依申请公开', departmentId: 'housing' })).toEqual([]);
});

test('an entry behind more than five thousand others is still found: nothing is scanned', async () => {
  const old = await save({ question: '户口迁移在哪里办理？', answer: '到户籍所在地派出所办理。', topic: '户籍' });
  await cloud.store.transaction(async (tx) => {
    for (let i = 0; i < 5100; i += 1) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      await tx.collection('faq').insert({
        question: `第${i}号常见问题`, answer: '其他事项的回答。', topic: '其他', departmentId: null, departmentName: null, status: 'active',
        sourceCaseId: null, helpfulCount: 0, checkedAt: at, createdAt: at, updatedAt: at, updatedByName: null,
      });
    }
  });
  expect(await search('户口')).toEqual([old.id]);
  expect(await search('户口迁移')).toEqual([old.id]);
});

test('faq.topics counts the active entries per topic, most first, for a department or all', async () => {
  await save({ question: '养犬登记要带什么？', answer: '身份证。', topic: '养犬登记', departmentId: 'office' });
  await save({ question: '犬只年检在哪里？', answer: '街道。', topic: '养犬登记', departmentId: 'housing' });
  await save({ question: '社保卡补办？', answer: '政务服务中心。', topic: '社保', departmentId: 'housing' });
  const retired = await save({ question: '旧的社保问题', answer: '已过时。', topic: '社保', departmentId: 'housing' });
  ok(await cloud.call('demo-admin', 'faq', { action: 'retire', data: { id: retired.id, version: retired.version } }));
  const topics = async (data: Record<string, unknown>) => ok(await cloud.call('resident-a', 'faq', { action: 'topics', data })).topics;
  expect(await topics({})).toEqual([{ topic: '养犬登记', count: 2 }, { topic: '社保', count: 1 }]);
  // Equal counts in pinyin order: 社保 (shè) before 养犬登记 (yǎng).
  expect(await topics({ departmentId: 'housing' })).toEqual([{ topic: '社保', count: 1 }, { topic: '养犬登记', count: 1 }]);
  expect(await topics({ departmentId: 'office' })).toEqual([{ topic: '养犬登记', count: 1 }]);
});
