import type { CollectionName, CollectionRecords } from '../../cloudfunctions/_runtime/collections';
import type { Store, Transaction, TxCollection } from '../../cloudfunctions/_runtime/store/port';

/**
 * A store that breaks on cue, to prove what survives a crash: `insertFault`
 * throws from an insert inside a transaction (the process "dies" mid-batch),
 * `transactionFault` refuses a whole transaction (the process died before it).
 */
export class FaultyStore implements Store {
  insertFault: ((collection: string, record: any) => boolean) | null = null;
  transactionFault: (() => boolean) | null = null;

  constructor(readonly inner: Store) {}

  collection<N extends CollectionName>(name: N) {
    return this.inner.collection(name);
  }

  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    if (this.transactionFault?.()) return Promise.reject(new Error('simulated crash before the transaction'));
    return this.inner.transaction((tx) =>
      work({
        collection: <N extends CollectionName>(name: N): TxCollection<CollectionRecords[N]> => {
          const c = tx.collection(name);
          return {
            get: (id) => c.get(id),
            update: (id, v, patch) => c.update(id, v, patch),
            delete: (id, v) => c.delete(id, v),
            insert: async (record) => {
              if (this.insertFault?.(name, record)) throw new Error(`simulated crash inserting into ${name}`);
              return c.insert(record);
            },
          };
        },
      }),
    );
  }
}
