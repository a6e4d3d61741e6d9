import type { Collection, Store, Transaction, TxCollection } from './store/port';

/**
 * "A message was enqueued: deliver it now." A function that commits an outbox row asks the
 * `deliveries` function to run at once rather than leaving the resident's reply to the next
 * timer tick (up to a minute on CloudBase). The ask is fire-and-forget: the caller's answer never
 * waits for WeChat, and if the ask is lost the timer still delivers.
 *
 * `watchEnqueues` wraps a handler's store so that `invoke` learns, after the handler returned,
 * whether any outbox row was committed — inside a transaction (counted only when it commits) or
 * on its own — without any handler having to remember to ask.
 */
export type WakeDeliveries = () => void;

/** The event the `deliveries` function is woken with (its own timer sends `Type: 'Timer'`). */
export const WAKE_EVENT = { Type: 'Wake' } as const;

export function isWakeEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === WAKE_EVENT.Type;
}

export interface WatchedStore {
  store: Store;
  /** Whether an outbox row was committed through `store` so far. */
  enqueued(): boolean;
}

export function watchEnqueues(inner: Store): WatchedStore {
  let enqueued = false;
  const watchInsert = <T>(collection: TxCollection<T>, onInsert: () => void): TxCollection<T> =>
    new Proxy(collection, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'insert' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          onInsert();
          return result;
        };
      },
    });
  const store: Store = {
    collection(name) {
      const collection = inner.collection(name);
      return (name === 'outbox' ? watchInsert(collection, () => (enqueued = true)) : collection) as Collection<never>;
    },
    async transaction(work) {
      let inTx = false;
      const result = await inner.transaction((tx) => {
        const watched: Transaction = {
          collection(name) {
            const collection = tx.collection(name);
            return (name === 'outbox' ? watchInsert(collection, () => (inTx = true)) : collection) as TxCollection<never>;
          },
        };
        return work(watched);
      });
      if (inTx) enqueued = true;
      return result;
    },
    close: inner.close?.bind(inner),
    purgeFreed: inner.purgeFreed?.bind(inner),
    remember: inner.remember?.bind(inner),
  };
  return { store, enqueued: () => enqueued };
}
