import { auditEntryOf, type AuditKind } from '../../shared/audit/audit-record';
import type { HandlerContext } from './handler-context';

/**
 * Writes one entry of the audit trail (操作记录) for a call that has succeeded. `invoke` calls it after
 * every staff write; a handler calls it itself only where the contract cannot say it: an action open
 * to residents that shows staff a resident's personal data (a letter's PDF a handler downloads). It
 * runs after the handler's own transaction has committed, so it cannot share it; if it fails the call
 * still stands (an error answer would invite the clerk to do it twice) and the failure is logged
 * loudly, with everything the entry would have said, for the bureau to see.
 */
export async function recordAudit(ctx: HandlerContext, action: string, kind: AuditKind, input: unknown, answer: unknown): Promise<void> {
  const { caller } = ctx;
  if (!caller.openid) return;
  const entry = auditEntryOf({
    at: ctx.now().toISOString(),
    actor: caller.openid,
    // Someone joining the staff has no staff name yet: the entry's OPENID says who.
    actorName: caller.staff?.name ?? '',
    action,
    kind,
    input,
    answer,
  });
  try {
    await ctx.store.collection('audit').insert(entry);
  } catch (error) {
    ctx.log.error('audit entry not written', { ...entry, error: error instanceof Error ? error.message : String(error) });
  }
}
