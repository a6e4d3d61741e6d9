import { cloudbaseMain } from '../../cloudfunctions/_runtime/cloudbase-main';
import { CloudbaseStore } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import type { NoticeSearch } from '../../cloudfunctions/_runtime/store/search-port';
import { findFunction } from '../../cloudfunctions/registry';
import { CloudbaseDbStandin, sdkDatabaseAt } from '../support/cloudbase-db-standin';

/**
 * On CloudBase a call without an OPENID (the web page of a shared link, signed in anonymously) is
 * limited by the address the platform saw it come from, as the local cloud limits anonymous calls by
 * IP: the production entry (cloudbase-main.ts) reads it from the platform's context, never from the
 * event. Run through the real entry and the real SDK, against a stand-in of CloudBase's database API.
 */
const standin = new CloudbaseDbStandin();
let serviceUrl: string;
beforeAll(async () => {
  serviceUrl = await standin.start();
});
afterAll(() => standin.stop());

const noSearch: NoticeSearch = { search: async () => ({ items: [], nextCursor: null }), searchFaq: async () => [] };

function entry() {
  standin.collections.clear();
  const store = new CloudbaseStore(sdkDatabaseAt(serviceUrl));
  // A fixed moment: sixty calls on a slow machine must not straddle two minute windows.
  const now = () => new Date('2026-11-24T02:00:10Z');
  return cloudbaseMain(findFunction('notices')!, () => ({ store, search: noSearch, now }));
}

/** The function's context as CloudBase hands it over: its variables as JSON in `environment`. */
const context = (variables: Record<string, string>) => ({ environment: JSON.stringify(variables) });
const search = { action: 'search', data: { q: '电梯' } };

beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));

// Sixty-odd calls through the real SDK take seconds on a loaded machine: what is asserted is the
// store's counting, never how fast it goes.
jest.setTimeout(180_000);

test('anonymous searches are counted per source address: the 61st in a minute is refused, another address is not', async () => {
  const main = entry();
  const from = context({ TCB_SOURCE_IP: '203.0.113.7', TCB_ISANONYMOUS_USER: 'true' });
  for (let i = 0; i < 60; i++) expect(await main(search, from)).toMatchObject({ ok: true });
  const refused = await main(search, from);
  expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  expect(refused.ok === false && refused.message).toMatch(/^操作过于频繁：每分钟最多搜索 60 次/);
  // What the event says about the caller counts for nothing.
  expect(await main({ ...search, clientIp: '198.51.100.1', userInfo: { openId: 'someone' } }, from)).toMatchObject({ code: 'RATE_LIMITED' });
  expect(await main(search, context({ TCB_SOURCE_IP: '198.51.100.20' }))).toMatchObject({ ok: true });
  // A mini-program call carries an OPENID and is counted by it, whatever its address.
  expect(await main(search, context({ TCB_SOURCE_IP: '203.0.113.7', WX_OPENID: 'resident-openid' }))).toMatchObject({ ok: true });
});

test('WeChat’s client address stands in when CloudBase names no source address', async () => {
  const main = entry();
  const from = context({ WX_CLIENTIP: '192.0.2.44' });
  for (let i = 0; i < 60; i++) await main(search, from);
  expect(await main(search, from)).toMatchObject({ code: 'RATE_LIMITED' });
  expect(await main(search, context({ WX_CLIENTIP: '192.0.2.45' }))).toMatchObject({ ok: true });
});
