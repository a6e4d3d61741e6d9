import * as z from 'zod/mini';
import '../api/zod-messages';
import { CursorSchema, IdempotencyKeySchema, IdSchema, LimitSchema, MobileSchema, VersionSchema } from '../api/common';
import { refuseBidiControls } from '../api/bidi-controls';
import { AttachmentSchema } from '../files/attachment-schema';
import { CASE_NUMBER_PATTERN, ENTERED_CHANNELS, INQUIRY_KINDS, INQUIRY_STATUSES, REPLY_BY } from './inquiry-types';

/**
 * The inputs of function `inquiries`, shared by the forms (errors beside each
 * field) and the server. Limits: a question fits a screen or two, up to 9
 * photos (WeChat's image picker's own limit), 一次性告知 lists at most 10 items.
 */
const text = (max: number) => refuseBidiControls(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));

export const MAX_CASE_PHOTOS = 9;
export const MAX_MORE_ITEMS = 10;

/** A caller's number as staff hear it: a mobile, or a landline with its area code. */
const PhoneSchema = z.string().check(z.trim(), z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号码或带区号的固定电话'));

export const AskSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  kind: z.enum(INQUIRY_KINDS),
  topic: text(50),
  departmentId: z.optional(IdSchema),
  text: text(2000),
  attachments: z.optional(z.array(AttachmentSchema).check(z.maxLength(MAX_CASE_PHOTOS, `最多上传 ${MAX_CASE_PHOTOS} 张图片`))),
  contact: z.optional(z.strictObject({ name: text(50), phone: MobileSchema })),
  anonymous: z.optional(z.boolean()),
  replyBy: z.optional(z.enum(REPLY_BY)),
}).check(z.superRefine((a, ctx) => {
  if (a.anonymous && a.kind !== 'complaint') ctx.addIssue({ code: 'custom', path: ['anonymous'], message: '只有投诉举报可以匿名提交' });
  if (a.anonymous && a.contact) ctx.addIssue({ code: 'custom', path: ['contact'], message: '匿名投诉无需填写姓名和电话' });
  if (a.replyBy === 'phone' && !a.contact) ctx.addIssue({ code: 'custom', path: ['contact'], message: '选择电话回复，请填写姓名和手机号码' });
}));
export type AskInput = z.input<typeof AskSchema>;

export const EnterSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  kind: z.enum(INQUIRY_KINDS),
  channel: z.enum(ENTERED_CHANNELS),
  /** When the call, visit or letter came; not in the future (checked against the server's clock). */
  contactedAt: z.iso.datetime({ offset: true, message: '请填写来电、来访或来信的时间' }),
  topic: text(50),
  departmentId: z.optional(IdSchema),
  text: text(2000),
  contact: z.optional(z.strictObject({ name: z.optional(text(50)), phone: z.optional(PhoneSchema) })),
  /** The answer given on the spot: the case is closed at once. */
  answer: z.optional(text(5000)),
});
export type EnterInput = z.input<typeof EnterSchema>;

const CaseRef = { id: IdSchema, version: VersionSchema };

export const GetCaseSchema = z.strictObject({
  id: z.optional(IdSchema),
  caseNumber: z.optional(z.string().check(z.trim(), z.regex(CASE_NUMBER_PATTERN, '请填写完整的编号，如 咨〔2026〕000123号'))),
}).check(z.refine((g) => (g.id === undefined) !== (g.caseNumber === undefined), { message: '请提供编号', path: ['id'] }));

export const FollowUpSchema = z.strictObject({ ...CaseRef, text: text(2000), attachments: z.optional(z.array(AttachmentSchema).check(z.maxLength(MAX_CASE_PHOTOS))) });
export const GiveMoreSchema = FollowUpSchema;
export const RateAnswerSchema = z.strictObject({ ...CaseRef, helpful: z.boolean(), reason: z.optional(text(300)) });

export const QueueSchema = z.strictObject({
  status: z.optional(z.enum(INQUIRY_STATUSES)),
  kind: z.optional(z.enum(INQUIRY_KINDS)),
  cursor: CursorSchema,
  limit: LimitSchema,
});
export const AssignSchema = z.strictObject({ ...CaseRef, departmentId: IdSchema, answererOpenid: z.optional(IdSchema) });
export const AskMoreSchema = z.strictObject({
  ...CaseRef,
  items: z.array(text(200)).check(z.minLength(1, '请列出需要补充的内容'), z.maxLength(MAX_MORE_ITEMS, `一次最多列 ${MAX_MORE_ITEMS} 项`)),
});
export const AnswerSchema = z.strictObject({ ...CaseRef, text: text(5000) });
export const CloseCaseSchema = z.strictObject({ ...CaseRef, note: z.optional(text(300)) });
export const PublishFaqSchema = z.strictObject({ ...CaseRef, question: text(200), answer: text(5000) });

/** 条例 Art. 39: the request (at the version the clerk read) becomes a case of this kind. */
export const RedirectFromRequestSchema = z.strictObject({ requestId: IdSchema, version: VersionSchema, kind: z.enum(INQUIRY_KINDS) });
export const ToRequestSchema = z.strictObject({ ...CaseRef, note: z.optional(text(300)) });
