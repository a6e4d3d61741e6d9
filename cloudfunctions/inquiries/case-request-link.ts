import { AppError } from '../../shared/api/errors';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { stepCase } from '../../shared/inquiries/case-machine';
import { changeRecordIn } from '../_runtime/change-record';
import type { Transaction } from '../_runtime/store/port';

/**
 * 咨询转申请, the resident's half: an inquiry staff found to be a disclosure request
 * (inquiries.toRequest) and the application the resident then makes from it are linked both
 * ways, inside the transaction that creates the application — the application carries
 * `fromCase`, the case `turnedToRequest.request` with a 已提交政府信息公开申请 entry — so
 * neither exists without the other. Someone else's case is INQUIRY_NOT_FOUND, as anywhere.
 */
export async function caseAppliedFrom(tx: Transaction, caseId: string, openid: string): Promise<{ id: string; caseNumber: string }> {
  const found = await tx.collection('inquiries').get(caseId);
  if (!found || found.ownerOpenid !== openid) throw new AppError('INQUIRY_NOT_FOUND');
  return { id: found.id, caseNumber: found.caseNumber };
}

export async function linkCaseToRequest(
  tx: Transaction,
  caseId: string,
  openid: string,
  request: { id: string; trackingNumber: string },
  now: Date,
  calendar: WorkingCalendar,
): Promise<void> {
  await changeRecordIn(tx, {
    collection: 'inquiries',
    id: caseId,
    expectedVersion: 'current',
    notFound: 'INQUIRY_NOT_FOUND',
    visible: (c) => c.ownerOpenid === openid,
    decide: (current) => {
      // Refused (nothing written, the application neither) unless staff turned it and no application was made from it yet.
      const step = stepCase(current, { type: 'requestMade', actor: { role: 'resident', openid, name: null }, request }, now, calendar);
      return {
        patch: { ...step.patch, history: [...current.history, step.entry] },
        events: [{ subjectType: 'inquiry', subjectId: caseId, action: step.entry.action, actor: openid, at: step.entry.at, detail: step.entry.detail }],
      };
    },
  });
}
