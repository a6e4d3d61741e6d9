import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreReentryError, TransactionClosedError } from './port';

interface OpenTransaction {
  open: boolean;
}

/**
 * Knows whether the code running now was started inside one of this store's
 * transactions. AsyncLocalStorage follows the async chain, so a concurrent
 * request served by the same process is never mistaken for re-entry, while
 * `store.collection(…)` awaited inside the transaction's own work is caught
 * at once instead of waiting for a lock its own transaction holds.
 */
export class TransactionScope {
  private readonly storage = new AsyncLocalStorage<OpenTransaction>();

  /** Throws StoreReentryError when called from inside an open transaction of this store. */
  refuseInside(what: string): void {
    if (this.storage.getStore()?.open) throw new StoreReentryError(what);
  }

  /** Whether the code running now was started inside one of this store's open transactions. */
  inside(): boolean {
    return this.storage.getStore()?.open === true;
  }

  /**
   * Runs `work` as a transaction's body. The returned guard throws once the
   * transaction is over, so a transaction's collection that leaks out of its
   * work cannot write outside it.
   */
  async run<R>(work: (guard: () => void) => Promise<R>): Promise<R> {
    const state: OpenTransaction = { open: true };
    const guard = () => {
      if (!state.open) throw new TransactionClosedError();
    };
    try {
      return await this.storage.run(state, () => work(guard));
    } finally {
      state.open = false;
    }
  }
}
