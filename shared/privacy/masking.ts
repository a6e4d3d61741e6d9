/**
 * How residents' personal data looks in every list (domain.md §6): enough for a clerk to tell two
 * people apart and to match a record to a phone call, not enough to identify anyone. Full values
 * appear only in the assigned handler's detail view, which is audited.
 *
 * The rule for numbers (ID cards, passports, any document number): at most a third of the
 * characters show, and never more than six — half at the start, the rest (one more when odd) at the
 * end; the others become `*`, so the length still shows. A number under three characters shows
 * nothing. So an 18-digit ID card shows 3 + 3, a 9-character passport 1 + 2, a 6-character number
 * 1 + 1. (The common 3301**********1236 showed 8 of 18; E123*5678 showed 8 of 9.)
 */
export const MAX_SHOWN_CHARACTERS = 6;

/** How many characters of a number of `length` characters show at its start and at its end. */
export function shownParts(length: number): { head: number; tail: number } {
  const shown = Math.min(Math.floor(length / 3), MAX_SHOWN_CHARACTERS);
  const head = Math.floor(shown / 2);
  return { head, tail: shown - head };
}

/** 330106199003071236 → 330************236; E12345678 → E******78 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id);
  const { head, tail } = shownParts(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/**
 * 13812345678 → 138****5678: a mainland mobile number keeps the national convention (network and
 * last four), which every resident recognises; any other phone (landlines, numbers from abroad)
 * follows the rule for numbers.
 */
export function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : maskIdNumber(phone);
}

/** 张三 → 张*, 欧阳娜娜 → 欧*** */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** zhouli@example.com → z***@example.com: the first character of the mailbox and the provider. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskIdNumber(email);
  return `${Array.from(email.slice(0, at))[0]}***${email.slice(at)}`;
}

/** 杭州市西湖区文三路90号 → 杭州市西****: at most a third of it and six characters (about the city), never the street or the number. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  const shown = Math.min(Math.floor(chars.length / 3), MAX_SHOWN_CHARACTERS);
  return chars.slice(0, shown).join('') + '****';
}

/** `oWx…9aQ` style: enough to tell two people apart on a screen, too little to act as them anywhere. */
export function maskOpenid(openid: string): string {
  if (openid.length <= 6) return `${openid.slice(0, 1)}***`;
  return `${openid.slice(0, 3)}***${openid.slice(-2)}`;
}
