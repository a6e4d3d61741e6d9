import { createHash } from 'node:crypto';

/**
 * The claim that a resident said an entry helped (`uniqueKeys`, one per resident and entry): a hash of
 * OPENID and entry, so the table holds no OPENID. Anyone who knows the OPENID can recompute it, so a
 * resident's erasure removes it (me/derived-records.ts).
 */
export function helpfulClaimId(openid: string, faqId: string): string {
  return createHash('sha256').update(`faq-helpful\u0000${openid}\u0000${faqId}`).digest('hex');
}
