import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { beijingToday } from '../../shared/time/beijing-time';
import { newRequest } from '../../shared/requests/request-machine';
import { formatTrackingNumber, type Actor, type RequestRecord } from '../../shared/requests/request-record';
import type { Application, PaperChannel } from '../../shared/requests/request-schema';
import type { DepartmentRef } from '../../shared/requests/request-commands';
import type { HandlerContext } from '../_runtime/handler-context';
import { DuplicateIdError, VersionConflictError } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { EVENTS, REQUESTS, REQUEST_KEYS } from './request-collections';
import { nextInSequence } from '../_runtime/gap-free-sequence';
import { keepRequestFacts } from '../_runtime/derived-records';
import { caseAppliedFrom, linkCaseToRequest } from '../inquiries/case-request-link';

type Source = { channel: 'online'; ownerOpenid: string } | { channel: PaperChannel; receivedOn: string; enteredBy: Actor; department?: DepartmentRef };

const MAX_ATTEMPTS = 8;

/**
 * Creates a request with the next tracking number of the year, once per
 * (caller, idempotency key). The counter, the request, the key record and the
 * event are written in one transaction; the counter is updated against the
 * version read, so two racing submits cannot take the same number, and a
 * rolled-back attempt takes none: numbers are gap-free. A conflict retries.
 */
export async function createRequest(
  ctx: HandlerContext,
  application: Application,
  idempotencyKey: string,
  source: Source,
): Promise<{ record: RequestRecord; calendar: WorkingCalendar }> {
  const openid = ctx.caller.openid as string;
  const keyId = createHash('sha256').update(`${openid}\u0000${idempotencyKey}`).digest('hex');
  const { idempotencyKey: _key, ...content } = application;
  // An entered application is also its receipt day: the same key with another day is another application, not a retry.
  const hashed = source.channel === 'online' ? { content, source: source.channel } : { content, source: source.channel, receivedOn: source.receivedOn };
  const payloadHash = createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
  const calendar = await loadCalendar(ctx.store);

  for (let attempt = 1; ; attempt += 1) {
    const now = ctx.now();
    try {
      const record = await ctx.store.transaction(async (tx) => {
        const seen = await tx.collection(REQUEST_KEYS).get(keyId);
        if (seen) {
          if (seen.payloadHash !== payloadHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
          const existing = await tx.collection(REQUESTS).get(seen.requestId);
          if (!existing) throw new Error(`request key ${keyId} points at missing request ${seen.requestId}`);
          return existing;
        }
        // Numbered in the year the bureau received it: a December letter typed in in January is still last year's.
        const year = Number((source.channel === 'online' ? beijingToday(now) : source.receivedOn).slice(0, 4));
        const sequence = await nextInSequence(tx, `requests-${year}`);

        // An application made from the resident's own inquiry (咨询转申请) carries the case, linked both ways below.
        const caseId = source.channel === 'online' ? application.fromCaseId : undefined;
        const made = source.channel === 'online' && caseId ? { ...source, fromCase: await caseAppliedFrom(tx, caseId, openid) } : source;
        const { record } = newRequest(application, made, formatTrackingNumber(year, sequence), now, calendar);
        const created = await tx.collection(REQUESTS).insert(record as RequestRecord);
        await keepRequestFacts(tx, created);
        if (caseId) await linkCaseToRequest(tx, caseId, openid, { id: created.id, trackingNumber: created.trackingNumber }, now, calendar);
        await tx.collection(REQUEST_KEYS).insert({ id: keyId, requestId: created.id, payloadHash, at: now.toISOString() });
        const first = created.history[0];
        await tx.collection(EVENTS).insert({
          subjectType: 'request',
          subjectId: created.id,
          action: first.kind,
          actor: openid,
          at: first.at,
          detail: `${created.trackingNumber}${first.detail ? `；${first.detail}` : ''}`,
        });
        return created;
      });
      return { record, calendar };
    } catch (error) {
      const raced = error instanceof VersionConflictError || error instanceof DuplicateIdError;
      if (!raced || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
