import { spokenCodeFrom, spokenCodePattern } from '../spoken-codes';

/**
 * Visit codes: one completed service at one window, rated at most once.
 *
 * A code is what the resident scans (a QR of a deep link), so it is short,
 * unambiguous when read aloud (no 0/O, 1/I/L) and long enough not to be
 * guessed: 10 characters of a 31-letter alphabet is about 8·10^14 codes.
 */
export const VISIT_CODE_LENGTH = 10;
export const VISIT_CODE_PATTERN = spokenCodePattern(VISIT_CODE_LENGTH);
export const DEFAULT_VISIT_CODE_DAYS = 7;

/** `randomBytes` comes from the caller (crypto on the server) so this stays pure. */
export function visitCodeFrom(randomBytes: Uint8Array): string {
  return spokenCodeFrom(randomBytes, VISIT_CODE_LENGTH);
}

export function visitExpiry(issuedAt: Date, days: number = DEFAULT_VISIT_CODE_DAYS): Date {
  return new Date(issuedAt.getTime() + days * 86_400_000);
}

export interface VisitState {
  expiresAt: string;
  ratingId: string | null;
}

export type VisitUsability = 'usable' | 'expired' | 'alreadyRated';

/** A rated visit stays "already rated" even after it expires: the resident learns the true reason. */
export function visitUsability(visit: VisitState, now: Date): VisitUsability {
  if (visit.ratingId) return 'alreadyRated';
  if (now.getTime() >= Date.parse(visit.expiresAt)) return 'expired';
  return 'usable';
}
