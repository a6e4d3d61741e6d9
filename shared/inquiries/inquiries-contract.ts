import * as z from 'zod/mini';
import '../api/zod-messages';
import { CursorSchema, LimitSchema, type PageOf } from '../api/common';
import { action } from '../api/define';
import { IdSchema } from '../api/common';
import { resident, staff } from '../staff/roles';
import {
  AnswerSchema,
  AskMoreSchema,
  AskSchema,
  AssignSchema,
  CloseCaseSchema,
  EnterSchema,
  FollowUpSchema,
  GetCaseSchema,
  GiveMoreSchema,
  PublishFaqSchema,
  QueueSchema,
  RateAnswerSchema,
  RedirectFromRequestSchema,
  ToRequestSchema,
} from './inquiry-schema';
import type { CaseAnswerer, CaseQueueItem, MyCaseSummary, MyCaseView, StaffCaseView } from './inquiry-types';
import type { CaseFigures } from './case-figures';

const answerers = staff('answerer');

/**
 * Function `inquiries` (政务咨询、投诉举报): residents ask, follow up and rate;
 * answerers (and admins) enter calls, visits and letters, and answer within
 * the bureau's working days. Every staff action answers the case as
 * `manageGet` does, so a page can re-render from the answer. A case that is
 * not the caller's to see is INQUIRY_NOT_FOUND, the same as a missing one.
 */
export const inquiriesContract = {
  ask: action<{ id: string; caseNumber: string }>()({
    input: AskSchema,
    access: resident,
    summary: '居民提交咨询或投诉举报（投诉可匿名），取得编号；同一提交标识重试返回同一件',
    writes: true,
  }),
  mine: action<PageOf<MyCaseSummary>>()({
    input: z.strictObject({ cursor: CursorSchema, limit: LimitSchema }),
    access: resident,
    summary: '我的咨询和投诉，按提交时间倒序',
    writes: false,
  }),
  get: action<MyCaseView>()({
    input: GetCaseSchema,
    access: resident,
    summary: '按编号或 id 查看自己的一件咨询或投诉：状态、答复、记录',
    writes: false,
  }),
  followUp: action<MyCaseView>()({
    input: FollowUpSchema,
    access: resident,
    summary: '对答复追问，该件重新打开，答复期限重新计算',
    writes: true,
  }),
  rateAnswer: action<MyCaseView>()({
    input: RateAnswerSchema,
    access: resident,
    summary: '评价答复是否有帮助（可写原因）',
    writes: true,
  }),
  giveMore: action<MyCaseView>()({
    input: GiveMoreSchema,
    access: resident,
    summary: '按一次性告知补充内容，答复期限自补充之日起重新计算',
    writes: true,
  }),

  enter: action<StaffCaseView>()({
    input: EnterSchema,
    access: answerers,
    summary: '登记来电、来访或来信；当场答复的即时办结',
    writes: true,
  }),
  queue: action<PageOf<CaseQueueItem>>()({
    input: QueueSchema,
    access: answerers,
    summary: '待办咨询和投诉，按答复期限排序；投诉只对管理员和被分派人可见',
    writes: false,
  }),
  manageGet: action<StaffCaseView>()({
    input: z.strictObject({ id: IdSchema }),
    access: answerers,
    summary: '工作人员查看一件咨询或投诉全貌（含联系方式，查看留痕）',
    writes: true,
    viewsPersonalData: true,
  }),
  assign: action<StaffCaseView>()({
    input: AssignSchema,
    access: answerers,
    summary: '分派至部门或具体答复人员',
    writes: true,
  }),
  answerers: action<CaseAnswerer[]>()({
    input: z.strictObject({ departmentId: IdSchema }),
    access: answerers,
    summary: '可分派的答复人员：该部门的咨询答复人员和管理员',
    writes: false,
  }),
  askMore: action<StaffCaseView>()({
    input: AskMoreSchema,
    access: answerers,
    summary: '一次性告知需要补充的全部内容；补充到达后答复期限重新计算',
    writes: true,
  }),
  answer: action<StaffCaseView>()({
    input: AnswerSchema,
    access: answerers,
    summary: '答复咨询或投诉，并通知提问人',
    writes: true,
  }),
  close: action<StaffCaseView>()({
    input: CloseCaseSchema,
    access: answerers,
    summary: '办结',
    writes: true,
  }),
  publishFaq: action<StaffCaseView>()({
    input: PublishFaqSchema,
    access: answerers,
    summary: '将已答复的咨询（去除个人信息后）发布为常见问题；投诉举报不能发布',
    writes: true,
  }),
  redirectFromRequest: action<{ id: string; caseNumber: string; requestId: string }>()({
    input: RedirectFromRequestSchema,
    access: staff('handler'),
    summary: '将实为投诉、信访或咨询的政府信息公开申请转为咨询或投诉件办理（条例第三十九条），申请按不予处理答复',
    writes: true,
  }),
  figures: action<CaseFigures>()({
    input: z.strictObject({ year: z.number().check(z.int(), z.gte(2000), z.lte(2100)) }),
    access: staff('answerer', 'viewer'),
    summary: '咨询投诉年度数字：按月按渠道件数、按时答复率、答复用时中位数、有帮助比例（只有数字）',
    writes: false,
  }),
  toRequest: action<StaffCaseView>()({
    input: ToRequestSchema,
    access: answerers,
    summary: '咨询实为政府信息公开申请：办结本件，请当事人确认申请人信息后提交申请',
    writes: true,
  }),
};
