import { SaxesParser } from 'saxes';
import type { Department } from '../../shared/api/common';
import { escapeXml, parseFeedQuery, renderAtomFeed, renderJsonFeed, type FeedInput } from '../../shared/notices/notice-feeds';
import type { PublicNotice } from '../../shared/notices/notice-schema';

/** The feeds' rendering, with no IO: hostile text must come out as well-formed XML that reads back unchanged. */
const DEPARTMENTS: Department[] = [
  { id: 'office', name: '办公室', order: 1 },
  { id: 'policy', name: '政策法规科', order: 2 },
];

const HOSTILE = 'A<b>&amp;]]><!--x--> "q" \'s\' \u0001\u0008\u000B\u001F\uFFFE\uD800 end';
const HOSTILE_CLEAN = 'A<b>&amp;]]><!--x--> "q" \'s\'  end';

function policyNotice(overrides: Partial<PublicNotice> = {}): PublicNotice {
  return {
    id: 'n1',
    kind: 'policy',
    title: '某管理办法',
    summary: '',
    body: '正文',
    departmentId: 'policy',
    departmentName: '政策法规科',
    attachments: [
      { name: '全文.pdf', url: 'https://www.example.gov.cn/a.pdf', sizeBytes: 1234 },
      { name: '云端.pdf', url: 'cloud://env/attachments/2026-01/x.pdf', sizeBytes: 10 },
    ],
    docNumber: '云建发〔2026〕1号',
    issuingBody: '云溪区住房和城乡建设局',
    effectiveDate: '2026-01-01',
    validity: 'inForce',
    publishedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  } as PublicNotice;
}

function input(notices: PublicNotice[]): FeedInput {
  return {
    siteUrl: 'https://gov.example.cn',
    query: {},
    departments: DEPARTMENTS,
    notices,
    attachmentUrl: (url) => (url.startsWith('https://') ? url : null),
    now: new Date('2026-11-25T00:00:00Z'),
  };
}

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** A strict, namespace-aware XML parser (saxes, the one jsdom uses): any well-formedness error throws. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, a] of Object.entries(tag.attributes)) attributes[key] = typeof a === 'string' ? a : a.value;
    const node: XmlNode = { name: `{${tag.uri}}${tag.local}`, attributes, text: '', children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0];
}

const ATOM = 'http://www.w3.org/2005/Atom';
const child = (node: XmlNode, local: string, ns = ATOM) => node.children.find((c) => c.name === `{${ns}}${local}`);
const children = (node: XmlNode, local: string, ns = ATOM) => node.children.filter((c) => c.name === `{${ns}}${local}`);

test('the XML parser used here does refuse what is not well-formed', () => {
  expect(() => parseXml('<a>x & y</a>')).toThrow();
  expect(() => parseXml('<a>]]></a>')).toThrow();
  expect(() => parseXml('<a>\u0001</a>')).toThrow();
  expect(() => parseXml('<a><b></a>')).toThrow();
});

test('escaping: markup characters are escaped, characters XML cannot carry are dropped', () => {
  expect(escapeXml('<a href="x">&\'</a>]]>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;]]&gt;');
  expect(escapeXml('a\u0000b\u0007c\td\ne\rf\uFFFF\uDC00g😀')).toBe('abc\td\ne\rfg😀');
});

test('Atom: hostile titles, summaries, bodies and attachment names parse back exactly, minus forbidden characters', () => {
  const notice = policyNotice({ title: HOSTILE, summary: HOSTILE, body: HOSTILE, departmentName: HOSTILE, attachments: [{ name: HOSTILE, url: 'https://x.example/a?b=1&c=<2>', sizeBytes: 5 }] } as Partial<PublicNotice>);
  const feed = parseXml(renderAtomFeed(input([notice]), 'https://gov.example.cn/feeds/notices.atom'));
  expect(feed.name).toBe(`{${ATOM}}feed`);
  const entry = child(feed, 'entry')!;
  expect(child(entry, 'title')!.text).toBe(HOSTILE_CLEAN);
  expect(child(entry, 'summary')!.text).toBe(HOSTILE_CLEAN);
  expect(child(entry, 'content')!.text).toContain(HOSTILE_CLEAN);
  expect(child(child(entry, 'author')!, 'name')!.text).toBe(HOSTILE_CLEAN);
  const enclosure = children(entry, 'link').find((l) => l.attributes.rel === 'enclosure')!;
  expect(enclosure.attributes.href).toBe('https://x.example/a?b=1&c=<2>');
  expect(enclosure.attributes.title).toBe(HOSTILE_CLEAN);
});

test('Atom: the 文号 in our namespace and in the text, kind and department as categories, linkable attachments as enclosures', () => {
  const feed = parseXml(renderAtomFeed(input([policyNotice()]), 'https://gov.example.cn/feeds/notices.atom?kind=policy'));
  expect(child(feed, 'id')!.text).toBe('https://gov.example.cn/feeds/notices.atom?kind=policy');
  expect(child(feed, 'updated')!.text).toBe('2026-11-20T02:00:00.000Z');
  const entry = child(feed, 'entry')!;
  expect(child(entry, 'id')!.text).toBe('https://gov.example.cn/#/pages/notice-detail/index?id=n1');
  expect(child(entry, 'docNumber', 'https://sunshine-gov.example.cn/ns/feeds')!.text).toBe('云建发〔2026〕1号');
  expect(child(entry, 'content')!.text).toContain('文号：云建发〔2026〕1号');
  expect(children(entry, 'category').map((c) => c.attributes.term)).toEqual(['policy', 'department:policy']);
  const enclosures = children(entry, 'link').filter((l) => l.attributes.rel === 'enclosure');
  // The cloud:// file cannot be fetched from outside: not linked, but still named in the text.
  expect(enclosures.map((l) => [l.attributes.href, l.attributes.type, l.attributes.length])).toEqual([['https://www.example.gov.cn/a.pdf', 'application/pdf', '1234']]);
  expect(child(entry, 'content')!.text).toContain('- 云端.pdf');
});

test('an empty feed is still a valid Atom document, updated now', () => {
  const feed = parseXml(renderAtomFeed(input([]), 'https://gov.example.cn/feeds/notices.atom'));
  expect(children(feed, 'entry')).toHaveLength(0);
  expect(child(feed, 'updated')!.text).toBe('2026-11-25T00:00:00.000Z');
});

test('JSON Feed 1.1: required fields, attachments with mime types, the 文号 under our extension, hostile text kept as data', () => {
  const json = JSON.parse(renderJsonFeed(input([policyNotice({ title: HOSTILE } as Partial<PublicNotice>)]), 'https://gov.example.cn/feeds/notices.json'));
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.title).toContain('阳光政务');
  expect(json.feed_url).toBe('https://gov.example.cn/feeds/notices.json');
  const [item] = json.items;
  expect(item.id).toBe('https://gov.example.cn/#/pages/notice-detail/index?id=n1');
  expect(item.title).toBe(HOSTILE_CLEAN);
  expect(item.date_published).toBe('2026-11-20T02:00:00.000Z');
  expect(item.attachments).toEqual([{ url: 'https://www.example.gov.cn/a.pdf', mime_type: 'application/pdf', title: '全文.pdf', size_in_bytes: 1234 }]);
  expect(item._sunshine_gov).toMatchObject({ kind: 'policy', departmentId: 'policy', docNumber: '云建发〔2026〕1号' });
  expect(item.content_text).toContain('文号：云建发〔2026〕1号');
});

test('query: kind and department are checked, anything else refused in Chinese', () => {
  const q = (s: string) => parseFeedQuery(new URLSearchParams(s), DEPARTMENTS);
  expect(q('')).toEqual({ ok: true, query: {} });
  expect(q('kind=policy&department=office')).toEqual({ ok: true, query: { kind: 'policy', departmentId: 'office' } });
  // A page token is the store's cursor, passed on as it came (the store refuses one it did not make).
  expect(q('kind=policy&page=eyJrIjoxfQ')).toEqual({ ok: true, query: { kind: 'policy', page: 'eyJrIjoxfQ' } });
  for (const bad of ['kind=nope', 'kind=', 'department=nowhere', 'kind=policy&kind=guide', 'limit=2', 'page=a b', 'page=', 'page=a&page=b', 'department=__proto__']) {
    const result = q(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  }
});
