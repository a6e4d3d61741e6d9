import { AppError, type ErrorCode } from '../../shared/api/errors';
import type { CollectionName, CollectionRecords, StoredEvent } from './collections';
import { keepDerived } from './derived-records';
import { applyPatch, DuplicateIdError, VersionConflictError, type Patch, type Store, type Stored, type Transaction } from './store/port';

/**
 * What a pure domain function decided about one record: the fields to set,
 * the `events` records that say so, and whatever else the same change writes
 * (outbox rows, a notice's version, rating tallies) in the same transaction.
 */
export interface Change<R> {
  patch: Patch<R>;
  events: readonly StoredEvent[];
  alongside?: (tx: Transaction, saved: Stored<R>) => Promise<void>;
}

export interface ChangeSpec<N extends CollectionName> {
  collection: N;
  id: string;
  /**
   * The version the actor read: a change made on a stale page is refused
   * (VersionConflictError, VERSION_CONFLICT to the caller) before anything is
   * decided. `'current'` is for the system's own jobs, which decide on what
   * they read now; their write is still version-checked.
   */
  expectedVersion: number | 'current';
  /** Answered when the record is missing, or not the caller's to see (`visible`). */
  notFound: ErrorCode;
  visible?: (current: Stored<CollectionRecords[N]>) => boolean;
  /**
   * For records made by their first change (a bureau's edit of a built-in letter template): what a
   * missing record starts as. It is then version 0, so `expectedVersion: 0` creates it and a second
   * creator racing the first is refused like any stale version.
   */
  initial?: CollectionRecords[N];
  /** Reads the record as it is inside the transaction; `null` when there is nothing to change (nothing is written). */
  decide: (current: Stored<CollectionRecords[N]>, tx: Transaction) => Change<CollectionRecords[N]> | null | Promise<Change<CollectionRecords[N]> | null>;
}

export interface ChangeResult<R> {
  record: Stored<R>;
  changed: boolean;
}

/**
 * The one road every versioned change takes: read → the domain decides →
 * write against the version read → events and outbox rows, all in one
 * transaction. "Every change writes its event in the same transaction" holds
 * by construction: a decision with a patch and no event is refused as a
 * programming error, before anything is written.
 */
export function changeRecord<N extends CollectionName>(store: Store, spec: ChangeSpec<N>): Promise<ChangeResult<CollectionRecords[N]>> {
  return store.transaction((tx) => changeRecordIn(tx, spec));
}

/**
 * The same road inside a transaction the caller already holds: several
 * changes that must land together (the demo seed's whole bureau) each take it.
 */
export async function changeRecordIn<N extends CollectionName>(tx: Transaction, spec: ChangeSpec<N>): Promise<ChangeResult<CollectionRecords[N]>> {
  const records = tx.collection(spec.collection);
  const stored = await records.get(spec.id);
  const current = stored ?? (spec.initial === undefined ? null : ({ ...spec.initial, id: spec.id, version: 0 } as Stored<CollectionRecords[N]>));
  if (!current || (spec.visible && !spec.visible(current))) throw new AppError(spec.notFound);
  if (spec.expectedVersion !== 'current' && current.version !== spec.expectedVersion) throw new VersionConflictError(spec.collection, spec.id);
  const change = await spec.decide(current, tx);
  if (!change) return { record: current, changed: false };
  if (change.events.length === 0) throw new Error(`a change to ${spec.collection}/${spec.id} must record at least one event`);
  const saved = stored
    ? await records.update(spec.id, stored.version, change.patch)
    : await records.insert(applyPatch(current, change.patch, 1)).catch((error: unknown) => {
        // Another first change landed meanwhile: the same refusal as any stale version.
        throw error instanceof DuplicateIdError ? new VersionConflictError(spec.collection, spec.id) : error;
      });
  const events = tx.collection('events');
  for (const event of change.events) await events.insert(event);
  await keepDerived(tx, spec.collection, saved);
  await change.alongside?.(tx, saved);
  return { record: saved, changed: true };
}

/**
 * For the system's jobs: a change that lost a race with a person acting at the
 * same moment is retried on the fresh version, at most `attempts` times.
 */
export async function changeRecordRetrying<N extends CollectionName>(
  store: Store,
  spec: Omit<ChangeSpec<N>, 'expectedVersion'>,
  attempts = 3,
): Promise<ChangeResult<CollectionRecords[N]>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await changeRecord(store, { ...spec, expectedVersion: 'current' });
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= attempts) throw error;
    }
  }
}
