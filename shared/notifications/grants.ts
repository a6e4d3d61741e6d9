import type { TemplateKind } from './subscribe-templates';

/**
 * A resident's consent to one template, as their taps in WeChat's consent
 * dialog gave it. One-time templates count: each acceptance allows one send
 * and each send spends one. Long-term templates are on or off.
 */
export interface GrantState {
  kind: TemplateKind;
  /** One-time: sends still allowed. Long-term: 1 while on, 0 when off. */
  remaining: number;
  /** The resident chose 「不再询问」 / switched the template off in WeChat's settings. */
  banned: boolean;
}

export type GrantResult = 'accept' | 'reject' | 'ban';

/** One-time acceptances beyond this are not counted: no real resident taps this often, a script might. */
export const MAX_ONE_TIME_GRANTS = 20;

export function emptyGrant(kind: TemplateKind): GrantState {
  return { kind, remaining: 0, banned: false };
}

/** The grant after one answer in the consent dialog. */
export function applyGrantResult(grant: GrantState, result: GrantResult): GrantState {
  if (result === 'ban') return { ...grant, remaining: 0, banned: true };
  if (result === 'reject') return grant.kind === 'longTerm' ? { ...grant, remaining: 0 } : grant;
  if (grant.kind === 'longTerm') return { ...grant, remaining: 1, banned: false };
  return { ...grant, remaining: Math.min(grant.remaining + 1, MAX_ONE_TIME_GRANTS), banned: false };
}

const STRICTNESS: Record<GrantResult, number> = { accept: 0, reject: 1, ban: 2 };

/**
 * One answer per template: WeChat's consent dialog answers each template once
 * (a map from template id to result), so a list naming a template twice is not
 * two acceptances. If the copies disagree, the more restrictive answer wins.
 */
export function onePerTemplate<G extends { templateId: string; result: GrantResult }>(grants: readonly G[]): G[] {
  const byTemplate = new Map<string, G>();
  for (const g of grants) {
    const seen = byTemplate.get(g.templateId);
    if (!seen || STRICTNESS[g.result] > STRICTNESS[seen.result]) byTemplate.set(g.templateId, g);
  }
  return [...byTemplate.values()];
}

export function canSend(grant: GrantState | null): boolean {
  return !!grant && !grant.banned && grant.remaining > 0;
}

/** The grant after one send is claimed: a one-time grant is spent, a long-term one stays. */
export function spendGrant(grant: GrantState): GrantState {
  return grant.kind === 'oneTime' ? { ...grant, remaining: Math.max(grant.remaining - 1, 0) } : grant;
}

/** A one-time grant given back when WeChat certainly did not use it (a permanent error other than 43101). */
export function refundGrant(grant: GrantState): GrantState {
  return grant.kind === 'oneTime' ? { ...grant, remaining: Math.min(grant.remaining + 1, MAX_ONE_TIME_GRANTS) } : grant;
}

/** WeChat answered 43101: whatever we counted, consent is gone until the resident accepts again. */
export function consentGone(grant: GrantState): GrantState {
  return { ...grant, remaining: 0 };
}
