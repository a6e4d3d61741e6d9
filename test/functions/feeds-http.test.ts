import { answerFeedEvent } from '../../cloudfunctions/feeds/feeds-http';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';

/** The CloudBase HTTP-access entry of the open feeds, over the real SQLite store with the demo data. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const answer = (event: object, siteUrl: string | undefined = 'https://gov.example.cn/') =>
  answerFeedEvent(event, { store: () => cloud.store, siteUrl, now: cloud.clock.now });

test('HTTP access event → the same feed as the local cloud, links on the configured site', async () => {
  const res = await answer({ path: '/feeds/notices.json', httpMethod: 'GET', headers: { Host: 'x.tcloudbase.com' }, queryStringParameters: { kind: 'policy' } });
  expect(res.statusCode).toBe(200);
  expect(res.isBase64Encoded).toBe(false);
  expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
  expect(res.headers['cache-control']).toBe('public, max-age=300');
  const feed = JSON.parse(res.body);
  // The feed's own address is where it was read (the HTTP access domain); its items link to the site.
  expect(feed.feed_url).toBe('https://x.tcloudbase.com/feeds/notices.json?kind=policy');
  expect(feed.home_page_url).toBe('https://gov.example.cn/');
  const listed = ok(await cloud.call(null, 'notices', { action: 'list', data: { kind: 'policy', limit: 50 } }));
  expect(feed.items.map((i: any) => i.id)).toEqual(listed.items.map((n: any) => `https://gov.example.cn/#/pages/notice-detail/index?id=${n.id}`));

  const atom = await answer({ path: '/feeds/notices.atom', httpMethod: 'GET', headers: { 'If-None-Match': 'x' } });
  expect(atom.statusCode).toBe(200);
  expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  const unchanged = await answer({ path: '/feeds/notices.atom', httpMethod: 'GET', headers: { 'If-None-Match': atom.headers.etag } });
  expect(unchanged.statusCode).toBe(304);
  expect(unchanged.body).toBe('');
});

test('without a configured site the links use the host asked; bad values 400 in Chinese; other paths and methods 404 without touching the store', async () => {
  const feed = JSON.parse((await answer({ path: '/notices.json', headers: { host: 'feeds.example.cn' } }, '')).body);
  expect(feed.home_page_url).toBe('https://feeds.example.cn/');
  const bad = await answer({ path: '/feeds/notices.json', httpMethod: 'GET', queryStringParameters: { department: 'nowhere' } });
  expect(bad.statusCode).toBe(400);
  expect(JSON.parse(bad.body).message).toMatch(/[\u4e00-\u9fff]/);
  const untouched = { store: () => { throw new Error('store read'); }, siteUrl: undefined, now: cloud.clock.now };
  for (const event of [{ path: '/feeds/notices.rss' }, { path: '/feeds/notices.json', httpMethod: 'POST' }, {}]) {
    const res = await answerFeedEvent(event, untouched);
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  }
});
