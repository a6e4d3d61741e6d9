import type { Transaction } from './store/port';
import { DuplicateIdError, VersionConflictError } from './store/port';

/**
 * Gap-free numbering (依申〔2026〕000001号, 咨〔2026〕000123号): the next
 * number of a yearly sequence is taken inside the transaction that creates
 * the numbered record. The counter is written against the version read, so
 * two racing creations cannot take the same number, and a rolled-back
 * attempt takes none. The caller retries a lost race (`retryingNumberRaces`).
 */
export async function nextInSequence(tx: Transaction, counterId: string): Promise<number> {
  const counters = tx.collection('counters');
  const counter = await counters.get(counterId);
  const sequence = (counter?.value ?? 0) + 1;
  if (counter) await counters.update(counterId, counter.version, { value: sequence });
  else await counters.insert({ id: counterId, value: sequence });
  return sequence;
}

const MAX_ATTEMPTS = 20;
/** The scale (ms) of the random pause before another try: contenders that collided do not collide again in step. */
const PAUSE_MS = 10;

/**
 * Runs `attempt` again when it lost a numbering race (a counter, or a new record's id, taken
 * meanwhile). A stale version of any other record is the caller's to answer (VERSION_CONFLICT).
 * SQLite takes one writer at a time, so it never races here; CloudBase runs transactions side by
 * side, and a burst of submits all want the same counter: each try after a lost race waits a little
 * longer, at random, so the burst spreads out instead of colliding again and again.
 */
export async function retryingNumberRaces<R>(attempt: () => Promise<R>): Promise<R> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const raced = (error instanceof VersionConflictError && error.collection === 'counters') || error instanceof DuplicateIdError;
      if (!raced || n >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * PAUSE_MS * n));
    }
  }
}
