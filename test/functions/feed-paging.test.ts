import { answerFeedEvent } from '../../cloudfunctions/feeds/feeds-http';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';

/**
 * Paged feeds (RFC 5005): past the 50 newest, a feed points at the next older page (Atom
 * rel="next", JSON Feed next_url) until every published notice has been read once; a bad page
 * token is a 400 in Chinese. Attachments are linked in the text as well as in enclosures.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const answer = (query: Record<string, string> = {}, format: 'json' | 'atom' = 'json') =>
  answerFeedEvent({ path: `/feeds/notices.${format}`, httpMethod: 'GET', headers: { host: 'feeds.example.cn' }, queryStringParameters: query }, { store: () => cloud.store, siteUrl: 'https://gov.example.cn', now: cloud.clock.now });
const pageOf = (url: string) => new URL(url).searchParams.get('page') as string;

test('a feed is read page by page to its oldest notice, each once, in the order notices.list gives', async () => {
  for (let i = 0; i < 45; i += 1) {
    const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: `分页测试通知 ${i}` }) } }));
    ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  }
  const listed: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ id: string }>; nextCursor: string | null } = ok(await cloud.call(null, 'notices', { action: 'list', data: { limit: 50, cursor } }));
    listed.push(...page.items.map((n: { id: string }) => `https://gov.example.cn/#/pages/notice-detail/index?id=${n.id}`));
    cursor = page.nextCursor;
  } while (cursor);
  expect(listed.length).toBeGreaterThan(50);

  const read: string[] = [];
  let feed = JSON.parse((await answer()).body);
  expect(feed.items).toHaveLength(50);
  read.push(...feed.items.map((i: { id: string }) => i.id));
  let pages = 1;
  while (feed.next_url) {
    expect(feed.next_url).toMatch(/^https:\/\/feeds\.example\.cn\/feeds\/notices\.json\?page=/);
    feed = JSON.parse((await answer({ page: pageOf(feed.next_url) })).body);
    read.push(...feed.items.map((i: { id: string }) => i.id));
    pages += 1;
  }
  expect(pages).toBe(Math.ceil(listed.length / 50));
  expect(read).toEqual(listed);

  const atom = (await answer({}, 'atom')).body;
  const next = /<link rel="next" type="application\/atom\+xml" href="([^"]+)"\/>/.exec(atom)?.[1] as string;
  expect(next).toMatch(/\/feeds\/notices\.atom\?page=/);
  const older = (await answer({ page: pageOf(next.replace(/&amp;/g, '&')) }, 'atom')).body;
  expect(older).toContain('<link rel="first" type="application/atom+xml" href="https://feeds.example.cn/feeds/notices.atom"/>');
  expect(older).not.toContain('rel="next"');
});

test('a bad page token is refused in Chinese, never an empty page', async () => {
  for (const page of ['不是游标', 'eyJub3QiOiJhIGN1cnNvciJ9', '']) {
    const res = await answer({ page });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/翻页/) });
  }
});

test('an attachment that can be fetched is linked in the text too', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '带附件的通知', attachments: [{ name: '实施方案.pdf', url: 'https://www.yunxi.gov.cn/files/plan.pdf', sizeBytes: 2048 }] }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  const feed = JSON.parse((await answer()).body);
  const item = feed.items.find((i: { title: string }) => i.title === '带附件的通知');
  expect(item.content_text).toContain('- 实施方案.pdf：https://www.yunxi.gov.cn/files/plan.pdf');
  expect(item.attachments).toEqual([{ url: 'https://www.yunxi.gov.cn/files/plan.pdf', mime_type: 'application/pdf', title: '实施方案.pdf', size_in_bytes: 2048 }]);
});
