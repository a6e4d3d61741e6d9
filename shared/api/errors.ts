/**
 * Stable error codes shared by the cloud functions and the app.
 *
 * A code never changes meaning once shipped: the app branches on it and the
 * bureau's logs are searched by it. The message is what a resident reads, so it
 * is Chinese, plain, and says what to do next.
 */
export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, message: '请求格式不正确，请更新小程序后重试' },
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后重试' },
  UNKNOWN_FUNCTION: { status: 404, message: '所请求的服务不存在' },
  UNKNOWN_ACTION: { status: 404, message: '所请求的操作不存在' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大，请精简后重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录后再操作' },
  FORBIDDEN: { status: 403, message: '您没有权限执行此操作' },
  NOTICE_NOT_FOUND: { status: 404, message: '未找到该公开信息，可能已被撤回' },
  NOTICE_WITHDRAWN: { status: 410, message: '该信息已撤回，不再公开' },
  VERSION_CONFLICT: { status: 409, message: '内容已被他人修改，请刷新后重试' },
  INVALID_STATE: { status: 409, message: '当前状态下不能执行此操作' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  NOT_FOUND: { status: 404, message: '页面不存在' },
  SELF_REVIEW: { status: 409, message: '不能审核本人提交的事项，请由其他审核人员审核' },
  REVIEW_NOT_FOUND: { status: 404, message: '未找到该审核事项' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },

  // requests, calendar
  REQUEST_NOT_FOUND: { status: 404, message: '未找到该申请，请核对后重试' },
  SUPPLEMENT_WINDOW_CLOSED: { status: 409, message: '已超过收到申请之日起 7 个工作日，不能再要求补正' },
  SUPPLEMENT_ALREADY_REQUESTED: { status: 409, message: '补正只能一次性告知，本申请已告知过补正' },
  SUPPLEMENT_OVERDUE: { status: 409, message: '已超过补正期限，不能再补正，请重新提交申请' },
  ALREADY_EXTENDED: { status: 409, message: '答复期限只能延长一次，本申请已延长过' },
  EXTENSION_TOO_LATE: { status: 409, message: '答复期限已届满，不能再延长' },
  FEE_NOT_DUE: { status: 409, message: '按标准计算本申请无需缴纳信息处理费，不能发出收费通知' },
  FEE_METHOD_CONFLICT: { status: 409, message: '本月已对该申请人按另一种方式收费，同一申请人不能同时按件和按量计收' },
  FEE_PAYMENT_OVERDUE: { status: 409, message: '已超过缴费期限，不能再登记缴费' },
  RECEIVED_DATE_INVALID: { status: 400, message: '收到日期不能晚于今天，也不能早于申请提交之日' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '该提交标识已用于另一份申请，请刷新后重新提交' },
  REASONS_NOT_ASKED: { status: 409, message: '以申请数量、频次明显超过合理范围为由不予处理或延迟答复前，应当先要求申请人说明理由' },
  UNCLEAR_WITHOUT_SUPPLEMENT: { status: 409, message: '只有告知补正且申请人补正后内容仍不明确的，才能答复“补正后申请内容仍不明确”' },
  DELAYED_DUE_INVALID: { status: 400, message: '延迟答复的期限应晚于现行答复期限' },
  DELAYED_DUE_NOT_WORKING_DAY: { status: 400, message: '延迟答复的期限应为工作日，请另选日期' },

  // subscriptions, inbox
  SUBSCRIPTION_LIMIT_REACHED: { status: 409, message: '订阅数量已达上限，请先取消部分订阅' },
  DELIVERY_SUBJECT_NOT_FOUND: { status: 404, message: '未找到该信息或申请的通知记录' },

  // notices search, comments
  PERIOD_CLOSED: { status: 409, message: '不在征求意见期内，暂不能留言' },
  COMMENT_NOT_FOUND: { status: 404, message: '未找到该条意见' },
  COMMENT_LIMIT_REACHED: { status: 409, message: '您对这项征求意见的留言已达上限' },
  NOTICE_VERSION_NOT_FOUND: { status: 404, message: '未找到该历史版本' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传 PDF、Word、Excel、OFD 文档或 PNG、JPEG 图片' },
  FILE_TOO_LARGE: { status: 413, message: '附件不能超过 20 MB，请压缩或拆分后再上传' },
  FILE_NOT_FOUND: { status: 404, message: '未找到该附件，可能已被删除' },

  // windows, ratings
  WINDOW_NOT_FOUND: { status: 404, message: '未找到该服务窗口，可能已停用' },
  VISIT_NOT_FOUND: { status: 404, message: '评价码无效或已过期，请向窗口工作人员重新获取' },
  ALREADY_RATED: { status: 409, message: '这次服务已经评价过了，感谢您的参与' },
  RATING_NOT_FOUND: { status: 404, message: '未找到该评价' },
  FOLLOW_UP_NOT_FOUND: { status: 404, message: '未找到该差评的整改记录' },
  PLAN_DATE_OUT_OF_RANGE: { status: 400, message: '限期整改的完成日期应在今天之后，且不超过本机关规定的整改期限' },
  QRCODE_FAILED: { status: 502, message: '二维码生成失败，请稍后重试' },
  RATING_NOT_OPEN: { status: 409, message: '申请答复之后才能评价办理情况' },

  // staff administration
  INVITE_INVALID: { status: 404, message: '邀请码无效、已使用或已过期，请向管理员重新获取' },
  LAST_ADMIN: { status: 409, message: '不能移除或降级最后一名管理员，请先为他人设置管理员角色' },
  STAFF_NOT_FOUND: { status: 404, message: '未找到该工作人员' },

  // inquiries, complaints, FAQ
  INQUIRY_NOT_FOUND: { status: 404, message: '未找到该咨询或投诉，请核对编号后重试' },
  FAQ_NOT_FOUND: { status: 404, message: '未找到该常见问题，可能已停用' },
  // residents' own data
  ERASE_OPEN_REQUESTS: { status: 409, message: '您还有尚未办结的政府信息公开申请或咨询，请在答复或撤回后再删除个人信息' },
  PHONE_NUMBER_UNAVAILABLE: { status: 503, message: '未能获取微信绑定的手机号，请直接填写手机号码' },
  // annual report
  REPORT_ALREADY_PUBLISHED: { status: 409, message: '该年度报告已发布，数字已固定，不能再修改' },
  REPORT_CHECKS_FAILED: { status: 409, message: '年度报告未通过发布前检查，请按检查结果修正后再发布' },
  REPORT_CASE_NOT_FOUND: { status: 404, message: '未找到该行政复议或行政诉讼案件' },

} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Field-level problems, keyed by a dotted path ("period.end"), for forms to show next to the field. */
export type FieldErrors = Record<string, string>;

export interface ErrorEnvelope {
  ok: false;
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** RATE_LIMITED: whole seconds until the caller may try again (the local cloud also sends it as `Retry-After`). */
  retryAfter?: number;
}

export interface SuccessEnvelope<T> {
  ok: true;
  data: T;
}

export type Envelope<T> = SuccessEnvelope<T> | ErrorEnvelope;

/** An expected failure: carries a stable code; thrown by domain and handlers, turned into an envelope at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message?: string, fields?: FieldErrors, retryAfter?: number) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }

  toEnvelope(): ErrorEnvelope {
    const envelope: ErrorEnvelope = { ok: false, code: this.code, message: this.message };
    if (this.fields) envelope.fields = this.fields;
    if (this.retryAfter !== undefined) envelope.retryAfter = this.retryAfter;
    return envelope;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, value);
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
