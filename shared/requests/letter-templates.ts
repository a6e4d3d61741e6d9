import * as z from 'zod/mini';
import { refuseBidiControls } from '../api/bidi-controls';
import '../api/zod-messages';
import type { FieldErrors } from '../api/errors';
import { fillTemplate, type LetterTemplate, type LetterTemplateKey } from './letters';
import type { Letter } from './request-types';
import { LETTER_TEMPLATE_KEYS, LETTER_TEMPLATE_LABELS } from './letter-template-labels';
import { chinesePlaceholder, PLACEHOLDER_NAMES, PLACEHOLDER_PATTERN, placeholderKeyOf } from './letter-placeholders';

/**
 * What the bureau's admin may change in a formal letter's template, and what
 * it may not: each template lists the placeholders it can use, and the ones
 * a letter of its kind cannot do without (a reply without the remedies
 * sentence would break Art. 51; a supplement request must list the items and
 * the deadline, Art. 30; an extension notice must say by when, Art. 33).
 * Pure: the editor page validates with the same schema as the server.
 */
export { LETTER_TEMPLATE_KEYS, LETTER_TEMPLATE_LABELS };

/** Every placeholder, with what it stands for. */
export const SLOT_LABELS = {
  applicant: '申请人姓名或名称',
  addressForm: '对申请人的称呼（个人为“您”，单位为“贵单位”）',
  trackingNumber: '申请编号',
  submittedOn: '提交申请日期',
  receivedOn: '收到申请日期',
  subject: '所申请的信息',
  bureau: '本机关名称',
  form: '信息形式（电子/纸质）',
  delivery: '获取方式',
  replyText: '答复正文（办理人员填写）',
  legalBasis: '法律依据（按答复类别）',
  remedies: '救济途径（条例第五十一条）',
  category: '答复情形（年报类别）',
  items: '补正事项',
  supplementDays: '补正期限（工作日数）',
  supplementDeadline: '补正截止日期',
  extensionDays: '延长的工作日数',
  extensionReason: '延期理由',
  dueOn: '延长后的答复期限',
  whereToFind: '获取已公开信息的方式和途径',
  agencyName: '负责公开该信息的行政机关',
  agencyContact: '该机关的联系方式',
  procedure: '应当依照办理的特别程序',
  earlierTrackingNumber: '已答复的原申请编号',
  reasonsText: '要求说明理由的事项',
  delayedDueOn: '延迟答复的期限',
  delayedReason: '延迟答复的原因',
  feeMethod: '计收方式（按件/按量）',
  feeUnits: '计费件数或页数',
  feeAmount: '应缴金额（元）',
  feeComputation: '金额计算方法',
  feeDeadline: '缴费截止日期',
  feeDays: '缴费期限（工作日数）',
} as const satisfies Record<keyof typeof PLACEHOLDER_NAMES, string>;
export type SlotName = keyof typeof SLOT_LABELS;

const COMMON_SLOTS: SlotName[] = ['applicant', 'addressForm', 'trackingNumber', 'submittedOn', 'receivedOn', 'subject', 'bureau', 'form', 'delivery'];
const REPLY_SLOTS: SlotName[] = ['replyText', 'legalBasis', 'remedies', 'category'];
/**
 * The Art. 36 fields a reply letter of each kind carries, and cannot lose: where already-public
 * information is (36(1)), the agency responsible (36(5)), the special procedure (36(7)), the earlier
 * request (36(6)).
 */
const REPLY_DETAIL_SLOTS: Partial<Record<LetterTemplateKey, SlotName[]>> = {
  alreadyPublic: ['whereToFind'],
  notOurs: ['agencyName', 'agencyContact'],
  specialProcedure: ['procedure'],
  repeat: ['earlierTrackingNumber'],
};

export function slotsOf(key: LetterTemplateKey): SlotName[] {
  if (key === 'supplement') return [...COMMON_SLOTS, 'items', 'supplementDays', 'supplementDeadline'];
  if (key === 'extension') return [...COMMON_SLOTS, 'extensionDays', 'extensionReason', 'dueOn'];
  if (key === 'reasons') return [...COMMON_SLOTS, 'reasonsText'];
  if (key === 'delayedDue') return [...COMMON_SLOTS, 'delayedDueOn', 'delayedReason'];
  if (key === 'fee') return [...COMMON_SLOTS, 'feeMethod', 'feeUnits', 'feeAmount', 'feeComputation', 'feeDeadline', 'feeDays', 'remedies'];
  return [...COMMON_SLOTS, ...REPLY_SLOTS, ...(REPLY_DETAIL_SLOTS[key] ?? [])];
}

/** The placeholders a template of `key` must keep. */
export function requiredSlotsOf(key: LetterTemplateKey): SlotName[] {
  if (key === 'supplement') return ['trackingNumber', 'items', 'supplementDeadline'];
  if (key === 'extension') return ['trackingNumber', 'extensionReason', 'extensionDays', 'dueOn'];
  if (key === 'reasons') return ['trackingNumber', 'reasonsText'];
  if (key === 'delayedDue') return ['trackingNumber', 'delayedDueOn', 'delayedReason'];
  // 办法: the notice says how much, how it was computed and by when; Art. 51: how to challenge it.
  if (key === 'fee') return ['trackingNumber', 'feeAmount', 'feeComputation', 'feeDeadline', 'remedies'];
  return ['trackingNumber', 'replyText', 'legalBasis', 'remedies', ...(REPLY_DETAIL_SLOTS[key] ?? [])];
}

/** Problems with a template's placeholders, by field ("title", "paragraphs", "paragraphs.2"). */
export function templateProblems(key: LetterTemplateKey, template: LetterTemplate): FieldErrors {
  const problems: FieldErrors = {};
  const allowed = new Set<string>(slotsOf(key));
  // Either name of a placeholder counts: the Chinese one the page shows, or the English one of a template saved before.
  const unknown = (text: string) => [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]).filter((name) => !allowed.has(placeholderKeyOf(name)));
  const badTitle = unknown(template.title);
  if (badTitle.length) problems.title = `不能使用的占位符：${badTitle.map((n) => `{${n}}`).join('、')}`;
  template.paragraphs.forEach((paragraph, i) => {
    const bad = unknown(paragraph);
    if (bad.length) problems[`paragraphs.${i}`] = `不能使用的占位符：${bad.map((n) => `{${n}}`).join('、')}`;
  });
  const used = new Set(template.paragraphs.flatMap((p) => [...p.matchAll(PLACEHOLDER_PATTERN)].map((m) => placeholderKeyOf(m[1]))));
  const missing = requiredSlotsOf(key).filter((name) => !used.has(name));
  if (missing.length) problems.paragraphs = `正文必须保留：${missing.map((n) => `${chinesePlaceholder(n)}（${SLOT_LABELS[n]}）`).join('、')}`;
  return problems;
}

const TemplateKeySchema = z.enum(LETTER_TEMPLATE_KEYS);
const TitleSchema = refuseBidiControls(z.string().check(z.trim(), z.minLength(1, '请填写告知书标题'), z.maxLength(60)));
const ParagraphsSchema = z.array(z.string().check(z.trim(), z.minLength(1, '段落不能为空，不需要的段落请删除'), z.maxLength(2000))).check(z.minLength(1), z.maxLength(20));

/** The placeholder rules, reported beside the field they concern. */
function checkPlaceholders(draft: { key: LetterTemplateKey; title: string; paragraphs: string[] }, ctx: z.core.$RefinementCtx): void {
  for (const [path, message] of Object.entries(templateProblems(draft.key, draft))) {
    ctx.addIssue({ code: 'custom', message, path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
  }
}

/** A draft to preview: shown whatever its placeholders, with their problems listed. */
export const PreviewLetterTemplateSchema = z.strictObject({ key: TemplateKeySchema, title: TitleSchema, paragraphs: ParagraphsSchema });

/**
 * Saving checks the placeholders too, so a required part cannot be removed.
 * It names the version the admin edited (0 when the built-in one was never
 * edited), so two admins never overwrite each other.
 */
export const SaveLetterTemplateSchema = z.strictObject({ key: TemplateKeySchema, version: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)), title: TitleSchema, paragraphs: ParagraphsSchema }).check(z.superRefine(checkPlaceholders));

export const ResetLetterTemplateSchema = z.strictObject({ key: TemplateKeySchema, version: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)) });

/** The bureau's version of one template, stored under its key. `custom: false` after a reset to the default. */
export interface StoredLetterTemplate {
  title: string;
  paragraphs: string[];
  custom: boolean;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string | null;
}

export interface LetterTemplateView {
  key: LetterTemplateKey;
  label: string;
  title: string;
  paragraphs: string[];
  /** False while the built-in text is in force (never edited, or reset). */
  custom: boolean;
  /** The stored version to send back when saving: 0 when never edited. Issued letters record it as their template revision. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  /** `name` is the value's code name; `placeholder` how a template writes it (`{申请人}`). */
  slots: Array<{ name: SlotName; placeholder: string; label: string; required: boolean }>;
  defaultTitle: string;
  defaultParagraphs: string[];
}

export interface LetterPreview {
  letter: Letter;
  problems: FieldErrors;
}

/** Made-up values the preview fills in, so the admin sees the whole letter as an applicant would. */
export const SAMPLE_SLOT_VALUES: Record<SlotName, string> = {
  applicant: '陈晓明',
  addressForm: '您',
  trackingNumber: '依申〔2026〕000123号',
  submittedOn: '2026-09-27',
  receivedOn: '2026-09-28',
  subject: '老旧小区改造项目招标文件',
  bureau: '云溪区住房和城乡建设局',
  form: '电子文本',
  delivery: '在小程序内查看',
  replyText: '（此处为办理人员填写的答复正文）',
  legalBasis: '《中华人民共和国政府信息公开条例》第三十七条',
  remedies: '如对本答复不服，可以自收到本告知书之日起六十日内向云溪区人民政府申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼。也可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报。',
  category: '保护第三方合法权益',
  items: '1. 请写明所需文件的名称或文号\n2. 请说明所需信息的大致年份',
  supplementDays: '10',
  supplementDeadline: '2026-10-20',
  extensionDays: '15',
  extensionReason: '需调取档案并征求多个科室意见',
  dueOn: '2026-11-20',
  whereToFind: '本机关门户网站“政府信息公开—政策文件”栏目，或本小程序“政务公开—政策文件”',
  agencyName: '云溪区自然资源和规划局',
  agencyContact: '0571-8888 6666，云溪区文二路 88 号',
  procedure: '不动产登记资料查询：持身份证件到云溪区不动产登记中心申请查询',
  earlierTrackingNumber: '依申〔2026〕000098号',
  reasonsText: '您自 2026 年 9 月以来提出政府信息公开申请 86 件，请说明申请的用途及与您生产、生活的关联',
  delayedDueOn: '2027-01-29',
  delayedReason: '所申请的信息涉及 2015 年以来的 300 余份档案，需逐份调取和审查',
  feeMethod: '按件计收',
  feeUnits: '1 件',
  feeAmount: '100',
  feeComputation: '按件计收：您本自然月内此前已申请 11 件，本申请计 1 件，为本月第 12 件（《政府信息公开信息处理费管理办法》第四条）\n第 12 件：每件 100 元，计 100 元\n合计 100 元',
  feeDeadline: '2026-10-30',
  feeDays: '20',
};

/** A draft template filled with the sample values, and its placeholder problems: what the editor's 预览 shows. */
export function previewLetter(key: LetterTemplateKey, template: LetterTemplate): LetterPreview {
  const filled = fillTemplate(template, SAMPLE_SLOT_VALUES);
  return {
    letter: {
      kind: key === 'supplement' || key === 'extension' || key === 'reasons' || key === 'delayedDue' ? key : 'reply',
      title: filled.title,
      reference: SAMPLE_SLOT_VALUES.trackingNumber,
      addressee: SAMPLE_SLOT_VALUES.applicant,
      paragraphs: filled.paragraphs,
      signature: SAMPLE_SLOT_VALUES.bureau,
      date: SAMPLE_SLOT_VALUES.receivedOn,
    },
    problems: templateProblems(key, template),
  };
}
