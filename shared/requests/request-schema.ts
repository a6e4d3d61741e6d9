import { IdempotencyKeySchema, IdSchema, MobileSchema, VersionSchema } from '../api/common';
import * as z from 'zod/mini';
import '../api/zod-messages';
import { refuseBidiControls } from '../api/bidi-controls';
import { creditCodeProblem, isRealDate, residentIdProblem } from './check-digits';
import { CLOSE_CATEGORIES, REPLY_CATEGORIES, REPLY_DETAIL_FIELDS, REPLY_DETAIL_LABELS, replyDetailFieldsOf, type ReplyCategory } from './reply-categories';
import { AttachmentSchema } from '../files/attachment-schema';
import { APP_UPLOADED_FILE } from '../files/attachment-files';
import { MAX_EXTENSION_WORKING_DAYS } from './statutory-periods';
import { FEE_METHODS, MAX_FEE_UNITS } from './processing-fee';

export * from './reply-categories';

/**
 * What a disclosure application (依申请公开, 条例 Art. 29) is made of. The same
 * schema validates the form on the phone (errors beside each field) and the
 * input on the server. Pure: zod and our own check-digit module only, so the
 * resident's request pages can import it. Pure also means no clock: the one
 * rule that needs today (a birth date not in the future) is
 * `applicantProblemsOn`, asked where today is known.
 */

// ── Enumerations and their labels (for pickers, lists and the annual report) ──

export const APPLICANT_TYPES = ['person', 'organization'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = { person: '自然人', organization: '法人或其他组织' };

export const ORG_KINDS = ['business', 'research', 'publicWelfare', 'legalService', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  business: '商业企业',
  research: '科研机构',
  publicWelfare: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
};

export const ID_TYPES = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanent', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanent: '外国人永久居留身份证',
  other: '其他有效身份证件',
};

export const INFORMATION_FORMS = ['electronic', 'paper'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];
export const INFORMATION_FORM_LABELS: Record<InformationForm, string> = { electronic: '电子文本', paper: '纸质文本' };

export const DELIVERY_METHODS = ['inApp', 'email', 'post', 'pickup'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  inApp: '在小程序内查看',
  email: '电子邮件',
  post: '邮寄',
  pickup: '当面领取',
};

/** How the application reached the bureau: online through the app, or entered by staff. */
export const CHANNELS = ['online', 'letter', 'fax', 'inPerson'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PAPER_CHANNELS = ['letter', 'fax', 'inPerson'] as const;
export type PaperChannel = (typeof PAPER_CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { online: '网上申请', letter: '信函', fax: '传真', inPerson: '当面申请' };

export const REQUEST_STATUSES = ['submitted', 'registered', 'supplementRequested', 'consulting', 'reasonsRequested', 'feeRequested', 'replied', 'withdrawn', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '待受理',
  registered: '办理中',
  supplementRequested: '待补正',
  consulting: '征求意见中',
  reasonsRequested: '待说明理由',
  feeRequested: '待缴费',
  replied: '已答复',
  withdrawn: '已撤回',
  closed: '已终止',
};
/** Statuses in which the bureau still owes an answer. */
export const OPEN_STATUSES = ['submitted', 'registered', 'supplementRequested', 'consulting', 'reasonsRequested', 'feeRequested'] as const satisfies readonly RequestStatus[];

export const CONSULTED_PARTIES = ['thirdParty', 'agency'] as const;
export type ConsultedParty = (typeof CONSULTED_PARTIES)[number];
export const CONSULTED_PARTY_LABELS: Record<ConsultedParty, string> = { thirdParty: '第三方', agency: '其他行政机关' };

// ── Field schemas ──

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

export const IsoDateSchema = z.iso.date();

export { IdempotencyKeySchema, MobileSchema };

export const ApplicantSchema = z.strictObject({
  type: z.enum(APPLICANT_TYPES),
  orgKind: z.optional(z.enum(ORG_KINDS)),
  /** The person's name, or the organisation's full name. */
  name: refuseBidiControls(text(100)),
  idType: z.optional(z.enum(ID_TYPES)),
  idNumber: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(30))),
  creditCode: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(18))),
  phone: MobileSchema,
  email: z.optional(z.email('请填写有效的电子邮箱').check(z.maxLength(100))),
  address: optionalText(200),
}).check(z.superRefine((a, ctx) => {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (a.type === 'person') {
    if (a.orgKind) problem('orgKind', '自然人申请无需选择组织类别');
    if (!a.idType) problem('idType', '请选择证件类型');
    if (!a.idNumber) problem('idNumber', '请填写证件号码');
    else if (a.idType === 'residentId') {
      const why = residentIdProblem(a.idNumber, ANY_DAY);
      if (why === 'format') problem('idNumber', '居民身份证号码应为 18 位');
      if (why === 'birthDate') problem('idNumber', '身份证号码中的出生日期不正确');
      if (why === 'checkDigit') problem('idNumber', '身份证号码校验位不正确，请核对');
    } else if (a.idNumber.length < 5) problem('idNumber', '证件号码不完整');
  } else {
    if (!a.orgKind) problem('orgKind', '请选择组织类别');
    if (!a.creditCode) problem('creditCode', '请填写统一社会信用代码');
    else {
      const why = creditCodeProblem(a.creditCode);
      if (why === 'format') problem('creditCode', '统一社会信用代码应为 18 位数字或大写字母');
      if (why === 'checkDigit') problem('creditCode', '统一社会信用代码校验位不正确，请核对');
    }
  }
}));
export type Applicant = z.infer<typeof ApplicantSchema>;

export const InformationSchema = z.strictObject({
  /** What is sought, in the applicant's words (required). */
  description: text(2000),
  title: optionalText(200),
  /** 文号, e.g. 云建发〔2026〕12号 */
  docNumber: optionalText(60),
});
export type InformationSought = z.infer<typeof InformationSchema>;

const applicationShape = {
  idempotencyKey: IdempotencyKeySchema,
  applicant: ApplicantSchema,
  information: InformationSchema,
  /** Never required (no reason need be given); recorded when offered. */
  purpose: optionalText(500),
  form: z.enum(INFORMATION_FORMS),
  delivery: z.enum(DELIVERY_METHODS),
};

type ApplicationLike = {
  applicant: { address?: string; email?: string };
  form: InformationForm;
  delivery: DeliveryMethod;
};

/** Rules that tie fields together: what post needs, what email needs, what paper can travel by. */
function checkDelivery(v: ApplicationLike, ctx: z.core.$RefinementCtx<unknown>): void {
  if (v.delivery === 'post' && !v.applicant.address) {
    ctx.addIssue({ code: 'custom', path: ['applicant', 'address'], message: '选择邮寄时请填写通讯地址' });
  }
  if (v.delivery === 'email' && !v.applicant.email) {
    ctx.addIssue({ code: 'custom', path: ['applicant', 'email'], message: '选择电子邮件时请填写邮箱' });
  }
  if (v.form === 'paper' && (v.delivery === 'inApp' || v.delivery === 'email')) {
    ctx.addIssue({ code: 'custom', path: ['delivery'], message: '纸质文本请选择邮寄或当面领取' });
  }
}

/**
 * `requests.submit`: an application made online by the resident. `fromCaseId`: the resident's own
 * inquiry that staff found to be a disclosure request (inquiries.toRequest); the two are linked both ways.
 */
export const SubmitSchema = z.strictObject({ ...applicationShape, fromCaseId: z.optional(IdSchema) }).check(z.superRefine(checkDelivery));
export type SubmitInput = z.input<typeof SubmitSchema>;
export type Application = z.output<typeof SubmitSchema>;

/** `requests.enter`: a paper, fax or walk-in application typed in by staff, registered at once. */
export const EnterSchema = z.strictObject({
  ...applicationShape,
  channel: z.enum(PAPER_CHANNELS),
  /** The day the bureau received it (day zero); letters are often entered days later. */
  receivedOn: IsoDateSchema,
  /** The department that will handle it; by default the clerk's own (department-scope.ts). */
  departmentId: z.optional(IdSchema),
}).check(z.superRefine(checkDelivery));
export type EnterInput = z.input<typeof EnterSchema>;

/** Reply and supplement attachments follow the same rule as a notice's: https://, cloud:// or a local-cloud upload (/files/<id>). */
export { AttachmentSchema };
export type RequestAttachment = z.infer<typeof AttachmentSchema>;

const target = { id: IdSchema, version: VersionSchema };

/** What a resident attaches: only files uploaded through the app (the handler also checks a local upload is the caller's own). */
export const ResidentAttachmentSchema = AttachmentSchema.check(z.refine((a) => APP_UPLOADED_FILE.test(a.url), {
  message: '只能附上通过本小程序上传的文件',
  path: ['url'],
}));

export const SupplementSchema = z.strictObject({
  ...target,
  /** The applicant's answer to every item the bureau listed. */
  text: text(4000),
  attachments: z.optional(z.array(ResidentAttachmentSchema).check(z.maxLength(10))),
});

/** `requests.recordSupplement`: a supplement that came by post, fax or in person, typed in by staff. */
export const RecordSupplementSchema = z.strictObject({
  ...target,
  /** The day the bureau received it: the reply deadline restarts from this day. */
  receivedOn: IsoDateSchema,
  text: text(4000),
  attachments: z.optional(z.array(AttachmentSchema).check(z.maxLength(10))),
  /** Art. 30: the applicant's good reason for a supplement after its period; required then, refused otherwise. */
  lateReason: optionalText(500),
});

export const WithdrawSchema = z.strictObject({ ...target, reason: optionalText(200) });

/** `departmentId`: who handles it from now on; by default the clerk's own department (department-scope.ts). */
export const RegisterSchema = z.strictObject({ ...target, receivedOn: z.optional(IsoDateSchema), departmentId: z.optional(IdSchema) });

/** `requests.assignDepartment`: hand a registered request to another department. */
export const AssignDepartmentSchema = z.strictObject({ ...target, departmentId: IdSchema });

export const AskSupplementSchema = z.strictObject({
  ...target,
  /** Everything to fix, listed once (Art. 30: the bureau may ask only once). */
  items: z.array(text(500)).check(z.minLength(1), z.maxLength(20)),
  /** The period given, in working days. */
  workingDays: z.number().check(z.int(), z.gte(1), z.lte(30)),
});

export const ConsultSchema = z.discriminatedUnion('step', [
  z.strictObject({
    ...target,
    step: z.literal('start'),
    party: z.enum(CONSULTED_PARTIES),
    partyName: refuseBidiControls(text(100)),
    matter: text(1000),
  }),
  z.strictObject({
    ...target,
    step: z.literal('end'),
    outcome: text(1000),
  }),
]);

export const ExtendSchema = z.strictObject({
  ...target,
  /** Added to the due date in force (Art. 33: at most 20, once). */
  workingDays: z.number().check(z.int(), z.gte(1), z.lte(MAX_EXTENSION_WORKING_DAYS)),
  /** Who approved it: the head of the disclosure office. */
  approver: text(50),
  reason: text(500),
});

/**
 * Art. 35 (unreasonable volume or frequency): the bureau asks the applicant
 * to state reasons (`askReasons`, a letter), the applicant answers in the app
 * (`giveReasons`), and the bureau either does not process the request
 * (`notProcessed.excessive`) or, finding the reasons sound, fixes a
 * reasonable later date to answer by (`setDelayedDue`, 延迟答复).
 */
export const AskReasonsSchema = z.strictObject({
  ...target,
  /** What the bureau asks the applicant to explain (the volume or frequency it found beyond reason). */
  text: text(2000),
});

export const GiveReasonsSchema = z.strictObject({
  ...target,
  /** The applicant's reasons, in their own words. */
  text: text(4000),
});

/** Reasons the applicant gave by letter, fax or in person (Art. 35), typed in by a clerk with the day they were received. */
export const RecordReasonsSchema = z.strictObject({
  ...target,
  /** The day the reasons reached the bureau (Beijing, YYYY-MM-DD): not before they were asked for, not in the future. */
  receivedOn: IsoDateSchema,
  /** The applicant's reasons, transcribed or summarised. */
  text: text(4000),
});

export const SetDelayedDueSchema = z.strictObject({
  ...target,
  /** The later day the bureau will answer by (Beijing, YYYY-MM-DD): after the due date in force. */
  dueOn: IsoDateSchema,
  /** Why the reasons were found sound and why the usual period is not enough. */
  reason: text(1000),
});

/** 依申〔2026〕000123号, as tracking numbers are printed. */
export const TrackingNumberSchema = z.string().check(z.trim(), z.regex(/^依申〔\d{4}〕\d{6}号$/, '申请编号格式应为 依申〔2026〕000123号'));

/** The fields some replies must name (Art. 36), each optional on the wire; replyDetailsProblems says which a category takes. */
const replyDetailShape = {
  whereToFind: optionalText(1000),
  agencyName: z.optional(refuseBidiControls(text(100))),
  agencyContact: optionalText(200),
  procedure: optionalText(500),
  earlierTrackingNumber: z.optional(TrackingNumberSchema),
  basis: optionalText(500),
};

/**
 * A category's details: the ones it needs are there, an agency comes with its contact, and nothing
 * another category would use is sent (so a letter never carries a field its form did not show).
 */
function checkReplyDetails(v: { category: ReplyCategory } & Partial<Record<(typeof REPLY_DETAIL_FIELDS)[number], string>>, ctx: z.core.$RefinementCtx<unknown>): void {
  const { fields, required } = replyDetailFieldsOf(v.category);
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  for (const field of REPLY_DETAIL_FIELDS) {
    const given = Boolean(v[field]);
    if (given && !fields.includes(field)) problem(field, `该答复类别不需要填写${REPLY_DETAIL_LABELS[field]}`);
    if (!given && required.includes(field)) problem(field, `请填写${REPLY_DETAIL_LABELS[field]}`);
  }
  if (v.category === 'unavailable.notHeld' && Boolean(v.agencyName) !== Boolean(v.agencyContact)) {
    problem(v.agencyName ? 'agencyContact' : 'agencyName', '不属于本机关负责公开的，请同时写明负责公开的行政机关及其联系方式（条例第三十六条第五项）');
  }
}

export const ReplySchema = z.strictObject({
  ...target,
  category: z.enum(REPLY_CATEGORIES),
  text: text(10000),
  attachments: z.optional(z.array(AttachmentSchema).check(z.maxLength(20))),
  ...replyDetailShape,
}).check(z.superRefine(checkReplyDetails));

export const CloseSchema = z.strictObject({
  ...target,
  category: z.enum(CLOSE_CATEGORIES),
  reason: text(1000),
  /** `other.other` only: the provision it relies on (e.g. 第三十九条第二款, or another law by its name). */
  basis: optionalText(500),
}).check(z.superRefine(checkReplyDetails));

/**
 * `requests.askFee`: a fee notice (收费通知, 条例 Art. 42) by one table, with the units this
 * application counts as (items, or pages); the amount is computed on the server from the applicant's
 * month. `waive` (免收) or `reducedTo` (减收, in 元, below the table's amount) need a reason.
 */
export const AskFeeSchema = z.strictObject({
  ...target,
  method: z.enum(FEE_METHODS),
  units: z.number().check(z.int(), z.gte(1), z.lte(MAX_FEE_UNITS)),
  waive: z.optional(z.boolean()),
  reducedTo: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100_000_000))),
  reason: optionalText(500),
}).check(z.superRefine((v, ctx) => {
  if ((v.waive || v.reducedTo !== undefined) && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '减免信息处理费须写明理由' });
  if (v.waive && v.reducedTo !== undefined) ctx.addIssue({ code: 'custom', path: ['reducedTo'], message: '免收时无需填写减收后的金额' });
}));

/** `requests.quoteFee`: what a notice by this table would charge, before it is issued (the clerk's confirmation). */
export const QuoteFeeSchema = z.strictObject({ id: IdSchema, method: z.enum(FEE_METHODS), units: z.number().check(z.int(), z.gte(1), z.lte(MAX_FEE_UNITS)) });

/** `requests.recordPayment`: the day the applicant paid; the clock runs again from the next working day. */
export const RecordPaymentSchema = z.strictObject({ ...target, paidOn: IsoDateSchema });

/**
 * The schemas read no clock, so they check a 居民身份证 number's birth date against no "today": a
 * real day from 1900 on. That it is not after today is applicantProblemsOn's, below.
 */
const ANY_DAY = '9999-12-31';

/**
 * The rule of an applicant that needs today (Beijing, YYYY-MM-DD): a 居民身份证 number's birth date
 * may not be after it. Answered as field errors, keyed as the schema's are ({} when none), so a
 * refusal reads the same as the schema's own; newRequest asks it of every new request.
 */
export function applicantProblemsOn(applicant: Pick<Applicant, 'type' | 'idType' | 'idNumber'>, today: string): Record<string, string> {
  if (applicant.type !== 'person' || applicant.idType !== 'residentId' || !applicant.idNumber) return {};
  return residentIdProblem(applicant.idNumber, today) === 'birthDate' ? { 'applicant.idNumber': '身份证号码中的出生日期不正确' } : {};
}

export { isRealDate };
