import { runningConsultation } from '../../shared/requests/consultation-lapse';
import { CONSULTATION_RULES, consultationAnswerDue } from '../../shared/requests/request-clock';
import { awaitingPayment, DUE_SOON_WORKING_DAYS, dueBy, inConsultation } from '../../shared/requests/request-queries';
import { feeDeadline, PAYMENT_ENTRY_GRACE_WORKING_DAYS } from '../../shared/requests/fee-notice';
import { addWorkingDays } from '../../shared/calendar/working-calendar';
import type { RequestRecord } from '../../shared/requests/request-record';
import { CONSULTED_PARTY_LABELS } from '../../shared/requests/request-schema';
import type { Stored } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { callerOfStaff, withRole, type ActiveStaff, type DeadlineSource } from './deadline-source';

const ADMIN_REQUEST_PAGE = 'admin/pages/request/index';

/**
 * Disclosure requests' answer deadlines (条例 Art. 33). The reminder goes to
 * the staff member who registered the request while they can still see it
 * (department-scope.ts: it may have been handed to another department since),
 * otherwise to every active handler who can: the handlers of its department,
 * and the admins.
 */
function requestHandlers(r: RequestRecord, staff: ActiveStaff[]): string[] {
  const seeing = withRole(staff, 'handler').filter((s) => requestInScope(requestScopeOf(callerOfStaff(s)), r));
  const registeredBy = r.history.find((h) => h.kind === 'registered' && h.actorOpenid)?.actorOpenid;
  return registeredBy && seeing.some((s) => s.id === registeredBy) ? [registeredBy] : seeing.map((s) => s.id);
}

export const requestDeadlines: DeadlineSource<Stored<RequestRecord>> = {
  idPrefix: 'rm',
  dueBy: (store, horizon, cursor, limit) => {
    const { where, orderBy } = dueBy(horizon);
    return store.collection('requests').find({ where, orderBy, limit, cursor });
  },
  dueOn: (r) => r.dueOn,
  handlers: requestHandlers,
  wording: (kind, r) =>
    kind === 'dueSoon'
      ? { title: `申请 ${r.trackingNumber} 即将到期`, body: `答复期限为 ${r.dueOn}，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日，请及时答复或依法延期。` }
      : { title: `申请 ${r.trackingNumber} 已超过答复期限`, body: `答复期限 ${r.dueOn} 已过，请尽快答复并说明情况。` },
  link: (r) => ({ type: 'request', id: r.id }),
  page: (r) => `${ADMIN_REQUEST_PAGE}?id=${r.id}`,
};

/** A running consultation with the last day of the consulted party's answer period. */
export interface RunningConsultation {
  /** The request's id: one consultation runs at a time, and the reminder's id also names its due date. */
  id: string;
  request: Stored<RequestRecord>;
  consultation: RequestRecord['consultations'][number];
  answerDueOn: string;
}

/**
 * Consultations' answer periods (条例 Arts. 32 and 34: 15 working days each). The clerk hears 3
 * working days before the period ends, and once it has: an agency's silence is consent and the
 * system ends that consultation (the clock counts again); a third party's is not, and the clerk
 * decides. The due date is a working-day count, which the store cannot filter on: every running
 * consultation is read and the page keeps those due by the horizon.
 */
export const consultationDeadlines: DeadlineSource<RunningConsultation> = {
  idPrefix: 'cm',
  dueBy: async (store, horizon, cursor, limit) => {
    const calendar = await loadCalendar(store);
    const page = await store.collection('requests').find({ where: inConsultation.where, orderBy: inConsultation.orderBy, limit, cursor });
    const items = page.items.flatMap((request) => {
      const consultation = runningConsultation(request);
      if (!consultation) return [];
      const answerDueOn = consultationAnswerDue(consultation, calendar);
      return answerDueOn <= horizon ? [{ id: request.id, request, consultation, answerDueOn }] : [];
    });
    return { items, nextCursor: page.nextCursor };
  },
  dueOn: (c) => c.answerDueOn,
  handlers: (c, staff) => requestHandlers(c.request, staff),
  wording: (kind, { request, consultation, answerDueOn }) => {
    const party = `${CONSULTED_PARTY_LABELS[consultation.party]}（${consultation.partyName}）`;
    const rule = CONSULTATION_RULES[consultation.party];
    if (kind === 'dueSoon') {
      return {
        title: `申请 ${request.trackingNumber} 征求意见即将期满`,
        body: `征求${party}意见的 ${rule.workingDays} 个工作日于 ${answerDueOn} 届满，届满后不论是否收到意见，答复期限恢复计算（条例${rule.article}）。`,
      };
    }
    return rule.silenceIsConsent
      ? {
          title: `申请 ${request.trackingNumber} 征求意见已期满`,
          body: `${party}未在 ${answerDueOn} 前提出意见，视为同意公开（条例${rule.article}），征求意见由系统结束，答复期限已恢复计算，请及时答复。`,
        }
      : {
          title: `申请 ${request.trackingNumber} 第三方逾期未提出意见`,
          body: `${party}未在 ${answerDueOn} 前提出意见，答复期限已恢复计算（条例${rule.article}）。第三方逾期未提出意见的不视为同意，请依法决定是否公开并结束征求意见。`,
        };
  },
  link: (c) => ({ type: 'request', id: c.request.id }),
  page: (c) => `${ADMIN_REQUEST_PAGE}?id=${c.request.id}`,
};

/** A fee notice awaiting payment, with the last day to pay and the day after which the system closes the request. */
export interface AwaitingFee {
  /** The request's id: one notice per request, and the reminder's id also names the last day. */
  id: string;
  request: Stored<RequestRecord>;
  lastDay: string;
  closesAfter: string;
}

/**
 * Fee notices' 20 working days to pay (条例 Art. 42; 国办函〔2020〕109号《政府信息公开信息处理费管理办法》):
 * the clerk hears 3 working days before the last day to pay, so that a payment made at the counter or
 * by transfer is recorded before the day passes, and once it has passed unpaid: a payment made in time
 * may still be recorded for 3 working days, after which the system closes the request as other.noFee.
 * The last day is a working-day count, which the store cannot filter on: every notice awaiting payment
 * is read and the page keeps those due by the horizon.
 */
export const feePaymentDeadlines: DeadlineSource<AwaitingFee> = {
  idPrefix: 'fm',
  dueBy: async (store, horizon, cursor, limit) => {
    const calendar = await loadCalendar(store);
    const page = await store.collection('requests').find({ where: awaitingPayment.where, orderBy: awaitingPayment.orderBy, limit, cursor });
    const items = page.items.flatMap((request) => {
      if (!request.fee || request.fee.paidOn || request.fee.waived) return [];
      const lastDay = feeDeadline(request, calendar);
      return lastDay <= horizon ? [{ id: request.id, request, lastDay, closesAfter: addWorkingDays(calendar, lastDay, PAYMENT_ENTRY_GRACE_WORKING_DAYS) }] : [];
    });
    return { items, nextCursor: page.nextCursor };
  },
  dueOn: (f) => f.lastDay,
  handlers: (f, staff) => requestHandlers(f.request, staff),
  wording: (kind, { request, lastDay, closesAfter }) => {
    const amount = `信息处理费 ${request.fee?.amount ?? 0} 元`;
    return kind === 'dueSoon'
      ? {
          title: `申请 ${request.trackingNumber} 缴费期限即将届满`,
          body: `收费通知（${request.fee?.noticeOn}）所列${amount}应于 ${lastDay} 前缴纳，还剩不到 ${DUE_SOON_WORKING_DAYS} 个工作日。申请人已缴费的，请及时登记缴费，答复期限自次一工作日起恢复计算（条例第四十二条）。`,
        }
      : {
          title: `申请 ${request.trackingNumber} 缴费期限已过，尚未登记缴费`,
          body: `${amount}的缴费期限 ${lastDay} 已过。申请人在期限内已缴费的，请于 ${closesAfter} 前登记缴费；否则系统将于 ${closesAfter} 后以“逾期未缴纳信息处理费”终止办理（条例第四十二条），您也可以现在终止办理。`,
        };
  },
  link: (f) => ({ type: 'request', id: f.request.id }),
  page: (f) => `${ADMIN_REQUEST_PAGE}?id=${f.request.id}`,
};
