import type { Collection, Store } from './port';

/** A write attempted by an action that the contract declares read-only (`writes: false`). */
export class ReadOnlyActionError extends Error {
  constructor(action: string, what: string) {
    super(`${action} is declared read-only (writes: false) but called ${what}`);
    this.name = 'ReadOnlyActionError';
  }
}

/** The store as a read-only action sees it: get, find and count pass through; anything that writes throws. */
export function readOnlyStore(store: Store, action: string): Store {
  const refuse = (what: string) => () => Promise.reject(new ReadOnlyActionError(action, what));
  return {
    collection<T>(name: string): Collection<T> {
      const inner = store.collection<T>(name);
      return {
        get: (id) => inner.get(id),
        find: (options) => inner.find(options),
        count: (where) => inner.count(where),
        insert: refuse(`insert on ${name}`),
        update: refuse(`update on ${name}`),
      };
    },
    transaction: refuse('transaction'),
  };
}
