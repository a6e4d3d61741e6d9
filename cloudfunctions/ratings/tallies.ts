import { applyDelta, emptyTally, tallyId, tallyKeysOf, type Tally, type TallyBasis, type TallyDelta } from '../../shared/ratings/satisfaction';
import type { TallyRecord } from '../../shared/ratings/ratings-types';
import type { Store, Transaction } from '../_runtime/store/port';

/**
 * The pre-aggregated figures: one record per scope × key × month × basis
 * (verified or unverified ratings), adjusted by id inside the transaction
 * that makes the counted change (CloudBase transactions address documents by
 * id only). Exact by construction: a rating and its counts land together or
 * not at all.
 */
export const TALLIES = 'ratingTallies';

type Counted = { windowId: string | null; serviceId: string | null; departmentId: string; month: string };

export async function adjustTallies(tx: Transaction, rating: Counted, basis: TallyBasis, delta: TallyDelta): Promise<void> {
  const tallies = tx.collection(TALLIES);
  for (const [scope, key] of tallyKeysOf(rating)) {
    const id = tallyId(scope, key, rating.month, basis);
    const current = await tallies.get(id);
    if (current) {
      await tallies.update(id, current.version, applyDelta(current, delta));
    } else {
      await tallies.insert({ id, scope, key, month: rating.month, basis, ...applyDelta(emptyTally(), delta) });
    }
  }
}

export interface BasisTallies {
  verified: Map<string, Tally>;
  unverified: Map<string, Tally>;
}

/** The tallies of one scope for the given months, each basis apart, by month (missing months count as empty). */
export async function readTallies(store: Store, scope: TallyRecord['scope'], key: string, months: string[]): Promise<BasisTallies> {
  const ids = months.flatMap((m) => [tallyId(scope, key, m, 'verified'), tallyId(scope, key, m, 'unverified')]);
  const page = await store.collection(TALLIES).find({ where: { id: { in: ids } }, orderBy: [['month', 'asc']], limit: ids.length });
  const unverifiedIds = new Set(months.map((m) => tallyId(scope, key, m, 'unverified')));
  const out: BasisTallies = { verified: new Map(), unverified: new Map() };
  for (const t of page.items) (unverifiedIds.has(t.id) ? out.unverified : out.verified).set(t.month, t);
  return out;
}
