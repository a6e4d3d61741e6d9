import { REPLY_CATEGORIES, REPLY_CATEGORY_ROWS, type ReplyCategory } from '../requests/reply-category-rows';

/**
 * The keys and printed labels of the annual report's tables, as the template
 * of 国办公开办函〔2021〕30号 prints them. The wire (`reports.annual`) and the
 * printable page both read these, so a label is written once.
 */

/** Part 3's columns: the applicant's kind, then the total. */
export const REQUEST_COLUMNS = ['person', 'business', 'research', 'publicWelfare', 'legalService', 'other', 'total'] as const;
export type RequestColumn = (typeof REQUEST_COLUMNS)[number];
/** The columns that are counted (every one but the total). */
export const APPLICANT_COLUMNS = ['person', 'business', 'research', 'publicWelfare', 'legalService', 'other'] as const satisfies readonly RequestColumn[];
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

export const REQUEST_COLUMN_LABELS: Record<RequestColumn, string> = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  publicWelfare: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** Groups of 三、本年度办理结果 that have numbered sub-rows: their figure is the sum of those sub-rows. */
export const SUBDIVIDED_GROUPS = ['withheld', 'unavailable', 'notProcessed', 'other'] as const;
export type SubdividedGroup = (typeof SUBDIVIDED_GROUPS)[number];

export type RequestRow = 'received' | 'carriedIn' | ReplyCategory | SubdividedGroup | 'concluded' | 'carriedOut';

/** Every row key, in the template's order (a group's key just before its sub-rows). */
export const REQUEST_ROWS: readonly RequestRow[] = [
  'received',
  'carriedIn',
  'disclosed',
  'partial',
  'withheld',
  ...REPLY_CATEGORIES.filter((c) => c.startsWith('withheld.')),
  'unavailable',
  ...REPLY_CATEGORIES.filter((c) => c.startsWith('unavailable.')),
  'notProcessed',
  ...REPLY_CATEGORIES.filter((c) => c.startsWith('notProcessed.')),
  'other',
  ...REPLY_CATEGORIES.filter((c) => c.startsWith('other.')),
  'concluded',
  'carriedOut',
];

/** The sub-rows of a group (its categories). */
export function subRowsOf(group: SubdividedGroup): ReplyCategory[] {
  return REPLY_CATEGORIES.filter((c) => REPLY_CATEGORY_ROWS[c].group === group);
}

export const REQUEST_ROW_LABELS: Record<RequestRow, string> = {
  received: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  ...(Object.fromEntries(REPLY_CATEGORIES.map((c) => [c, REPLY_CATEGORY_ROWS[c].reportLabel])) as Record<ReplyCategory, string>),
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
  concluded: '（七）总计',
  carriedOut: '四、结转下年度继续办理',
};

/** The heading over the result rows, and the note the template prints in the corner cell. */
export const RESULTS_HEADING = '三、本年度办理结果';
export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The six parts' headings (条例 Art. 50). */
export const PART_TITLES = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  cases: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const;

// ── Part 4: reconsideration and litigation ──

export const CASE_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

export const CASE_KINDS = ['reconsideration', 'litigation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = { reconsideration: '行政复议', litigation: '行政诉讼' };

/** Part 4's three blocks: reconsideration, suits brought directly, suits after reconsideration. */
export const CASE_BLOCKS = ['reconsideration', 'directSuit', 'suitAfterReconsideration'] as const;
export type CaseBlock = (typeof CASE_BLOCKS)[number];
export const CASE_BLOCK_LABELS: Record<CaseBlock, string> = {
  reconsideration: '行政复议',
  directSuit: '未经复议直接起诉',
  suitAfterReconsideration: '复议后起诉',
};

// ── Part 2: proactive disclosure ──

/** What a policy notice is, for Part 2 (第二十条第（一）项): a 规章 or a 行政规范性文件; other policy papers are neither. */
export const POLICY_LEVELS = ['rule', 'normative'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = { rule: '规章', normative: '行政规范性文件' };

/** The counts staff enter for the year (the bureau's licensing, penalty and enforcement systems hold them, not this app). */
export const DECISION_INPUTS = ['licences', 'penalties', 'enforcement'] as const;
export type DecisionInput = (typeof DECISION_INPUTS)[number];
export const DECISION_INPUT_LABELS: Record<DecisionInput, string> = { licences: '行政许可', penalties: '行政处罚', enforcement: '行政强制' };
export const FEES_LABEL = '行政事业性收费';
