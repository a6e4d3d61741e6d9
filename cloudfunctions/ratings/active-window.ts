import { AppError } from '../../shared/api/errors';
import type { WindowRecord } from '../../shared/ratings/ratings-types';
import type { Store, Stored } from '../_runtime/store/port';

/** A window a resident may rate by its bare QR: a stopped or unknown window is WINDOW_NOT_FOUND. */
export async function activeWindow(store: Store, id: string): Promise<Stored<WindowRecord>> {
  const window = await store.collection('windows').get(id);
  if (!window || !window.active) throw new AppError('WINDOW_NOT_FOUND');
  return window;
}
