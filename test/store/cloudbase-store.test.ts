import type { AnyCollections } from '../../cloudfunctions/_runtime/store/port';
import { CloudbaseStore, type CloudbaseDb } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import { CloudbaseDbStandin, sdkDatabaseAt } from '../support/cloudbase-db-standin';
import { bundledCloudbaseSdk } from '../support/bundled-cloudbase-sdk';
import { storeContract } from './store-contract';

/**
 * The CloudBase adapter under the same contract as SQLite, over the real `@cloudbase/node-sdk` as the
 * functions carry it (test/support/bundled-cloudbase-sdk.ts, the file deployed beside each function): every
 * command, operator, sort, limit, projection and transaction is serialised by the SDK itself and sent
 * over HTTP to a local stand-in of CloudBase's database API (test/support/cloudbase-db-standin.ts, which
 * says where it differs from the real service), where mingo evaluates it as MongoDB would. No network
 * reaches CloudBase from this machine; with credentials the same suite runs on a real environment.
 */
const standin = new CloudbaseDbStandin();
let serviceUrl: string;
beforeAll(async () => {
  serviceUrl = await standin.start();
});
afterAll(() => standin.stop());
const sdkStore = () => new CloudbaseStore<AnyCollections>(sdkDatabaseAt(serviceUrl));

storeContract('CloudBase adapter over the real SDK and a stand-in of its database API', sdkStore);

test('the adapter creates a collection on first write, and never queries inside a transaction', async () => {
  const store = sdkStore();
  standin.actions.length = 0;
  await store.transaction(async (tx) => {
    const saved = await tx.collection('fresh').insert({ n: 1 });
    await tx.collection('fresh').update(saved.id, 1, { n: 2 });
  });
  expect(standin.collections.has('fresh')).toBe(true);
  expect(standin.actions).toEqual([
    'database.startTransaction',
    'database.insertDocument', // refused: the collection does not exist yet
    'database.addCollection',
    'database.insertDocument',
    'database.getDocument', // by id (queryType DOC), as transactions allow
    'database.modifyDocument',
    'database.commitTransaction',
  ]);
});

test('a collection created inside a transaction that rolled back is created again on the next write', async () => {
  const store = sdkStore();
  await expect(
    store.transaction(async (tx) => {
      await tx.collection('fresh2').insert({ n: 1 });
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  await store.collection('fresh2').insert({ n: 2 });
  expect(await store.collection('fresh2').count()).toBe(1);
});

test('two transactions changing the same record: the SDK retries the loser, which decides again on fresh data', async () => {
  const store = sdkStore();
  const saved = await store.collection('race').insert({ n: 0 });
  let release!: () => void;
  const bothRead = new Promise<void>((resolve) => (release = resolve));
  let reads = 0;
  const increment = () =>
    store.transaction(async (tx) => {
      const current = await tx.collection('race').get(saved.id);
      if (++reads === 2) release();
      await bothRead;
      return tx.collection('race').update(saved.id, current!.version, { n: (current!.n as number) + 1 });
    });
  await Promise.all([increment(), increment()]);
  expect(await store.collection('race').get(saved.id)).toMatchObject({ n: 2, version: 3 });
  expect(standin.actions.filter((a) => a === 'database.startTransaction').length).toBeGreaterThanOrEqual(3);
});

const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
  let tcb: Awaited<ReturnType<typeof bundledCloudbaseSdk>>['sdk'];
  beforeAll(async () => {
    tcb = (await bundledCloudbaseSdk()).sdk;
  });
  storeContract('CloudBase adapter over a real environment', () => {
    const app = tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
    return new CloudbaseStore<AnyCollections>(app.database() as CloudbaseDb);
  });
} else {
  test.skip('CloudBase adapter over a real environment: set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run it', () => undefined);
}
