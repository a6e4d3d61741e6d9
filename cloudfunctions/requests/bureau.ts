import { UNNAMED_GOVERNMENT, type Bureau } from '../../shared/requests/reply-categories';
import type { Store } from '../_runtime/store/port';

/**
 * The bureau as its letters name it: the `meta/bureau` document, set at
 * deployment (the demo seeds one) — its name, and the people's government at
 * its level that hears 行政复议 against it (the remedies sentence, Art. 51).
 */
export async function loadBureau(store: Store): Promise<Bureau> {
  const doc = await store.collection('meta').get('bureau');
  return { name: doc?.name ?? '本机关', government: doc?.government?.trim() || UNNAMED_GOVERNMENT };
}
