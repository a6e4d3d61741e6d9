/**
 * Visit codes: one completed service at one window, rated at most once.
 *
 * A code is what the resident scans (a QR of a deep link), so it is short,
 * unambiguous when read aloud (no 0/O, 1/I/L) and long enough not to be
 * guessed: 10 characters of a 31-letter alphabet is about 8·10^14 codes.
 */
export const VISIT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VISIT_CODE_LENGTH = 10;
export const VISIT_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;
export const DEFAULT_VISIT_CODE_DAYS = 7;

/** `randomBytes` comes from the caller (crypto on the server) so this stays pure. */
export function visitCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < VISIT_CODE_LENGTH) throw new Error('need one random byte per character');
  let code = '';
  // 256 is not a multiple of 31; the slight bias (≤ 1/8 on a few letters) costs far less than the guessing space it leaves.
  for (let i = 0; i < VISIT_CODE_LENGTH; i++) code += VISIT_CODE_ALPHABET[randomBytes[i] % VISIT_CODE_ALPHABET.length];
  return code;
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
