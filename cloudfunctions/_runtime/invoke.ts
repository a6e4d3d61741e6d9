import { AppError, type Envelope } from '../../shared/api/errors';
import type { ActionSpec } from '../../shared/api/define';
import { fieldErrorsOf } from '../../shared/api/zod-messages';
import { decideAccess } from '../../shared/staff/roles';
import type { CloudFunction } from './define-function';
import type { HandlerContext } from './handler-context';
import { COUNTED_WHEN_KEPT, enforceRateLimit, refundRateLimit } from './rate-limiter';
import { markUploadsAttached } from './upload-records';
import { recordAudit } from './audit-trail';
import { InvalidCursorError } from './store/cursor';
import { VersionConflictError } from './store/port';
import { watchEnqueues } from './wake-deliveries';

/** Largest `data` we accept, in bytes of JSON: a long notice with its guide fits in well under this. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The one road from a raw event to an envelope, shared by CloudBase's `main`
 * and the local cloud: check the event's shape, find the action, check who
 * may call it, parse the input, run the handler, and turn every failure into
 * a stable code; a limited action is counted against the caller's abuse limits
 * (rate-limiter.ts) between the parse and the handler. Nothing is written before the input has been parsed and the
 * caller authorised.
 */
export async function invoke(fn: CloudFunction, event: unknown, ctx: HandlerContext): Promise<Envelope<unknown>> {
  let spec: ActionSpec | undefined;
  let action: string | undefined;
  try {
    const read = readEvent(event);
    action = read.action;
    const { data } = read;
    const specs = fn.specs as Record<string, ActionSpec>;
    if (!Object.prototype.hasOwnProperty.call(specs, action)) throw new AppError('UNKNOWN_ACTION');
    spec = specs[action];

    const decision = decideAccess(spec.access, ctx.caller);
    if (decision === 'unauthenticated') throw new AppError('UNAUTHENTICATED');
    if (decision === 'forbidden') throw new AppError('FORBIDDEN');

    const parsed = spec.input.safeParse(data ?? {});
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, fieldErrorsOf(parsed.error));
    // After the parse, so a malformed call costs the caller nothing; before the handler, so a refused one writes nothing.
    const key = `${fn.name}.${action}`;
    const counted = ctx.rateLimits ? await enforceRateLimit({ store: ctx.store, key, caller: ctx.caller, clientIp: ctx.clientIp, now: ctx.now(), log: ctx.log }) : null;
    // Uploads a write names are no longer loose: the job that removes unsent uploads must leave them (upload-records.ts).
    if (spec.writes) await markUploadsAttached(ctx.store, parsed.data, ctx.now(), ctx.log);

    const handler = (fn.handlers as Record<string, (input: unknown, c: HandlerContext) => Promise<unknown>>)[action];
    // A writing action's store is watched for committed outbox rows, so their delivery starts now.
    const watched = spec.writes && ctx.wakeDeliveries ? watchEnqueues(ctx.store) : null;
    let answer: unknown;
    try {
      answer = await handler(parsed.data, watched ? { ...ctx, store: watched.store } : ctx);
    } catch (error) {
      // An upload counts only once kept (rate-limiter.ts): one the handler refuses is taken off again.
      if (error instanceof AppError && COUNTED_WHEN_KEPT.has(key)) await refundRateLimit(ctx.store, counted);
      throw error;
    }
    if (watched?.enqueued()) wakeDeliveries(ctx);
    // The audit trail is written here, once for every action, rather than by each handler: a new staff action is audited without anyone remembering to.
    if (spec.writes && (spec.access.kind === 'staff' || spec.audited)) await recordAudit(ctx, key, spec.viewsPersonalData ? 'personalDataViewed' : 'write', parsed.data, answer);
    return { ok: true, data: answer };
  } catch (error) {
    return toErrorEnvelope(error, ctx, { fn: fn.name, action, summary: spec?.summary });
  }
}

/** The ask never fails the call: the message is committed, and the timer delivers it if the ask is lost. */
function wakeDeliveries(ctx: HandlerContext): void {
  try {
    ctx.wakeDeliveries?.();
  } catch (error) {
    ctx.log.error('could not wake the deliveries function', { error: String(error) });
  }
}

function readEvent(event: unknown): { action: string; data: unknown } {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new AppError('BAD_REQUEST');
  const { action, data } = event as Record<string, unknown>;
  if (typeof action !== 'string' || action.length === 0 || action.length > 64) throw new AppError('BAD_REQUEST');
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    throw new AppError('BAD_REQUEST');
  }
  if (data !== undefined && jsonBytes(data) > MAX_PAYLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  return { action, data };
}

function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value), 'utf8');
  } catch {
    throw new AppError('BAD_REQUEST');
  }
}

function toErrorEnvelope(error: unknown, ctx: HandlerContext, where: { fn: string; action?: string; summary?: string }) {
  if (error instanceof AppError) return error.toEnvelope();
  if (error instanceof VersionConflictError) return new AppError('VERSION_CONFLICT').toEnvelope();
  if (error instanceof InvalidCursorError) {
    return new AppError('VALIDATION_FAILED', undefined, { cursor: '分页参数已失效，请刷新列表' }).toEnvelope();
  }
  // The summary says in plain words what was being done, for whoever reads the bureau's logs.
  ctx.log.error('unexpected failure', {
    ...where,
    error: error instanceof Error ? error.stack ?? error.message : String(error),
  });
  return new AppError('INTERNAL').toEnvelope();
}
