/**
 * How a request ends, as the annual report counts it (domain.md §3,
 * 国办公开办函〔2021〕30号 part three): the categories, their groups and the
 * rows the report prints. The report's tables read this alone; the rest of
 * what a category means for the letter (its wording, its reply type, the
 * article it cites) is reply-categories.ts, so the report page a resident
 * opens from an annual report does not carry the letters' texts.
 */
export const REPLY_CATEGORIES = [
  'disclosed',
  'partial',
  'withheld.stateSecret',
  'withheld.lawForbids',
  'withheld.security',
  'withheld.thirdParty',
  'withheld.internal',
  'withheld.process',
  'withheld.enforcementFile',
  'withheld.query',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclear',
  'notProcessed.petition',
  'notProcessed.repeat',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation',
  'other.noSupplement',
  'other.noFee',
  'other.other',
] as const;
export type ReplyCategory = (typeof REPLY_CATEGORIES)[number];

/** The annual report's six result groups (三、本年度办理结果 (一)–(六)). */
export const REPLY_GROUPS = ['disclosed', 'partial', 'withheld', 'unavailable', 'notProcessed', 'other'] as const;
export type ReplyGroup = (typeof REPLY_GROUPS)[number];

export const REPLY_GROUP_LABELS: Record<ReplyGroup, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};

/** Where each category sits in the annual report: its group and the row as the report prints it. */
export const REPLY_CATEGORY_ROWS: Record<ReplyCategory, { group: ReplyGroup; reportLabel: string }> = {
  disclosed: { group: 'disclosed', reportLabel: '（一）予以公开' },
  partial: { group: 'partial', reportLabel: '（二）部分公开' },
  'withheld.stateSecret': { group: 'withheld', reportLabel: '1.属于国家秘密' },
  'withheld.lawForbids': { group: 'withheld', reportLabel: '2.其他法律行政法规禁止公开' },
  'withheld.security': { group: 'withheld', reportLabel: '3.危及"三安全一稳定"' },
  'withheld.thirdParty': { group: 'withheld', reportLabel: '4.保护第三方合法权益' },
  'withheld.internal': { group: 'withheld', reportLabel: '5.属于三类内部事务信息' },
  'withheld.process': { group: 'withheld', reportLabel: '6.属于四类过程性信息' },
  'withheld.enforcementFile': { group: 'withheld', reportLabel: '7.属于行政执法案卷' },
  'withheld.query': { group: 'withheld', reportLabel: '8.属于行政查询事项' },
  'unavailable.notHeld': { group: 'unavailable', reportLabel: '1.本机关不掌握相关政府信息' },
  'unavailable.needsCreation': { group: 'unavailable', reportLabel: '2.没有现成信息需要另行制作' },
  'unavailable.unclear': { group: 'unavailable', reportLabel: '3.补正后申请内容仍不明确' },
  'notProcessed.petition': { group: 'notProcessed', reportLabel: '1.信访举报投诉类申请' },
  'notProcessed.repeat': { group: 'notProcessed', reportLabel: '2.重复申请' },
  'notProcessed.publication': { group: 'notProcessed', reportLabel: '3.要求提供公开出版物' },
  'notProcessed.excessive': { group: 'notProcessed', reportLabel: '4.无正当理由大量反复申请' },
  'notProcessed.confirmation': { group: 'notProcessed', reportLabel: '5.要求行政机关确认或重新出具已获取信息' },
  'other.noSupplement': { group: 'other', reportLabel: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  'other.noFee': { group: 'other', reportLabel: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  'other.other': { group: 'other', reportLabel: '3.其他' },
};
