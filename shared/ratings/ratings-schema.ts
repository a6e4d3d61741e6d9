import * as z from 'zod';
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
const text = (max: number) => z.string().trim().min(1).max(max);
/** Names shown to staff and on the public pages refuse direction controls (bidi-controls.ts). */
const name = (max: number) => refuseBidiControls(text(max));

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const YearSchema = z.number().int().min(2000).max(2100);
export const IsoDateSchema = z.iso.date();

export const VisitCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(VISIT_CODE_PATTERN, '评价码格式不正确'));

export const ServiceInputSchema = z.strictObject({
  /** Absent for a new service; kept for an existing one so its figures stay with it. */
  id: IdSchema.optional(),
  name: name(40),
});

export const WindowContentSchema = z
  .strictObject({
    name: name(40),
    departmentId: IdSchema,
    location: name(80),
    services: z.array(ServiceInputSchema).min(1, '请至少填写一项办理事项').max(30),
    active: z.boolean().default(true),
  })
  .refine((w) => new Set(w.services.map((s) => s.name)).size === w.services.length, {
    message: '办理事项名称不能重复',
    path: ['services'],
  });
export type WindowContentInput = z.input<typeof WindowContentSchema>;

export const WindowSaveSchema = z
  .strictObject({ id: IdSchema.optional(), version: VersionSchema.optional(), window: WindowContentSchema })
  .refine((v) => (v.id === undefined) === (v.version === undefined), { message: '修改已有窗口时须同时提供编号和版本', path: ['version'] });

/** Only http(s) origins: this lands in a printed QR code. */
export const OriginSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '地址格式不正确');

/** Ids of ratings (and of their follow-ups, which share them) are composed, so longer than plain ids. */
export const RatingIdSchema = z.string().trim().min(1).max(120).regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

const Tags = z.array(text(20)).max(6).default([]);

export const ContactPhoneSchema = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写正确的手机号或座机号');

/** A rating: by visit code (一次一评) or, from a window's own QR, by window. */
export const RatingSubmitSchema = z
  .strictObject({
    visitCode: VisitCodeSchema.optional(),
    windowId: IdSchema.optional(),
    /** 一事一评: an answered disclosure request of the caller's. */
    requestId: IdSchema.optional(),
    serviceId: IdSchema.optional(),
    level: z.enum(RATING_LEVELS),
    tags: Tags,
    comment: z.string().trim().max(300).default(''),
    anonymous: z.boolean().default(false),
    /** Optional, for the follow-up of a 差评: seen only by the follow-up clerk. */
    contactName: refuseBidiControls(z.string().trim().max(20)).default(''),
    contactPhone: z.union([ContactPhoneSchema, z.literal('')]).default(''),
  })
  .refine((v) => [v.visitCode, v.windowId, v.requestId].filter((x) => x !== undefined).length === 1, {
    message: '请扫描窗口二维码或评价码后评价',
    path: ['visitCode'],
  })
  .refine((v) => v.serviceId === undefined || v.windowId !== undefined, {
    message: '评价码已包含办理事项',
    path: ['serviceId'],
  })
  .refine((v) => v.tags.every((t) => RATING_TAGS[v.level].includes(t)), { message: '所选标签与评价等级不符', path: ['tags'] })
  .refine((v) => new Set(v.tags).size === v.tags.length, { message: '标签不能重复', path: ['tags'] });
export type RatingSubmitInput = z.input<typeof RatingSubmitSchema>;

export const RatingTargetSchema = z
  .strictObject({ visitCode: VisitCodeSchema.optional(), windowId: IdSchema.optional(), requestId: IdSchema.optional() })
  .refine((v) => [v.visitCode, v.windowId, v.requestId].filter((x) => x !== undefined).length === 1, { message: '请扫描窗口二维码或评价码', path: ['visitCode'] });

export const StatsInputSchema = z.strictObject({
  windowId: IdSchema.optional(),
  departmentId: IdSchema.optional(),
  serviceId: IdSchema.optional(),
  month: MonthSchema.optional(),
  year: YearSchema.optional(),
});

export const FollowUpRespondSchema = z
  .strictObject({
    id: RatingIdSchema,
    version: VersionSchema,
    contactMethod: z.enum(CONTACT_METHODS),
    contactNote: text(300),
    finding: z.enum(FINDINGS),
    rectification: z.enum(RECTIFICATIONS),
    planDueDate: IsoDateSchema.optional(),
    answer: text(1000),
  })
  .refine((v) => v.rectification !== 'plan' || !!v.planDueDate, { message: '限期整改须填写整改完成日期', path: ['planDueDate'] });
export type FollowUpRespondInput = z.input<typeof FollowUpRespondSchema>;

/** How far ahead a 限期整改 plan may be dated, at most: a year of working days (a bound on typing errors). */
export const PLAN_MAX_WORKING_DAYS_LIMIT = 250;

/**
 * The admin's change to the bureau's 好差评 settings: the bound on a 限期整改 plan's date, in working
 * days from the answer (国办发〔2019〕51号 leaves the period to the bureau; 限期整改 must have one).
 */
export const RatingSettingsSaveSchema = z.strictObject({
  planMaxWorkingDays: z
    .number()
    .int('请填写整数个工作日')
    .min(1, '至少 1 个工作日')
    .max(PLAN_MAX_WORKING_DAYS_LIMIT, `不能多于 ${PLAN_MAX_WORKING_DAYS_LIMIT} 个工作日`),
  /** The settings' version read (0 while the defaults apply). */
  version: z.number().int().min(0),
});
