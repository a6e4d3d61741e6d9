import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { CursorSchema, IdSchema, LimitSchema, VersionSchema, type PageOf } from '../api/common';
import { anyone, resident, staff } from '../staff/roles';
import { FOLLOW_UP_STATUSES } from './follow-up';
import {
  FollowUpRespondSchema,
  MonthSchema,
  OriginSchema,
  RatingIdSchema,
  RatingSubmitSchema,
  RatingTargetSchema,
  RatingSettingsSaveSchema,
  StatsInputSchema,
  VisitCodeSchema,
  WindowSaveSchema,
} from './ratings-schema';
import type {
  FollowUpView,
  IssuedVisit,
  MyRating,
  PublicRating,
  RankingRow,
  RatingQr,
  RatingSettingsView,
  RatingStats,
  RatingTarget,
  ServiceWindow,
  SubmittedRating,
  WindowSummary,
} from './ratings-types';

/** Who works windows and follow-ups: rating officers (and admins, who may always act). */
const officers = staff('ratingOfficer');

export const windowsContract = {
  list: action<WindowSummary[]>()({
    input: z.strictObject({ departmentId: z.optional(IdSchema) }),
    access: anyone,
    summary: '服务窗口及其办理事项（仅在用的窗口）',
    writes: false,
  }),
  get: action<ServiceWindow>()({
    input: z.strictObject({ id: IdSchema }),
    access: officers,
    summary: '工作人员打开一个窗口进行编辑',
    writes: false,
  }),
  save: action<ServiceWindow>()({
    input: WindowSaveSchema,
    access: officers,
    summary: '新建或修改服务窗口（名称、部门、位置、办理事项、是否在用）',
    writes: true,
  }),
  qrcode: action<RatingQr>()({
    input: z.strictObject({ windowId: z.optional(IdSchema), visitCode: z.optional(VisitCodeSchema), origin: z.optional(OriginSchema) }).check(z.refine((v) => (v.windowId === undefined) !== (v.visitCode === undefined), { message: '请指定窗口或评价码', path: ['windowId'] })),
    access: officers,
    summary: '窗口评价二维码（可打印张贴），或一个评价码的二维码',
    writes: false,
  }),
  issueVisit: action<IssuedVisit>()({
    input: z.strictObject({ windowId: IdSchema, serviceId: z.optional(IdSchema), origin: z.optional(OriginSchema) }),
    access: officers,
    summary: '为一次办结的服务生成一次性评价码（默认 7 天有效）',
    writes: true,
  }),
  manageList: action<ServiceWindow[]>()({
    input: z.strictObject({}),
    access: officers,
    summary: '工作人员查看全部窗口（含停用的）',
    writes: false,
  }),
};

export const ratingsContract = {
  target: action<RatingTarget>()({
    input: RatingTargetSchema,
    access: resident,
    summary: '评价前查看评价码或窗口码对应的窗口和事项',
    writes: false,
  }),
  submit: action<SubmittedRating>()({
    input: RatingSubmitSchema,
    access: resident,
    summary: '居民评价一次服务：一码一评，窗口码每人每窗口每天一次；差评进入整改回访',
    writes: true,
  }),
  mine: action<PageOf<MyRating>>()({
    input: z.strictObject({ cursor: CursorSchema, limit: LimitSchema }),
    access: resident,
    summary: '我的评价及差评的整改答复',
    writes: false,
  }),
  feedback: action<MyRating>()({
    input: z.strictObject({ ratingId: RatingIdSchema, solved: z.boolean(), note: z._default(z.string().check(z.trim(), z.maxLength(300)), '') }),
    access: resident,
    summary: '居民对整改答复表态：问题是否解决',
    writes: true,
  }),
  stats: action<RatingStats>()({
    input: StatsInputSchema,
    access: anyone,
    summary: '满意率等数据：按窗口、事项、部门或全局，按月或按年',
    writes: false,
  }),
  publicList: action<PageOf<PublicRating>>()({
    input: z.strictObject({ windowId: z.optional(IdSchema), cursor: CursorSchema, limit: LimitSchema }),
    access: anyone,
    summary: '公开的评价（匿名的不显示评价人，未通过审核的评论不显示）',
    writes: false,
  }),
  followUps: action<PageOf<FollowUpView>>()({
    input: z.strictObject({
      status: z.optional(z.enum(FOLLOW_UP_STATUSES)),
      /** 我的待办's 差评整改: the follow-ups still owed (待处理 and 整改中), as it counts them. */
      owed: z.optional(z.literal(true)),
      cursor: CursorSchema,
      limit: LimitSchema,
    }),
    access: officers,
    summary: '差评整改回访队列，按到期日排序',
    writes: false,
  }),
  followUp: action<FollowUpView>()({
    input: z.strictObject({ id: RatingIdSchema }),
    access: officers,
    summary: '一条差评的整改回访详情（含评价人的完整联系方式，查看留痕）',
    /** The rater's name and phone unmasked, for the call back: each view is an audit entry (操作记录), as a request's is. */
    writes: true,
    viewsPersonalData: true,
  }),
  respond: action<FollowUpView>()({
    input: FollowUpRespondSchema,
    access: officers,
    summary: '记录联系、核实、整改并答复居民',
    writes: true,
  }),
  complete: action<FollowUpView>()({
    input: z.strictObject({ id: RatingIdSchema, version: VersionSchema, done: z.string().check(z.trim(), z.minLength(5, '请写明整改完成的情况（至少 5 个字）'), z.maxLength(1000)) }),
    access: officers,
    summary: '登记限期整改已完成及整改内容，之后居民可评价是否解决',
    writes: true,
  }),
  close: action<FollowUpView>()({
    input: z.strictObject({ id: RatingIdSchema, version: VersionSchema, note: z._default(z.string().check(z.trim(), z.maxLength(300)), '') }),
    access: officers,
    summary: '答复之后办结差评',
    writes: true,
  }),
  appeal: action<FollowUpView>()({
    input: z.strictObject({ id: RatingIdSchema, version: VersionSchema, reason: z.string().check(z.trim(), z.minLength(5, '请写明申诉理由（至少 5 个字）'), z.maxLength(500)) }),
    access: officers,
    summary: '单位对不实差评提出申诉，由管理员复核',
    writes: true,
  }),
  decideAppeal: action<FollowUpView>()({
    input: z.strictObject({ id: RatingIdSchema, version: VersionSchema, upheld: z.boolean(), note: z.string().check(z.trim(), z.minLength(2, '请填写复核意见'), z.maxLength(500)) }),
    access: staff('admin'),
    summary: '管理员复核申诉：成立则该差评不计入数据（记录保留）',
    writes: true,
  }),
  settings: action<RatingSettingsView>()({
    input: z.strictObject({}),
    // The officers work to these periods; only an admin changes them.
    access: officers,
    summary: '本机关好差评设置：差评整改回访期限、限期整改最长期限、评价码有效期、未核验评价是否计入',
    writes: false,
  }),
  saveSettings: action<RatingSettingsView>()({
    input: RatingSettingsSaveSchema,
    access: staff('admin'),
    summary: '管理员设置限期整改的最长期限（工作日）',
    writes: true,
  }),
  ranking: action<RankingRow[]>()({
    input: z.strictObject({ month: MonthSchema }),
    // Statistics: 统计查看人员 (viewer) read them too.
    access: staff('ratingOfficer', 'viewer'),
    summary: '窗口月度排名（满意率、评价数）',
    writes: false,
  }),
};
