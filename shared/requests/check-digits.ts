/**
 * Check digits of the two identity numbers a disclosure application carries.
 * Pure and dependency-free so the phone validates exactly as the server does.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character (GB 11643-1999) of the first 17 digits of a 居民身份证 number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

export type ResidentIdProblem = 'format' | 'birthDate' | 'checkDigit';

/**
 * Why an 18-character 居民身份证 number is wrong, or null if it is right:
 * 17 digits and a check character, a birth date that existed and is not in
 * the future (`today` as YYYY-MM-DD), and the GB 11643 check character.
 */
export function residentIdProblem(id: string, today: string): ResidentIdProblem | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return 'format';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < '1900-01-01' || birth > today) return 'birthDate';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17].toUpperCase()) return 'checkDigit';
  return null;
}

/** YYYY-MM-DD that names a day on the calendar (no 02-30). */
export function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/** GB 32100-2015: the 31 characters a 统一社会信用代码 may use (no I, O, Z, S, V). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'format' | 'checkDigit';

/** Why an 18-character 统一社会信用代码 is wrong (upper case expected), or null if it is right. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'checkDigit';
  return null;
}
