/**
 * Codes a person reads aloud or types from a screen (visit codes, staff
 * invitations): upper-case letters and digits without the ones that look
 * alike (no 0/O, 1/I/L), 31 in all.
 */
export const SPOKEN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Exactly `length` characters of the alphabet. */
export function spokenCodePattern(length: number): RegExp {
  return new RegExp(`^[${SPOKEN_CODE_ALPHABET}]{${length}}$`);
}

/** `randomBytes` comes from the caller (crypto on the server) so this stays pure: one byte per character. */
export function spokenCodeFrom(randomBytes: Uint8Array, length: number): string {
  if (randomBytes.length < length) throw new Error('need one random byte per character');
  let code = '';
  // 256 is not a multiple of 31; the slight bias (≤ 1/8 on a few letters) costs far less than the guessing space it leaves.
  for (let i = 0; i < length; i++) code += SPOKEN_CODE_ALPHABET[randomBytes[i] % SPOKEN_CODE_ALPHABET.length];
  return code;
}
