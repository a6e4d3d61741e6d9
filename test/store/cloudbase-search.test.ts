import { CloudbaseNoticeSearch, escapeRegExp, type CbSearchQuery, type CloudbaseSearchDb } from '../../cloudfunctions/_runtime/store/cloudbase-search';

/**
 * The CloudBase search over a small fake of the SDK's query surface: it
 * evaluates the commands this adapter sends (and, or, eq, lt, gt, RegExp),
 * sorts, limits and applies the projection, so what is checked is the query
 * the adapter builds, not canned answers.
 */
class Cmd { constructor(readonly op: string, readonly value: unknown) {} }
class Re { constructor(readonly re: RegExp) {} }
type Doc = Record<string, unknown>;

function fakeDb(docs: Doc[]): CloudbaseSearchDb & { projections: Array<Record<string, boolean>> } {
  const projections: Array<Record<string, boolean>> = [];
  const matches = (doc: Doc, c: unknown): boolean => {
    if (c instanceof Cmd && c.op === 'and') return (c.value as unknown[]).every((x) => matches(doc, x));
    if (c instanceof Cmd && c.op === 'or') return (c.value as unknown[]).some((x) => matches(doc, x));
    return Object.entries(c as Doc).every(([field, expected]) => {
      const actual = doc[field];
      if (expected instanceof Re) return typeof actual === 'string' && expected.re.test(actual);
      const { op, value } = expected as Cmd;
      if (op === 'eq') return actual === value;
      if (op === 'lt') return (actual as string) < (value as string);
      if (op === 'gt') return (actual as string) > (value as string);
      throw new Error(`unexpected ${op}`);
    });
  };
  const query = (where: unknown, order: Array<[string, string]>, max: number, projection: Record<string, boolean> | null): CbSearchQuery => ({
    where: (c) => query(c, order, max, projection),
    orderBy: (f, d) => query(where, [...order, [f, d]], max, projection),
    limit: (n) => query(where, order, n, projection),
    field: (p) => query(where, order, max, p),
    get: async () => {
      if (projection) projections.push(projection);
      const rows = docs.filter((d) => matches(d, where)).sort((a, b) => {
        for (const [f, d] of order) if (a[f] !== b[f]) return ((a[f] as string) < (b[f] as string) ? -1 : 1) * (d === 'asc' ? 1 : -1);
        return 0;
      });
      return { data: rows.slice(0, max).map((d) => (projection ? Object.fromEntries(Object.entries(d).filter(([k]) => projection[k])) : d)) };
    },
  });
  return {
    projections,
    command: {
      and: (v) => new Cmd('and', v), or: (v) => new Cmd('or', v), eq: (v) => new Cmd('eq', v), lt: (v) => new Cmd('lt', v), gt: (v) => new Cmd('gt', v),
    },
    RegExp: ({ regexp, options }) => new Re(new RegExp(regexp, options)),
    collection: () => query(null, [], 100, null),
  };
}

const notice = (i: number, extra: Doc = {}): Doc => ({
  _id: `n${i}`, kind: 'announcement', status: 'published', title: `第${i}号通知`, summary: '', body: '正文很长', departmentId: 'office',
  departmentName: '局办公室', publishedAt: `2026-11-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`, ...extra,
});

test('every term is required, over title, summary and 文号; published only; newest first; bodies never read', async () => {
  const db = fakeDb([
    notice(1, { title: '物业服务收费办法', kind: 'policy', docNumber: '云建发〔2019〕8号', issuingBody: '某局', validity: 'repealed' }),
    notice(2, { title: '关于物业培训的通知', status: 'withdrawn' }),
    notice(3, { summary: '涉及物业管理区域划分' }),
    notice(4, { body: '物业 只在正文里' }),
  ]);
  const search = new CloudbaseNoticeSearch(db);
  const page = await search.search({ terms: ['物业'], order: 'newest', limit: 10 });
  expect(page.items.map((h) => h.summary.id)).toEqual(['n3', 'n1']);
  expect(page.items[1].summary).toMatchObject({ docNumber: '云建发〔2019〕8号', validity: 'repealed' });
  expect(db.projections[0]).not.toHaveProperty('body');
  expect((await search.search({ terms: ['〔2019〕8号'], order: 'newest', limit: 10 })).items.map((h) => h.summary.id)).toEqual(['n1']);
  expect((await search.search({ terms: ['物业', '收费'], order: 'newest', limit: 10 })).items.map((h) => h.summary.id)).toEqual(['n1']);
});

test('pages with the keyset cursor, filters by kind', async () => {
  const db = fakeDb([1, 2, 3, 4, 5].map((i) => notice(i, { title: `物业通报${i}` })));
  const search = new CloudbaseNoticeSearch(db);
  const first = await search.search({ terms: ['物业'], order: 'newest', limit: 2 });
  const second = await search.search({ terms: ['物业'], order: 'newest', limit: 2, cursor: first.nextCursor });
  const third = await search.search({ terms: ['物业'], order: 'newest', limit: 2, cursor: second.nextCursor });
  expect([...first.items, ...second.items, ...third.items].map((h) => h.summary.id)).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
  expect(third.nextCursor).toBeNull();
  expect((await search.search({ terms: ['物业'], kind: 'policy', order: 'newest', limit: 2 })).items).toEqual([]);
});

test('regular-expression syntax in a query is matched literally', () => {
  expect(escapeRegExp('a.b*(c)[d]')).toBe('a\\.b\\*\\(c\\)\\[d\\]');
  expect(new RegExp(escapeRegExp('.*')).test('abc')).toBe(false);
});

const faqEntry = (i: number, extra: Doc = {}): Doc => ({
  _id: `f${i}`, status: 'active', question: `问题${i}`, answer: '', topic: '其他', departmentId: 'office',
  checkedAt: `2026-11-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`, ...extra,
});

test('FAQ: every term over question, answer and topic, active only; question matches first, then the most recently checked', async () => {
  const db = fakeDb([
    faqEntry(1, { question: '社保卡丢了怎么补办？' }),
    faqEntry(2, { answer: '带上社保卡和身份证。' }),
    faqEntry(3, { answer: '社保卡在一楼窗口办理。', topic: '社保' }),
    faqEntry(4, { question: '社保卡补办要多久？', status: 'retired' }),
    faqEntry(5, { answer: '社保卡', departmentId: 'housing' }),
  ]);
  const search = new CloudbaseNoticeSearch(db);
  // The question match is the oldest of them, yet comes first, as the local cloud's index orders it.
  expect((await search.searchFaq({ terms: ['社保卡'], limit: 10 })).map((e) => e.id)).toEqual(['f1', 'f5', 'f3', 'f2']);
  expect((await search.searchFaq({ terms: ['社保卡'], limit: 2 })).map((e) => e.id)).toEqual(['f1', 'f5']);
  expect((await search.searchFaq({ terms: ['社保卡', '窗口'], limit: 10 })).map((e) => e.id)).toEqual(['f3']);
  expect((await search.searchFaq({ terms: ['社保卡'], departmentId: 'office', topic: '社保', limit: 10 })).map((e) => e.id)).toEqual(['f3']);
  expect(await search.searchFaq({ terms: [], limit: 10 })).toEqual([]);
});
