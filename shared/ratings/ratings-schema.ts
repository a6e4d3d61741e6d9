import * as z from 'zod/mini';
import { refuseBidiControls } from '../api/bidi-controls';
import '../api/zod-messages';
import { IdSchema, VersionSchema } from '../api/common';
import { CONTACT_METHODS, FINDINGS, RECTIFICATIONS } from './follow-up';
import { RATING_LEVELS, RATING_TAGS } from './rating-levels';
import { VISIT_CODE_PATTERN } from './visit-codes';

/**
 * Input schemas for windows and ratings, shared by the server and the staff
 * forms (admin subpackage) and the rating page (its own subpackage). The
 * main package never imports this file: it carries zod.
 */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Names shown to staff and on the public pages refuse direction controls (bidi-controls.ts). */
const name = (max: number) => refuseBidiControls(text(max));

export const MonthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));
export const YearSchema = z.number().check(z.int(), z.gte(2000), z.lte(2100));
export const IsoDateSchema = z.iso.date();

export const VisitCodeSchema = z.pipe(z.pipe(z.string().check(z.trim()), z.transform((s) => s.toUpperCase())), z.string().check(z.regex(VISIT_CODE_PATTERN, '评价码格式不正确')));

export const ServiceInputSchema = z.strictObject({
  /** Absent for a new service; kept for an existing one so its figures stay with it. */
  id: z.optional(IdSchema),
  name: name(40),
});

export const WindowContentSchema = z.strictObject({
  name: name(40),
  departmentId: IdSchema,
  location: name(80),
  services: z.array(ServiceInputSchema).check(z.minLength(1, '请至少填写一项办理事项'), z.maxLength(30)),
  active: z._default(z.boolean(), true),
}).check(z.refine((w) => new Set(w.services.map((s) => s.name)).size === w.services.length, {
  message: '办理事项名称不能重复',
  path: ['services'],
}));
export type WindowContentInput = z.input<typeof WindowContentSchema>;

export const WindowSaveSchema = z.strictObject({ id: z.optional(IdSchema), version: z.optional(VersionSchema), window: WindowContentSchema }).check(z.refine((v) => (v.id === undefined) === (v.version === undefined), { message: '修改已有窗口时须同时提供编号和版本', path: ['version'] }));

/** Only http(s) origins: this lands in a printed QR code. */
export const OriginSchema = z.string().check(z.trim(), z.maxLength(200), z.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '地址格式不正确'));

/** Ids of ratings (and of their follow-ups, which share them) are composed, so longer than plain ids. */
export const RatingIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120), z.regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'));

const Tags = z._default(z.array(text(20)).check(z.maxLength(6)), []);

export const ContactPhoneSchema = z.string().check(z.trim(), z.regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写正确的手机号或座机号'));

/** A rating: by visit code (一次一评) or, from a window's own QR, by window. */
export const RatingSubmitSchema = z.strictObject({
  visitCode: z.optional(VisitCodeSchema),
  windowId: z.optional(IdSchema),
  /** 一事一评: an answered disclosure request of the caller's. */
  requestId: z.optional(IdSchema),
  serviceId: z.optional(IdSchema),
  level: z.enum(RATING_LEVELS),
  tags: Tags,
  comment: z._default(z.string().check(z.trim(), z.maxLength(300)), ''),
  anonymous: z._default(z.boolean(), false),
  /** Optional, for the follow-up of a 差评: seen only by the follow-up clerk. */
  contactName: z._default(refuseBidiControls(z.string().check(z.trim(), z.maxLength(20))), ''),
  contactPhone: z._default(z.union([ContactPhoneSchema, z.literal('')]), ''),
}).check(z.refine((v) => [v.visitCode, v.windowId, v.requestId].filter((x) => x !== undefined).length === 1, {
  message: '请扫描窗口二维码或评价码后评价',
  path: ['visitCode'],
}), z.refine((v) => v.serviceId === undefined || v.windowId !== undefined, {
  message: '评价码已包含办理事项',
  path: ['serviceId'],
}), z.refine((v) => v.tags.every((t) => RATING_TAGS[v.level].includes(t)), { message: '所选标签与评价等级不符', path: ['tags'] }), z.refine((v) => new Set(v.tags).size === v.tags.length, { message: '标签不能重复', path: ['tags'] }));
export type RatingSubmitInput = z.input<typeof RatingSubmitSchema>;

export const RatingTargetSchema = z.strictObject({ visitCode: z.optional(VisitCodeSchema), windowId: z.optional(IdSchema), requestId: z.optional(IdSchema) }).check(z.refine((v) => [v.visitCode, v.windowId, v.requestId].filter((x) => x !== undefined).length === 1, { message: '请扫描窗口二维码或评价码', path: ['visitCode'] }));

export const StatsInputSchema = z.strictObject({
  windowId: z.optional(IdSchema),
  departmentId: z.optional(IdSchema),
  serviceId: z.optional(IdSchema),
  month: z.optional(MonthSchema),
  year: z.optional(YearSchema),
});

export const FollowUpRespondSchema = z.strictObject({
  id: RatingIdSchema,
  version: VersionSchema,
  contactMethod: z.enum(CONTACT_METHODS),
  contactNote: text(300),
  finding: z.enum(FINDINGS),
  rectification: z.enum(RECTIFICATIONS),
  planDueDate: z.optional(IsoDateSchema),
  answer: text(1000),
}).check(z.refine((v) => v.rectification !== 'plan' || !!v.planDueDate, { message: '限期整改须填写整改完成日期', path: ['planDueDate'] }));
export type FollowUpRespondInput = z.input<typeof FollowUpRespondSchema>;

/** How far ahead a 限期整改 plan may be dated, at most: a year of working days (a bound on typing errors). */
export const PLAN_MAX_WORKING_DAYS_LIMIT = 250;

/**
 * The admin's change to the bureau's 好差评 settings: the bound on a 限期整改 plan's date, in working
 * days from the answer (国办发〔2019〕51号 leaves the period to the bureau; 限期整改 must have one).
 */
export const RatingSettingsSaveSchema = z.strictObject({
  planMaxWorkingDays: z.number().check(z.int('请填写整数个工作日'), z.gte(1, '至少 1 个工作日'), z.lte(PLAN_MAX_WORKING_DAYS_LIMIT, `不能多于 ${PLAN_MAX_WORKING_DAYS_LIMIT} 个工作日`)),
  /** The settings' version read (0 while the defaults apply). */
  version: z.number().check(z.int(), z.gte(0)),
});
