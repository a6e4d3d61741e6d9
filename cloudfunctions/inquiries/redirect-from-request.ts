import { AppError } from '../../shared/api/errors';
import type { InquiryKind, InquiryRecord } from '../../shared/inquiries/inquiry-types';
import { INQUIRY_KIND_LABELS } from '../../shared/inquiries/inquiry-types';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { changeRecordIn } from '../_runtime/change-record';
import { retryingNumberRaces } from '../_runtime/gap-free-sequence';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { loadAnswerPeriods } from '../guide/guide-data';
import { decideRequestChange, lettersInForce } from '../requests/apply-command';
import { loadBureau } from '../requests/bureau';
import { deliverRequestNotifications } from '../requests/notification-seam';
import { staffActor } from './case-actors';
import { insertCase } from './create-case';

/**
 * 条例 Art. 39: a "request" that is really a complaint, a petition or an inquiry is not lost but
 * redirected, in one step and one transaction: the request is answered 不予处理（信访举报投诉类）
 * (the annual report's (五)1) with a letter that names the case it went to, the applicant is
 * notified as for any reply, and the case starts its own clock with the question, the applicant's
 * name and phone, and a link back. Both keep their histories.
 */
export async function redirectFromRequest(ctx: HandlerContext, requestId: string, version: number, kind: InquiryKind): Promise<Stored<InquiryRecord>> {
  const [calendar, periods, letters, { government }] = await Promise.all([loadCalendar(ctx.store), loadAnswerPeriods(ctx.store), lettersInForce(ctx.store), loadBureau(ctx.store)]);
  const actor = staffActor(ctx);
  return retryingNumberRaces(() => {
    const now = ctx.now();
    return ctx.store.transaction(async (tx) => {
      const request = await tx.collection('requests').get(requestId);
      if (!request || !requestInScope(requestScopeOf(ctx.caller), request)) throw new AppError('REQUEST_NOT_FOUND');
      if (request.version !== version) throw new AppError('VERSION_CONFLICT');
      const created = await insertCase(
        tx,
        {
          kind,
          topic: (request.information.title ?? '').trim().slice(0, 50) || '由政府信息公开申请转来',
          department: request.departmentId ? { id: request.departmentId, name: (await tx.collection('departments').get(request.departmentId))?.name ?? '' } : null,
          text: request.information.description,
          attachments: [],
          contact: { name: request.applicant.name, phone: request.applicant.phone },
          replyBy: 'app',
          anonymous: false,
          source: { channel: 'request', ownerOpenid: request.ownerOpenid, request: { id: request.id, trackingNumber: request.trackingNumber }, redirectedBy: actor },
        },
        { now, calendar, periods, actor: ctx.caller.openid as string },
      );
      const text = `您的申请属于${INQUIRY_KIND_LABELS[kind]}事项，不作为政府信息公开申请处理，已转为${INQUIRY_KIND_LABELS[kind]}件（编号 ${created.caseNumber}）办理，可在“我的咨询”中查看进展。`;
      await changeRecordIn(tx, {
        collection: 'requests',
        id: requestId,
        expectedVersion: version,
        notFound: 'REQUEST_NOT_FOUND',
        decide: decideRequestChange(
          { type: 'reply', actor: { role: 'staff', openid: actor.openid, name: actor.name }, category: 'notProcessed.petition', text, attachments: [], government },
          now,
          calendar,
          letters,
          (inner, intents) => deliverRequestNotifications(inner, intents, ctx),
        ),
      });
      return created;
    });
  });
}
