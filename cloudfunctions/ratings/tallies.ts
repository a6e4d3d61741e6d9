import { applyDelta, emptyTally, tallyId, tallyKeysOf, type Tally, type TallyDelta } from '../../shared/ratings/satisfaction';
import type { TallyRecord } from '../../shared/ratings/ratings-types';
import type { Store, Transaction } from '../_runtime/store/port';

/**
 * The pre-aggregated figures: one record per scope × key × month, adjusted by
 * id inside the transaction that makes the counted change (CloudBase
 * transactions address documents by id only). Exact by construction: a
 * rating and its counts land together or not at all.
 */
export const TALLIES = 'ratingTallies';

type Counted = { windowId: string | null; serviceId: string | null; departmentId: string; month: string };

export async function adjustTallies(tx: Transaction, rating: Counted, delta: TallyDelta): Promise<void> {
  const tallies = tx.collection(TALLIES);
  for (const [scope, key] of tallyKeysOf(rating)) {
    const id = tallyId(scope, key, rating.month);
    const current = await tallies.get(id);
    if (current) {
      await tallies.update(id, current.version, applyDelta(current, delta));
    } else {
      await tallies.insert({ id, scope, key, month: rating.month, ...applyDelta(emptyTally(), delta) });
    }
  }
}

/** The tallies of one scope for the given months (missing months count as empty). */
export async function readTallies(store: Store, scope: TallyRecord['scope'], key: string, months: string[]): Promise<Map<string, Tally>> {
  const page = await store.collection(TALLIES).find({
    where: { id: { in: months.map((m) => tallyId(scope, key, m)) } },
    orderBy: [['month', 'asc']],
    limit: months.length,
  });
  return new Map(page.items.map((t) => [t.month, t]));
}
