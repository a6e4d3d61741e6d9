import { REPLY_CATEGORY_ROWS, type ReplyCategory, type ReplyGroup } from './reply-category-rows';

export { REPLY_CATEGORIES, REPLY_GROUPS, REPLY_GROUP_LABELS, type ReplyCategory, type ReplyGroup } from './reply-category-rows';

/**
 * How a request ends, as the annual report counts it (domain.md §3,
 * 国办公开办函〔2021〕30号 part three; the categories and their report rows are
 * reply-category-rows.ts). Every reply and every closure carries exactly one
 * of these, so the report is computed from the records.
 *
 * `replyType` is the kind of answer the bureau gives (条例 Art. 36 and 37),
 * which decides the formal letter's template; `legalBasis` is the article the
 * letter cites.
 */
/** The kind of answer (Art. 36 items, Art. 37): one letter template each. */
export const REPLY_TYPES = [
  'alreadyPublic',
  'disclose',
  'partial',
  'withhold',
  'specialProcedure',
  'notHeld',
  'notOurs',
  'notExisting',
  'unclear',
  'repeat',
  'notProcessed',
  'terminated',
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const REPLY_TYPE_LABELS: Record<ReplyType, string> = {
  alreadyPublic: '已主动公开（第三十六条第一项）',
  disclose: '予以公开（第三十六条第二项）',
  partial: '部分公开（第三十七条）',
  withhold: '不予公开（第三十六条第三项）',
  specialProcedure: '依特别规定办理（第三十六条第七项）',
  notHeld: '信息不存在（第三十六条第四项）',
  notOurs: '不属于本机关负责公开（第三十六条第五项）',
  notExisting: '无现成信息（第三十八条）',
  unclear: '申请内容不明确（第三十条）',
  repeat: '重复申请（第三十六条第六项）',
  notProcessed: '不予处理（第三十五条、第三十九条等）',
  terminated: '终止处理',
};

export interface ReplyCategoryInfo {
  group: ReplyGroup;
  /** The row as the annual report prints it. */
  reportLabel: string;
  /** Short wording for lists and pickers. */
  label: string;
  replyType: ReplyType;
  /** The 条例 articles the letter cites. */
  legalBasis: string;
}

const TIAOLI = '《中华人民共和国政府信息公开条例》';

export const REPLY_CATEGORY_INFO: Record<ReplyCategory, ReplyCategoryInfo> = {
  disclosed: { ...REPLY_CATEGORY_ROWS['disclosed'], label: '予以公开', replyType: 'disclose', legalBasis: `${TIAOLI}第三十六条第（一）项、第（二）项` },
  partial: { ...REPLY_CATEGORY_ROWS['partial'], label: '部分公开', replyType: 'partial', legalBasis: `${TIAOLI}第三十七条` },
  'withheld.stateSecret': { ...REPLY_CATEGORY_ROWS['withheld.stateSecret'], label: '不予公开：属于国家秘密', replyType: 'withhold', legalBasis: `${TIAOLI}第十四条、第三十六条第（三）项` },
  'withheld.lawForbids': { ...REPLY_CATEGORY_ROWS['withheld.lawForbids'], label: '不予公开：法律行政法规禁止公开', replyType: 'withhold', legalBasis: `${TIAOLI}第十四条、第三十六条第（三）项` },
  'withheld.security': { ...REPLY_CATEGORY_ROWS['withheld.security'], label: '不予公开：危及"三安全一稳定"', replyType: 'withhold', legalBasis: `${TIAOLI}第十四条、第三十六条第（三）项` },
  'withheld.thirdParty': { ...REPLY_CATEGORY_ROWS['withheld.thirdParty'], label: '不予公开：保护第三方合法权益', replyType: 'withhold', legalBasis: `${TIAOLI}第十五条、第三十六条第（三）项` },
  'withheld.internal': { ...REPLY_CATEGORY_ROWS['withheld.internal'], label: '不予公开：内部事务信息', replyType: 'withhold', legalBasis: `${TIAOLI}第十六条第一款、第三十六条第（三）项` },
  'withheld.process': { ...REPLY_CATEGORY_ROWS['withheld.process'], label: '不予公开：过程性信息', replyType: 'withhold', legalBasis: `${TIAOLI}第十六条第二款、第三十六条第（三）项` },
  'withheld.enforcementFile': { ...REPLY_CATEGORY_ROWS['withheld.enforcementFile'], label: '不予公开：行政执法案卷', replyType: 'withhold', legalBasis: `${TIAOLI}第十六条第二款、第三十六条第（三）项` },
  'withheld.query': { ...REPLY_CATEGORY_ROWS['withheld.query'], label: '不予公开：行政查询事项', replyType: 'specialProcedure', legalBasis: `${TIAOLI}第三十六条第（七）项` },
  'unavailable.notHeld': { ...REPLY_CATEGORY_ROWS['unavailable.notHeld'], label: '无法提供：本机关不掌握', replyType: 'notHeld', legalBasis: `${TIAOLI}第三十六条第（四）项、第（五）项` },
  'unavailable.needsCreation': { ...REPLY_CATEGORY_ROWS['unavailable.needsCreation'], label: '无法提供：需另行制作', replyType: 'notExisting', legalBasis: `${TIAOLI}第三十八条` },
  'unavailable.unclear': { ...REPLY_CATEGORY_ROWS['unavailable.unclear'], label: '无法提供：补正后仍不明确', replyType: 'unclear', legalBasis: `${TIAOLI}第三十条` },
  'notProcessed.petition': { ...REPLY_CATEGORY_ROWS['notProcessed.petition'], label: '不予处理：信访举报投诉类', replyType: 'notProcessed', legalBasis: `${TIAOLI}第三十九条第一款` },
  'notProcessed.repeat': { ...REPLY_CATEGORY_ROWS['notProcessed.repeat'], label: '不予处理：重复申请', replyType: 'repeat', legalBasis: `${TIAOLI}第三十六条第（六）项` },
  'notProcessed.publication': { ...REPLY_CATEGORY_ROWS['notProcessed.publication'], label: '不予处理：要求提供公开出版物', replyType: 'notProcessed', legalBasis: `${TIAOLI}第三十九条第二款` },
  'notProcessed.excessive': { ...REPLY_CATEGORY_ROWS['notProcessed.excessive'], label: '不予处理：无正当理由大量反复申请', replyType: 'notProcessed', legalBasis: `${TIAOLI}第三十五条` },
  'notProcessed.confirmation': { ...REPLY_CATEGORY_ROWS['notProcessed.confirmation'], label: '不予处理：要求确认或重新出具', replyType: 'notProcessed', legalBasis: `${TIAOLI}第三十九条第二款` },
  'other.noSupplement': { ...REPLY_CATEGORY_ROWS['other.noSupplement'], label: '其他处理：逾期未补正', replyType: 'terminated', legalBasis: `${TIAOLI}第三十条` },
  'other.noFee': { ...REPLY_CATEGORY_ROWS['other.noFee'], label: '其他处理：逾期未缴费', replyType: 'terminated', legalBasis: `${TIAOLI}第四十二条` },
  'other.other': { ...REPLY_CATEGORY_ROWS['other.other'], label: '其他处理', replyType: 'terminated', legalBasis: TIAOLI },
};

/**
 * What some replies must name besides their text (条例 Art. 36), on the wire and stored with the
 * reply: where already-public information is found (36(1)), the agency responsible and its contact
 * (36(5)), the special procedure for information a special law governs (36(7)), the earlier request
 * a repeat one duplicates (36(6)), and the basis an `other.other` ending cites.
 */
export const REPLY_DETAIL_FIELDS = ['whereToFind', 'agencyName', 'agencyContact', 'procedure', 'earlierTrackingNumber', 'basis'] as const;
export type ReplyDetailField = (typeof REPLY_DETAIL_FIELDS)[number];
export type ReplyDetails = Partial<Record<ReplyDetailField, string>>;

export const REPLY_DETAIL_LABELS: Record<ReplyDetailField, string> = {
  whereToFind: '获取该信息的方式和途径',
  agencyName: '负责公开该信息的行政机关',
  agencyContact: '该机关的联系方式',
  procedure: '应当依照办理的特别程序',
  earlierTrackingNumber: '已答复的原申请编号',
  basis: '处理依据',
};

/** Which detail fields a category takes, and which of them it cannot do without. The form asks exactly these. */
export function replyDetailFieldsOf(category: ReplyCategory): { fields: ReplyDetailField[]; required: ReplyDetailField[] } {
  switch (category) {
    case 'disclosed':
      // 36(1) when the information is already public (where and how to get it); 36(2) otherwise.
      return { fields: ['whereToFind'], required: [] };
    case 'unavailable.notHeld':
      // 36(5) names the agency and its contact, both or neither; 36(4) (the search found nothing) names none.
      return { fields: ['agencyName', 'agencyContact'], required: [] };
    case 'withheld.query':
      return { fields: ['procedure'], required: ['procedure'] };
    case 'notProcessed.repeat':
      return { fields: ['earlierTrackingNumber'], required: ['earlierTrackingNumber'] };
    case 'other.other':
      return { fields: ['basis'], required: ['basis'] };
    default:
      return { fields: [], required: [] };
  }
}

/** The kind of answer, and so the letter: some categories answer in two ways, told apart by their details. */
export function replyTypeOf(category: ReplyCategory, details: ReplyDetails): ReplyType {
  if (category === 'disclosed' && details.whereToFind) return 'alreadyPublic';
  if (category === 'unavailable.notHeld' && details.agencyName) return 'notOurs';
  return REPLY_CATEGORY_INFO[category].replyType;
}

/** The articles the letter cites: the exact item of Art. 36 where a category spans two, and an `other.other` ending's own basis. */
export function legalBasisOf(category: ReplyCategory, details: ReplyDetails): string {
  if (category === 'disclosed') return `${TIAOLI}第三十六条第（${details.whereToFind ? '一' : '二'}）项`;
  if (category === 'unavailable.notHeld') return `${TIAOLI}第三十六条第（${details.agencyName ? '五' : '四'}）项`;
  if (category === 'other.other' && details.basis) return details.basis.startsWith('《') ? details.basis : `${TIAOLI}${details.basis}`;
  return REPLY_CATEGORY_INFO[category].legalBasis;
}

/** Categories a clerk may use to close a request without a substantive reply (the 其他处理 rows). */
export const CLOSE_CATEGORIES = ['other.noSupplement', 'other.noFee', 'other.other'] as const satisfies readonly ReplyCategory[];
export type CloseCategory = (typeof CLOSE_CATEGORIES)[number];

/**
 * The bureau as its letters name it (the `meta/bureau` setting): its own name,
 * and the people's government at its level, which hears 行政复议 against it.
 */
export interface Bureau {
  name: string;
  /** e.g. 云溪区人民政府 */
  government: string;
}

/** Used when the bureau's government is not set: still the right body, only unnamed. */
export const UNNAMED_GOVERNMENT = '本级人民政府';

/**
 * Art. 51: every reply tells the applicant how to challenge it. Since the
 * 行政复议法 revised in 2023 (in force 2024-01-01, Art. 24), reconsideration of
 * a county-level department's act goes to the people's government at its
 * level only, no longer to the department one level up.
 *
 * The same law (Art. 23(1)(4)) makes 行政复议 come first where a request for
 * information was refused (不予公开): the applicant may go to court only
 * after the reconsideration decision, and Art. 23(2) requires the refusal
 * itself to say so. So a reply that withholds (every `withheld.*`) names that
 * route; a partial disclosure names it for the part withheld and the choice
 * for the rest; every other reply keeps the choice of 复议 or 诉讼
 * (行政诉讼法 Art. 44). A lawsuit after a reconsideration decision is due
 * within 15 days of receiving it (行政诉讼法 Art. 45). The sentence is stored
 * with the reply, so a letter already issued keeps the one it was sent with.
 */
export function remediesSentence(government: string, category?: ReplyCategory): string {
  const complaint = '也可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报。';
  const choice = `可以自收到本告知书之日起六十日内向${government}申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼`;
  const reconsiderationFirst = `应当先申请行政复议，即自收到本告知书之日起六十日内向${government}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼`;
  const basis = '根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定';
  if (category && withholds(category)) return `如对本答复不服，${basis}，${reconsiderationFirst}。${complaint}`;
  if (category === 'partial') return `如对本答复中不予公开的部分不服，${basis}，${reconsiderationFirst}；如对本答复的其他内容不服，${choice}。${complaint}`;
  return `如对本答复不服，${choice}。${complaint}`;
}

/** Whether a reply refuses to disclose (不予公开) the whole of what was asked: 行政复议 comes first. */
export function withholds(category: ReplyCategory): boolean {
  return REPLY_CATEGORY_INFO[category].group === 'withheld';
}
