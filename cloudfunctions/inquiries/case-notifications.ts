import type { CaseNotification } from '../../shared/inquiries/case-machine';
import type { Transaction } from '../_runtime/store/port';
import { enqueueForPerson } from '../_notifications/enqueue-notification';

/** The resident's case page, in the inquiries subpackage. */
export const CASE_PAGE = 'inquiry/pages/case/index';

const WORDING: Record<CaseNotification['kind'], { title: string; body: string }> = {
  inquiryAnswered: { title: '您的咨询已答复', body: '点击查看答复内容，并可评价或追问。' },
  inquiryMoreAsked: { title: '您的咨询需要补充内容', body: '请按告知一次性补充，补充后重新计算答复期限。' },
  inquiryToRequest: { title: '您的咨询可以申请政府信息公开', body: '您所问的属于政府信息，请确认申请人信息后提交政府信息公开申请。' },
  inquiryDueMoved: { title: '您的咨询答复期限已调整', body: '节假日安排公布后，答复期限按工作日重新计算。' },
};

/**
 * A case's news for the resident who asked, through the notifications outbox, in the same
 * transaction as the step. Message centre only: no WeChat template is registered for cases.
 * An anonymous complaint and a case staff entered have nobody to tell (case-machine.ts).
 */
export async function enqueueCaseNotifications(tx: Transaction, notifications: readonly CaseNotification[], now: Date): Promise<void> {
  for (const n of notifications) {
    const wording = WORDING[n.kind];
    await enqueueForPerson(tx, {
      cause: n.kind,
      subjectId: n.caseId,
      openid: n.openid,
      purpose: null,
      title: wording.title,
      body: `编号 ${n.caseNumber}。${n.detail ? `${n.detail}。` : ''}${wording.body}`,
      link: { type: 'inquiry', id: n.caseId },
      page: `${CASE_PAGE}?id=${n.caseId}`,
      values: { title: wording.title, trackingNumber: n.caseNumber, at: now.toISOString() },
      now,
    });
  }
}
