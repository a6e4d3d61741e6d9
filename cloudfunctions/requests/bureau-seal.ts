import { SEAL_SETTINGS_ID, type SealView } from '../../shared/requests/letter-seal';
import type { Store } from '../_runtime/store/port';

/**
 * The bureau's seal as its letters carry it (the `meta` document `seal`), with the document's version.
 * Putting it up is the letter templates function's (save-seal.ts): the requests function only reads it.
 */
export async function loadSeal(store: Store): Promise<SealView> {
  const doc = await store.collection('meta').get(SEAL_SETTINGS_ID);
  return { png: doc?.sealPng ?? null, version: doc?.version ?? 0, updatedAt: doc?.sealUpdatedAt ?? null, updatedByName: doc?.sealUpdatedByName ?? null };
}
