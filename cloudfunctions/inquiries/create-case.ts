import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { answerWorkingDaysFor, type AnswerPeriods } from '../../shared/inquiries/answer-deadline';
import { newCase, type NewCase } from '../../shared/inquiries/case-machine';
import { caseCounterId, formatCaseNumber, type InquiryRecord } from '../../shared/inquiries/inquiry-types';
import { beijingToday } from '../../shared/time/beijing-time';
import { nextInSequence, retryingNumberRaces } from '../_runtime/gap-free-sequence';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored, Transaction } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { loadAnswerPeriods } from '../guide/guide-data';

export type CaseContent = Omit<NewCase, 'answerWorkingDays'>;

/**
 * Creates a case with the next number of its kind and year, once per
 * (caller, idempotency key): the counter, the case, the key and the event in
 * one transaction, numbered the way requests are (gap-free-sequence.ts).
 * The same key with different content is refused, not merged.
 */
export async function createCase(ctx: HandlerContext, idempotencyKey: string, content: CaseContent, hashed: unknown): Promise<Stored<InquiryRecord>> {
  const openid = ctx.caller.openid as string;
  const keyId = createHash('sha256').update(`inquiry\u0000${openid}\u0000${idempotencyKey}`).digest('hex');
  const payloadHash = createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
  const [calendar, periods] = await Promise.all([loadCalendar(ctx.store), loadAnswerPeriods(ctx.store)]);

  return retryingNumberRaces(() => {
    const now = ctx.now();
    return ctx.store.transaction(async (tx) => {
      const seen = await tx.collection('inquiryKeys').get(keyId);
      if (seen) {
        if (seen.payloadHash !== payloadHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', '该提交标识已用于另一件咨询，请刷新后重新提交');
        const existing = await tx.collection('inquiries').get(seen.caseId);
        if (!existing) throw new Error(`inquiry key ${keyId} points at missing case ${seen.caseId}`);
        return existing;
      }
      const created = await insertCase(tx, content, { now, calendar, periods, actor: openid });
      await tx.collection('inquiryKeys').insert({ id: keyId, caseId: created.id, payloadHash, at: now.toISOString() });
      return created;
    });
  });
}

/**
 * Inside the caller's transaction: the next number, the case and its events. A lost numbering
 * race surfaces as a conflict on `counters`, which the caller retries (retryingNumberRaces).
 */
export async function insertCase(
  tx: Transaction,
  content: CaseContent,
  p: { now: Date; calendar: WorkingCalendar; periods: AnswerPeriods; actor: string },
): Promise<Stored<InquiryRecord>> {
  // Numbered in the year the bureau received it: a December call entered in January is last year's.
  const source = content.source;
  const receivedOn = beijingToday(source.channel === 'phone' || source.channel === 'visit' || source.channel === 'letter' ? new Date(source.contactedAt) : p.now);
  const year = Number(receivedOn.slice(0, 4));
  const sequence = await nextInSequence(tx, caseCounterId(content.kind, year));
  const record = newCase({ ...content, answerWorkingDays: answerWorkingDaysFor(content.kind, p.periods) }, formatCaseNumber(content.kind, year, sequence), p.now, p.calendar);
  const created = await tx.collection('inquiries').insert(record);
  for (const entry of created.history) {
    await tx.collection('events').insert({
      subjectType: 'inquiry',
      subjectId: created.id,
      action: entry.action,
      actor: p.actor,
      at: entry.at,
      detail: `${created.caseNumber}${entry.detail ? `；${entry.detail}` : ''}`,
    });
  }
  return created;
}
