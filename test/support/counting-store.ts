import type { Collection, Store, Transaction, TxCollection } from '../../cloudfunctions/_runtime/store/port';

/**
 * A store that counts what is asked of the real one underneath: each read (get, find, count) and
 * write (insert, update, delete) per collection, and each transaction. A write counts when it is
 * made (a rolled-back transaction's writes count too: they were paid for).
 */
export type Operation = 'get' | 'find' | 'count' | 'insert' | 'update' | 'delete';
const READS: readonly Operation[] = ['get', 'find', 'count'];
const WRITES: readonly Operation[] = ['insert', 'update', 'delete'];

export interface StoreCounts {
  reads: number;
  writes: number;
  transactions: number;
  /** `collection.operation` → calls, e.g. `bulletins.insert`. */
  byCall: Record<string, number>;
}

export interface CountingStore {
  store: Store;
  counts(): StoreCounts;
  reset(): void;
}

export function countingStore(inner: Store): CountingStore {
  let counts: StoreCounts = fresh();
  const counted = <C extends object>(name: string, collection: C): C =>
    new Proxy(collection, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const op = property as Operation;
        if (!READS.includes(op) && !WRITES.includes(op)) return value.bind(target);
        return (...args: unknown[]) => {
          if (READS.includes(op)) counts.reads += 1;
          else counts.writes += 1;
          counts.byCall[`${name}.${op}`] = (counts.byCall[`${name}.${op}`] ?? 0) + 1;
          return value.apply(target, args);
        };
      },
    });
  const store: Store = {
    collection: (name) => counted(name, inner.collection(name)) as Collection<never>,
    transaction(work) {
      counts.transactions += 1;
      return inner.transaction((tx) => work({ collection: (name) => counted(name, tx.collection(name)) as TxCollection<never> } as Transaction));
    },
    close: inner.close?.bind(inner),
    purgeFreed: inner.purgeFreed?.bind(inner),
  };
  return { store, counts: () => ({ ...counts, byCall: { ...counts.byCall } }), reset: () => (counts = fresh()) };
}

function fresh(): StoreCounts {
  return { reads: 0, writes: 0, transactions: 0, byCall: {} };
}
