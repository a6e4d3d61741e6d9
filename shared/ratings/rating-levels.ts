/**
 * The five levels of 好差评 (domain.md §4) with what a resident reads, and the
 * tags offered per level. Kept free of zod so that pages in any package can
 * show labels without pulling the schema library in.
 */
export const RATING_LEVELS = ['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};

/** 差评: the two levels that open a follow-up ("谁办理、谁负责"). */
export const NEGATIVE_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied'];
/** The levels that count as satisfied in the published rate: 非常满意 + 满意 + 基本满意. */
export const SATISFIED_LEVELS: readonly RatingLevel[] = ['verySatisfied', 'satisfied', 'basic'];

export function isNegative(level: RatingLevel): boolean {
  return NEGATIVE_LEVELS.includes(level);
}

const PRAISE = ['办事效率高', '服务态度好', '一次办成', '指引清楚', '等候时间短', '环境舒适'];
const COMPLAINT = ['等候时间长', '服务态度差', '多次跑腿', '材料要求不清', '办理超时', '推诿扯皮', '乱收费'];

/** Tags shown for each level: praise for the good ones, the usual complaints for 差评. */
export const RATING_TAGS: Record<RatingLevel, readonly string[]> = {
  verySatisfied: PRAISE,
  satisfied: PRAISE,
  basic: ['基本顺利', '等候时间稍长', '指引可以更清楚', '材料要求可以更明确'],
  dissatisfied: COMPLAINT,
  veryDissatisfied: COMPLAINT,
};

export function isTagOfLevel(level: RatingLevel, tag: string): boolean {
  return RATING_TAGS[level].includes(tag);
}
