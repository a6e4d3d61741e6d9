import { randomBytes } from 'node:crypto';

/**
 * Time-prefixed random ids: unique without coordination, and ordered by
 * creation within a process — even within one millisecond, since the time
 * part never goes backwards — so records written in one call (a notice's
 * "published" then "withdrawn" events) sort in the order they happened.
 */
let lastTime = 0;

export function newId(now: number = Date.now()): string {
  lastTime = Math.max(now, lastTime + 1);
  return lastTime.toString(36).padStart(9, '0') + randomBytes(8).toString('hex');
}
