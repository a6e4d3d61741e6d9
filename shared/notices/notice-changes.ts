import type { Notice, NoticeContent } from './notice-schema';

/**
 * What an edit changed, for the `updated` event (条例 Art. 45 asks what was
 * done, not only that something was). Field names, and the title before and
 * after, so that a correction of a published notice can be traced without
 * keeping every version of its body. Pure.
 */
export interface NoticeChanges {
  /** Content fields whose value differs, in a stable order. */
  fields: string[];
  title: { before: string; after: string };
}

/** Every field a notice's content may have, across all kinds. */
export const CONTENT_KEYS = [
  'kind', 'title', 'summary', 'body', 'departmentId', 'attachments', 'period', 'resultNoticeId',
  'objectionContact', 'docNumber', 'issuingBody', 'effectiveDate', 'validity', 'replacedById', 'guide',
  'policyLevel', 'repealedOn', 'report',
] as const;

/** Each content field's name as staff read it. */
export const CONTENT_LABELS: Record<(typeof CONTENT_KEYS)[number], string> = {
  kind: '类别', title: '标题', summary: '摘要', body: '正文', departmentId: '发布部门', attachments: '附件',
  period: '期限', resultNoticeId: '结果公告', objectionContact: '异议联系方式', docNumber: '文号',
  issuingBody: '发文机关', effectiveDate: '施行日期', validity: '效力', replacedById: '替代文件', guide: '办事指南',
  policyLevel: '文件类别', repealedOn: '废止日期', report: '年度报告数据',
};

export function noticeChanges(current: Notice, content: NoticeContent): NoticeChanges {
  const before = current as unknown as Record<string, unknown>;
  const after = content as unknown as Record<string, unknown>;
  const fields = CONTENT_KEYS.filter((key) => !sameValue(before[key], after[key]));
  return { fields: [...fields], title: { before: current.title, after: content.title } };
}

/** One line in Chinese for the event's `detail`, e.g. 修改了标题、正文；标题由「甲」改为「乙」. */
export function describeChanges(changes: NoticeChanges): string {
  if (changes.fields.length === 0) return '保存，内容未变';
  const names = changes.fields.map((f) => CONTENT_LABELS[f as keyof typeof CONTENT_LABELS] ?? f).join('、');
  const title = changes.fields.includes('title') ? `；标题由「${changes.title.before}」改为「${changes.title.after}」` : '';
  return `修改了${names}${title}`;
}

/** Stored values went through JSON; key order inside objects is not a change. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}
