import type { PendingReview } from '../reviews/reviews-contract';
import { CursorSchema, IdSchema, LimitSchema, type PageOf } from '../api/common';
import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { resident, staff } from '../staff/roles';
import {
  AskReasonsSchema,
  AssignDepartmentSchema,
  AskSupplementSchema,
  GiveReasonsSchema,
  RecordReasonsSchema,
  SetDelayedDueSchema,
  AskFeeSchema,
  QuoteFeeSchema,
  RecordPaymentSchema,
  CloseSchema,
  ConsultSchema,
  EnterSchema,
  ExtendSchema,
  RegisterSchema,
  RecordSupplementSchema,
  ReplySchema,
  REQUEST_STATUSES,
  SubmitSchema,
  SupplementSchema,
  WithdrawSchema,
} from './request-schema';
import type { FeeQuote, MyRequestSummary, QueuePage, RequestView } from './request-types';
import { MAX_EXTENSION_WORKING_DAYS, SUPPLEMENT_WINDOW_WORKING_DAYS } from './statutory-periods';


/** A letter as a PDF file: base64, so it travels in the function's answer (WeChat writes it to a file and opens it). */
export interface LetterPdf {
  fileName: string;
  pdfBase64: string;
  bytes: number;
}

const handlers = staff('handler');

/**
 * Function `requests`: disclosure on request (依申请公开, 条例 Arts. 29–37).
 * Residents apply and follow their own requests; handlers (and admins) run
 * the statutory workflow. Every staff action answers the request as
 * `manageGet` does, so a page can re-render from the answer.
 */
export const requestsContract = {
  submit: action<RequestView>()({
    input: SubmitSchema,
    access: resident,
    summary: '居民在线提交政府信息公开申请；同一提交标识重试返回同一申请',
    writes: true,
  }),
  mine: action<PageOf<MyRequestSummary>>()({
    input: z.strictObject({ cursor: CursorSchema, limit: LimitSchema }),
    access: resident,
    summary: '我的申请，按提交时间倒序',
    writes: false,
  }),
  get: action<RequestView>()({
    input: z.strictObject({ id: IdSchema }),
    access: resident,
    summary: '我的一件申请：状态、期限及其说明、办理记录、答复和告知书',
    writes: false,
  }),
  letterPdf: action<LetterPdf>()({
    input: z.strictObject({ id: IdSchema, letter: z.number().check(z.int(), z.gte(0), z.lte(50)) }),
    access: resident,
    summary: '告知书的 PDF 文件（按本机关公文格式排版，加盖公章）：申请人本人的申请，或办理人员可办理的申请（查看留痕）',
    // Changes no record. A handler's download is a view of the applicant's personal data (the letter is
    // addressed to them): the handler writes its audit entry, as invoke does for manageGet; the applicant's own is not one.
    writes: false,
  }),
  supplement: action<RequestView>()({
    input: SupplementSchema,
    access: resident,
    summary: '按补正告知书补正申请；答复期限自补正之日起重新计算',
    writes: true,
  }),
  giveReasons: action<RequestView>()({
    input: GiveReasonsSchema,
    access: resident,
    summary: '按说明理由告知书说明申请理由（条例第三十五条）',
    writes: true,
  }),
  withdraw: action<RequestView>()({
    input: WithdrawSchema,
    access: resident,
    summary: '答复前撤回自己的申请',
    writes: true,
  }),

  queue: action<QueuePage>()({
    input: z.strictObject({
      status: z.optional(z.enum(REQUEST_STATUSES)),
      /** One department of the caller's (an admin: any); another's lists nothing. */
      departmentId: z.optional(IdSchema),
      /** 未分配部门: registered requests with no department (stored before departments), for an admin to hand on; anyone else lists none. */
      unassigned: z.optional(z.literal(true)),
      /** 我的待办's figures: open requests overdue, or due within 3 working days (the red and orange rows), most urgent first. */
      due: z.optional(z.enum(['overdue', 'dueSoon'])),
      cursor: CursorSchema,
      limit: LimitSchema,
    }),
    access: handlers,
    summary: '待办申请：待受理的网上申请在前（按等待时间），其余按答复期限排序；仅本人所在部门的申请；个人信息脱敏',
    writes: false,
  }),
  enter: action<RequestView>()({
    input: EnterSchema,
    access: handlers,
    summary: '录入信函、传真或当面提交的申请，按收到之日受理',
    writes: true,
  }),
  register: action<RequestView>()({
    input: RegisterSchema,
    access: handlers,
    summary: '受理网上申请（默认今天，可填更早的收到日期）',
    writes: true,
  }),
  askSupplement: action<RequestView>()({
    input: AskSupplementSchema,
    access: handlers,
    summary: `收到申请之日起 ${SUPPLEMENT_WINDOW_WORKING_DAYS} 个工作日内一次性告知补正事项和期限`,
    writes: true,
  }),
  recordSupplement: action<RequestView>()({
    input: RecordSupplementSchema,
    access: handlers,
    summary: '登记以邮寄、传真或当面方式收到的书面补正；答复期限自收到之日起重新计算',
    writes: true,
  }),
  consult: action<RequestView>()({
    input: ConsultSchema,
    access: handlers,
    summary: '开始或结束征求第三方或其他机关意见（期间不计入答复期限）',
    writes: true,
  }),
  /** Where the bureau requires 公开审查 for it, the answer is `{ pendingReview, reviewId }` and nothing is issued yet. */
  extend: action<RequestView | PendingReview>()({
    input: ExtendSchema,
    access: handlers,
    summary: `经负责人同意延长答复期限一次，最长 ${MAX_EXTENSION_WORKING_DAYS} 个工作日`,
    writes: true,
  }),
  askReasons: action<RequestView>()({
    input: AskReasonsSchema,
    access: handlers,
    summary: '申请数量、频次明显超过合理范围的，要求申请人说明理由（条例第三十五条）；答复期限照常计算',
    writes: true,
  }),
  recordReasons: action<RequestView>()({
    input: RecordReasonsSchema,
    access: handlers,
    summary: '登记申请人以信函、传真或当面方式说明的理由（条例第三十五条），按收到之日记录',
    writes: true,
  }),
  setDelayedDue: action<RequestView>()({
    input: SetDelayedDueSchema,
    access: handlers,
    summary: '申请理由合理但无法在法定期限内答复的，确定延迟答复的合理期限并告知申请人（条例第三十五条）',
    writes: true,
  }),
  /** Where the bureau requires 公开审查 for it, the answer is `{ pendingReview, reviewId }` and nothing is issued yet. */
  reply: action<RequestView | PendingReview>()({
    input: ReplySchema,
    access: handlers,
    summary: '作出答复：答复类型与年报统计类别、答复内容和附件',
    writes: true,
  }),
  /** Where the bureau requires 公开审查 for it, the answer is `{ pendingReview, reviewId }` and nothing is issued yet. */
  close: action<RequestView | PendingReview>()({
    input: CloseSchema,
    access: handlers,
    summary: '终止处理（如逾期未补正），计入年报“其他处理”',
    writes: true,
  }),
  quoteFee: action<FeeQuote>()({
    input: QuoteFeeSchema,
    access: handlers,
    summary: '按件或按量试算信息处理费（按申请人本自然月的申请计算），供发出收费通知前确认',
    writes: false,
  }),
  askFee: action<RequestView>()({
    input: AskFeeSchema,
    access: handlers,
    summary: '发出信息处理费收费通知（条例第四十二条），或决定减收、免收；缴费前答复期限暂停计算',
    writes: true,
  }),
  recordPayment: action<RequestView>()({
    input: RecordPaymentSchema,
    access: handlers,
    summary: '登记申请人缴纳信息处理费的日期，答复期限恢复计算（等待缴费的期间不计入）',
    writes: true,
  }),
  assignDepartment: action<RequestView>()({
    input: AssignDepartmentSchema,
    access: handlers,
    summary: '转交其他部门承办（管理员或原承办部门的办理人员）',
    writes: true,
  }),
  manageGet: action<RequestView>()({
    input: z.strictObject({ id: IdSchema }),
    access: handlers,
    summary: '工作人员查看申请全貌（含完整个人信息，查看留痕）',
    /** Each view of personal data is itself recorded (domain.md §6). */
    writes: true,
    viewsPersonalData: true,
  }),
};
