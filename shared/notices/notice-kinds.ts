/**
 * The kinds of proactively disclosed information (主动公开), domain.md §1.
 * Each kind has its own look and its own extra fields (see notice-schema.ts).
 */
export const NOTICE_KINDS = ['consultation', 'publicity', 'workReport', 'policy', 'announcement', 'guide', 'annualReport'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/**
 * The kinds staff write in the editor. A 年度报告 is made only by publishing the
 * annual report (function `reports`), which fixes its numbers; it is never edited.
 */
export const EDITABLE_NOTICE_KINDS = ['consultation', 'publicity', 'workReport', 'policy', 'announcement', 'guide'] as const satisfies readonly NoticeKind[];
export type EditableNoticeKind = (typeof EDITABLE_NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  consultation: '征求意见',
  publicity: '公示公告',
  workReport: '工作通报',
  policy: '政策文件',
  announcement: '通知公告',
  guide: '办事指南',
  annualReport: '年度报告',
};

/** Longer names for headings: the wording the 条例 and bureaus use. */
export const NOTICE_KIND_TITLES: Record<NoticeKind, string> = {
  consultation: '重大决策听证 / 征求意见',
  publicity: '重要事项公示',
  workReport: '重点工作通报',
  policy: '政策文件',
  announcement: '通知公告',
  guide: '办事指南',
  annualReport: '政府信息公开工作年度报告',
};

export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

export const POLICY_VALIDITIES = ['inForce', 'repealed', 'revised'] as const;
export const POLICY_VALIDITY_LABELS = { inForce: '现行有效', repealed: '已废止', revised: '已修订' } as const;
