import type { AnyCollections } from '../../cloudfunctions/_runtime/store/port';
import { CloudbaseStore, type CloudbaseDb } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import { FakeCloudbaseDb } from '../support/fake-cloudbase-db';
import { storeContract } from './store-contract';

/**
 * The CloudBase adapter under the same contract as SQLite: here over a fake
 * of the SDK's database (no network is reachable from this machine), and over
 * a real environment when credentials are given.
 */
storeContract('CloudBase adapter over a fake of the SDK database', () => new CloudbaseStore<AnyCollections>(new FakeCloudbaseDb()));

test('the adapter creates a collection on first write, and never queries inside a transaction', async () => {
  const db = new FakeCloudbaseDb();
  const store = new CloudbaseStore<AnyCollections>(db);
  await store.transaction(async (tx) => {
    const saved = await tx.collection('fresh').insert({ n: 1 });
    await tx.collection('fresh').update(saved.id, 1, { n: 2 });
  });
  expect(db.collections.has('fresh')).toBe(true);
  expect(db.log.filter((l) => l.startsWith('query'))).toEqual([]);
});

const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
if (TCB_ENV && TCB_SECRET_ID && TCB_SECRET_KEY) {
  storeContract('CloudBase adapter over a real environment', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk');
    const app = tcb.init({ env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
    return new CloudbaseStore<AnyCollections>(app.database() as CloudbaseDb);
  });
} else {
  test.skip('CloudBase adapter over a real environment: set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run it', () => undefined);
}

test('a collection created inside a transaction that rolled back is created again on the next write', async () => {
  const store = new CloudbaseStore<AnyCollections>(new FakeCloudbaseDb());
  await expect(
    store.transaction(async (tx) => {
      await tx.collection('fresh').insert({ n: 1 });
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  await store.collection('fresh').insert({ n: 2 });
  expect(await store.collection('fresh').count()).toBe(1);
});
