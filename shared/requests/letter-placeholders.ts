/**
 * The placeholders of the letter templates as the bureau's admin reads and
 * writes them: in Chinese (`{申请人}`, `{申请编号}`). Each stands for one of
 * the letter's values, which the code knows by its English name; templates
 * saved before the Chinese names existed say `{applicant}` and keep working,
 * because filling and checking a template accept either name.
 *
 * No imports: letters.ts (which fills templates) and letter-templates.ts
 * (which checks them) both read this table.
 */
export const PLACEHOLDER_NAMES = {
  applicant: '申请人',
  addressForm: '称呼',
  trackingNumber: '申请编号',
  submittedOn: '申请日期',
  receivedOn: '收到申请日期',
  subject: '申请内容',
  bureau: '本机关',
  form: '信息形式',
  delivery: '获取方式',
  replyText: '答复正文',
  legalBasis: '法律依据',
  remedies: '救济途径',
  category: '答复情形',
  items: '补正事项',
  supplementDays: '补正期限天数',
  supplementDeadline: '补正截止日期',
  extensionDays: '延长天数',
  extensionReason: '延期理由',
  dueOn: '答复期限',
  whereToFind: '获取途径',
  agencyName: '负责公开的机关',
  agencyContact: '该机关联系方式',
  procedure: '特别程序',
  earlierTrackingNumber: '原申请编号',
  reasonsText: '说明理由事项',
  delayedDueOn: '延迟答复期限',
  delayedReason: '延迟答复原因',
  feeMethod: '计收方式',
  feeUnits: '计费数量',
  feeAmount: '收费金额',
  feeComputation: '金额计算方法',
  feeDeadline: '缴费截止日期',
  feeDays: '缴费期限天数',
} as const;

export type PlaceholderKey = keyof typeof PLACEHOLDER_NAMES;

const KEY_BY_CHINESE = new Map<string, PlaceholderKey>(
  (Object.entries(PLACEHOLDER_NAMES) as Array<[PlaceholderKey, string]>).map(([key, chinese]) => [chinese, key]),
);

/** A placeholder as written in a template: `{…}` around anything but braces and blanks. */
export const PLACEHOLDER_PATTERN = /\{([^{}\s]*)\}/g;

/** The English key a written name stands for (either name), or the name itself when it is neither. */
export function placeholderKeyOf(written: string): string {
  return KEY_BY_CHINESE.get(written) ?? written;
}

/** `{申请人}` for `applicant`. */
export function chinesePlaceholder(key: PlaceholderKey): string {
  return `{${PLACEHOLDER_NAMES[key]}}`;
}

/** A template text with every placeholder written in Chinese (an old `{applicant}` becomes `{申请人}`); unknown ones stay as written. */
export function withChinesePlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, written: string) => {
    const key = placeholderKeyOf(written);
    return key in PLACEHOLDER_NAMES ? chinesePlaceholder(key as PlaceholderKey) : whole;
  });
}
