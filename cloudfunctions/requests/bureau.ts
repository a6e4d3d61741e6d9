import type { Store } from '../_runtime/store/port';

/** The bureau's name as it signs letters: the `meta/bureau` document, set at deployment (the demo seeds one). */
export async function bureauName(store: Store): Promise<string> {
  const doc = await store.collection<{ name: string }>('meta').get('bureau');
  return doc?.name ?? '本机关';
}
