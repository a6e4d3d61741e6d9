import type { Store } from '../_runtime/store/port';
import { SUBSCRIPTIONS, subscriptionIdFor } from './records';

/** Subscription ids asked for in one query (a resident has one per topic). */
const IDS_PER_QUERY = 300;
/** Subscriptions read per page while walking a smaller topic. */
const PAGE = 500;

/** Which of `openids` subscribed to one of `topics` at or before `publishedAt` (and still do). */
export async function subscribedBefore(store: Store, openids: string[], topics: string[], publishedAt: string): Promise<Set<string>> {
  const ids = openids.flatMap((o) => topics.map((t) => subscriptionIdFor(o, t)));
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const page = await store.collection(SUBSCRIPTIONS).find({ where: { id: { in: chunk } }, orderBy: [['id', 'asc']], limit: chunk.length });
    // An unsubscribed row keeps its id with its topic moved to `off:…`: it is no subscription.
    for (const s of page.items) if (topics.includes(s.topic) && s.createdAt <= publishedAt) found.add(s.openid);
  }
  return found;
}

/**
 * How many residents a bulletin reached: those subscribed, at its publication, to one of its topics.
 * A resident following its kind and its department (and the pair) holds a subscription to each, but
 * is one resident. The largest topic is only counted; the subscribers of each smaller one are read
 * and counted where they follow none of the larger ones, so the reads grow with the smaller topics
 * (a department, a kind-and-department pair), not with the largest.
 */
export async function bulletinAudience(store: Store, topics: string[], publishedAt: string): Promise<number> {
  const subscriptions = store.collection(SUBSCRIPTIONS);
  const sizes = await Promise.all(topics.map((topic) => subscriptions.count({ topic, createdAt: { lte: publishedAt } })));
  const bySize = topics.map((topic, i) => ({ topic, size: sizes[i] })).sort((a, b) => b.size - a.size);
  if (!bySize.length) return 0;
  let audience = bySize[0].size;
  for (let i = 1; i < bySize.length; i++) {
    if (!bySize[i].size) continue;
    const larger = bySize.slice(0, i).map((t) => t.topic);
    let cursor: string | null = null;
    do {
      const page = await subscriptions.find({
        where: { topic: bySize[i].topic, createdAt: { lte: publishedAt } },
        orderBy: [['id', 'asc']],
        limit: PAGE,
        cursor,
        fields: ['openid'],
      });
      const openids = page.items.map((s) => s.openid);
      const counted = await subscribedBefore(store, openids, larger, publishedAt);
      audience += openids.filter((o) => !counted.has(o)).length;
      cursor = page.nextCursor;
    } while (cursor);
  }
  return audience;
}
