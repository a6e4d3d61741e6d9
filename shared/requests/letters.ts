import { addWorkingDays, countsOverUncovered, type WorkingCalendar } from '../calendar/working-calendar';
import {
  legalBasisOf,
  REPLY_CATEGORY_INFO,
  REPLY_DETAIL_FIELDS,
  remediesSentence,
  replyTypeOf,
  type Bureau,
  type ReplyCategory,
  type ReplyDetails,
  type ReplyType,
} from './reply-categories';
import { INFORMATION_FORM_LABELS, DELIVERY_METHOD_LABELS } from './request-schema';
import type { RequestRecord } from './request-record';
import type { Letter, LetterKind } from './request-types';
import { feeView } from './fee-notice';
import { PLACEHOLDER_PATTERN, placeholderKeyOf, withChinesePlaceholders } from './letter-placeholders';
import { FEE_METHOD_LABELS, FEE_PAYMENT_WORKING_DAYS, FEE_UNIT_LABELS } from './processing-fee';

/**
 * The formal notices a bureau sends (告知书), generated as text from
 * templates. A template is plain data: a title and paragraphs with {slots}.
 * The built-in ones below are the defaults; the bureau's admin edits them in
 * the staff area (letter-templates.ts says which slots each one has and which
 * it must keep), never in code.
 *
 * A letter is rendered once, when it is issued (the supplement request, the
 * extension, the reply or closure), and stored with the request together with
 * the template revision it came from: editing a template later never changes
 * a letter already sent. Requests from before letters were stored show theirs
 * rendered from the built-in defaults.
 */
export interface LetterTemplate {
  title: string;
  paragraphs: string[];
}

export type LetterTemplateKey = ReplyType | 'supplement' | 'extension' | 'reasons' | 'delayedDue' | 'fee';

/** The templates in force, each with its revision: 0 for the built-in default, else the bureau's stored version. */
export type LetterTemplateSet = Record<LetterTemplateKey, LetterTemplate & { revision: number }>;

/** A letter as stored with its request: what was sent, and from which template revision. */
export interface IssuedLetter extends Letter {
  templateKey: LetterTemplateKey;
  templateRevision: number;
}

const REPLY_TITLE = '政府信息公开申请答复告知书';
// {addressForm} is 您 for a person and 贵单位 for an organisation, so each is addressed as it should be.
const OPENING = '{applicant}：\n本机关于 {receivedOn} 收到{addressForm}提出的政府信息公开申请（编号 {trackingNumber}），申请获取“{subject}”。';

/** A reply letter: the opening, the finding, the clerk's text, and the remedies sentence (Art. 51). */
const replyLetter = (finding: string, title = REPLY_TITLE): LetterTemplate => ({ title, paragraphs: [OPENING, finding, '{replyText}', '{remedies}'] });

const BUILTIN_TEXTS: Record<LetterTemplateKey, LetterTemplate> = {
  alreadyPublic: replyLetter('经审查，您申请获取的信息本机关已经主动公开。根据{legalBasis}的规定，告知您获取该信息的方式和途径：{whereToFind}'),
  disclose: replyLetter('经审查，您申请获取的信息属于公开范围，根据{legalBasis}的规定，现予以公开，以{form}形式通过{delivery}方式提供。'),
  partial: replyLetter('经审查，您申请获取的信息中部分内容可以公开，根据{legalBasis}的规定，对可以公开的部分予以提供，对不予公开的部分说明理由如下。'),
  withhold: replyLetter('经审查，您申请获取的信息属于不予公开的情形（{category}），根据{legalBasis}的规定，不予公开。理由如下。'),
  specialProcedure: replyLetter(
    '经审查，您申请获取的信息{category}，有关法律、行政法规对该信息的获取有特别规定。根据{legalBasis}的规定，请您依照有关法律、行政法规的规定办理：{procedure}',
  ),
  notHeld: replyLetter('经检索查找，本机关没有您申请公开的政府信息，该政府信息不存在。根据{legalBasis}的规定告知如下。'),
  notOurs: replyLetter('经审查，您申请获取的信息不属于本机关负责公开。根据{legalBasis}的规定，负责公开该信息的行政机关为{agencyName}，联系方式：{agencyContact}。'),
  notExisting: replyLetter('经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析方能形成。根据{legalBasis}的规定，本机关决定不予提供。'),
  unclear: replyLetter('本机关已告知您补正申请，经补正后申请内容仍不明确，根据{legalBasis}的规定，无法提供。'),
  repeat: replyLetter('本机关已就您此前提出的政府信息公开申请（编号 {earlierTrackingNumber}）作出答复。您本次重复申请公开相同的政府信息，根据{legalBasis}的规定，本机关不予重复处理。'),
  notProcessed: replyLetter('经审查，您的申请属于不予处理的情形（{category}），根据{legalBasis}的规定，本机关不予处理。'),
  terminated: replyLetter('您的申请属于以下情形：{category}。根据{legalBasis}的规定，本机关不再处理。', '政府信息公开申请终止处理告知书'),
  supplement: {
    title: '政府信息公开申请补正告知书',
    paragraphs: [
      OPENING,
      '经审查，您的申请内容不够明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项一并补正：\n{items}',
      '请于 {supplementDays} 个工作日内（{supplementDeadline} 前）通过本小程序或书面方式提交补正材料。答复期限自本机关收到补正材料之日起重新计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    paragraphs: [
      OPENING,
      '因{extensionReason}，本机关不能在法定期限内作出答复。经政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长 {extensionDays} 个工作日，本机关将于 {dueOn} 前作出答复。',
    ],
  },
  reasons: {
    title: '政府信息公开申请说明理由告知书',
    paragraphs: [
      OPENING,
      '经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明理由：\n{reasonsText}',
      '请通过本小程序或书面方式向本机关说明理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理但无法在法定期限内答复的，将确定延迟答复的合理期限并告知您。',
    ],
  },
  delayedDue: {
    title: '政府信息公开申请延迟答复告知书',
    paragraphs: [
      OPENING,
      '本机关已要求您说明申请理由。经审查，您的申请理由合理，但因{delayedReason}，本机关无法在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关确定延迟答复，将于 {delayedDueOn} 前作出答复。',
    ],
  },
  fee: {
    title: '政府信息公开信息处理费收费通知',
    paragraphs: [
      OPENING,
      '根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请应缴纳信息处理费，计收方式为{feeMethod}，金额为人民币 {feeAmount} 元。计算方法：\n{feeComputation}',
      '请于 {feeDeadline} 前（自本通知之日起 {feeDays} 个工作日内）到本机关政府信息公开受理窗口缴纳，或通过本机关告知的财政非税收入缴款渠道缴纳，缴费时请注明申请编号 {trackingNumber}。自本通知之日至您缴费之日的期间，不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '{remedies}',
    ],
  },
};

/**
 * The built-in templates as the admin sees them: written above with the values' English names
 * (what the code calls them), shown and stored with the Chinese ones (letter-placeholders.ts).
 */
export const DEFAULT_LETTER_TEMPLATES = Object.fromEntries(
  Object.entries(BUILTIN_TEXTS).map(([key, t]) => [key, { title: withChinesePlaceholders(t.title), paragraphs: t.paragraphs.map(withChinesePlaceholders) }]),
) as Record<LetterTemplateKey, LetterTemplate>;

/** The built-in templates as a set in force (revision 0 each). */
export const BUILTIN_LETTER_TEMPLATES = Object.fromEntries(
  Object.entries(DEFAULT_LETTER_TEMPLATES).map(([key, t]) => [key, { ...t, revision: 0 }]),
) as LetterTemplateSet;

/** The order letters are listed in (a page opens one by its index). */
const LETTER_KINDS: LetterKind[] = ['supplement', 'extension', 'reasons', 'delayedDue', 'fee', 'reply'];

/**
 * Fills a template's {slots}, each named in Chinese or (templates saved before) in English; an
 * unknown slot is left as written, an empty paragraph dropped.
 */
export function fillTemplate(template: LetterTemplate, slots: Record<string, string>): LetterTemplate {
  const fill = (text: string) => text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => slots[placeholderKeyOf(name)] ?? whole);
  return { title: fill(template.title), paragraphs: template.paragraphs.map(fill).filter((p) => p.trim().length > 0) };
}

/**
 * The letter of `kind` the request has, rendered from `templates` — or null
 * when it has none (no supplement asked, not extended, not answered or closed).
 */
export function renderLetter(
  r: RequestRecord,
  kind: LetterKind,
  bureau: Bureau,
  calendar: WorkingCalendar,
  dueOn: string | null,
  templates: LetterTemplateSet,
): IssuedLetter | null {
  const source = letterSource(r, kind, bureau, calendar, dueOn);
  if (!source) return null;
  const template = templates[source.key];
  const base = {
    applicant: r.applicant.name,
    addressForm: r.applicant.type === 'organization' ? '贵单位' : '您',
    trackingNumber: r.trackingNumber,
    submittedOn: r.submittedAt.slice(0, 10),
    receivedOn: r.receivedOn ?? r.submittedAt.slice(0, 10),
    subject: r.information.title || r.information.description.slice(0, 60),
    bureau: bureau.name,
    form: INFORMATION_FORM_LABELS[r.form],
    delivery: DELIVERY_METHOD_LABELS[r.delivery],
  };
  const filled = fillTemplate(template, { ...base, ...source.slots });
  return {
    kind,
    title: filled.title,
    reference: `${r.trackingNumber}${source.suffix}`,
    addressee: r.applicant.name,
    // The note follows the bureau's own text, so no template (built-in or edited) can lose it.
    paragraphs: source.provisional ? [...filled.paragraphs, PROVISIONAL_NOTE] : filled.paragraphs,
    signature: bureau.name,
    date: source.date,
    ...(source.provisional ? { provisional: true as const } : {}),
    templateKey: source.key,
    templateRevision: template.revision,
  };
}

/** Which template a letter of `kind` uses, and the values only it has. */
function letterSource(
  r: RequestRecord,
  kind: LetterKind,
  bureau: Bureau,
  calendar: WorkingCalendar,
  dueOn: string | null,
): { key: LetterTemplateKey; suffix: string; date: string; slots: Record<string, string>; provisional?: boolean } | null {
  if (kind === 'supplement' && r.supplement) {
    const { items, workingDays, requestedOn } = r.supplement;
    const deadline = addWorkingDays(calendar, requestedOn, workingDays);
    const provisional = countsOverUncovered(calendar, requestedOn, deadline);
    return {
      key: 'supplement' as const,
      suffix: '-补正',
      date: requestedOn,
      slots: {
        items: items.map((item, i) => `${i + 1}. ${item}`).join('\n'),
        supplementDays: String(workingDays),
        supplementDeadline: deadline,
      },
      provisional,
    };
  }
  if (kind === 'extension' && r.extension) {
    const { workingDays, reason, on } = r.extension;
    const provisional = Boolean(dueOn && countsOverUncovered(calendar, r.receivedOn ?? on, dueOn));
    return { key: 'extension' as const, suffix: '-延期', date: on, slots: { extensionDays: String(workingDays), extensionReason: reason, dueOn: dueOn ?? '' }, provisional };
  }
  if (kind === 'reasons' && r.reasons) {
    return { key: 'reasons' as const, suffix: '-说明理由', date: r.reasons.askedOn, slots: { reasonsText: r.reasons.text } };
  }
  if (kind === 'delayedDue' && r.delayedDue) {
    const { dueOn: delayedDueOn, reason, on } = r.delayedDue;
    return { key: 'delayedDue' as const, suffix: '-延迟答复', date: on, slots: { delayedDueOn, delayedReason: reason } };
  }
  if (kind === 'fee' && r.fee && !r.fee.waived) {
    const fee = r.fee;
    const deadline = addWorkingDays(calendar, fee.noticeOn, FEE_PAYMENT_WORKING_DAYS);
    return {
      key: 'fee' as const,
      suffix: '-收费',
      date: fee.noticeOn,
      slots: {
        feeMethod: FEE_METHOD_LABELS[fee.method],
        feeUnits: `${fee.units} ${FEE_UNIT_LABELS[fee.method]}`,
        feeAmount: String(fee.amount),
        feeComputation: feeView(r, calendar)?.computation.join('\n') ?? '',
        feeDeadline: deadline,
        feeDays: String(FEE_PAYMENT_WORKING_DAYS),
        remedies: remediesSentence(bureau.government),
      },
      provisional: countsOverUncovered(calendar, fee.noticeOn, deadline),
    };
  }
  if (kind !== 'reply') return null;
  if (r.reply) {
    const { replyType, on, text, legalBasis, remedies, category } = r.reply;
    return { key: replyType, suffix: '', date: on, slots: { ...detailsOf(r.reply), replyText: text, legalBasis, remedies, category: reportWording(category) } };
  }
  if (r.status === 'closed' && r.ending?.category) {
    const details = detailsOf(r.ending);
    return {
      key: replyTypeOf(r.ending.category, details),
      suffix: '',
      date: r.ending.on,
      slots: {
        ...details,
        replyText: r.ending.reason ?? '',
        legalBasis: legalBasisOf(r.ending.category, details),
        remedies: remediesSentence(bureau.government, r.ending.category),
        category: reportWording(r.ending.category),
      },
    };
  }
  return null;
}

/** The letter a command issues, if any: a supplement request, an extension, a reply or a closure. */
export const LETTER_ISSUED_BY: Partial<Record<string, LetterKind>> = {
  askSupplement: 'supplement',
  extend: 'extension',
  askReasons: 'reasons',
  setDelayedDue: 'delayedDue',
  reply: 'reply',
  close: 'reply',
  askFee: 'fee',
};

/**
 * The stored letters after a change: the letter the change issued, rendered
 * now from the templates in force, added to those already issued (which are
 * never rendered again).
 */
export function withIssuedLetter(
  after: RequestRecord,
  kind: LetterKind,
  bureau: Bureau,
  calendar: WorkingCalendar,
  templates: LetterTemplateSet,
): IssuedLetter[] {
  const issued = after.letters ?? [];
  const letter = renderLetter(after, kind, bureau, calendar, after.dueOn, templates);
  // A termination letter was sent even if a late supplement with good reason later reopened the request (Art. 30):
  // the reply or second closure that follows is added beside it, never over it (Art. 45 keeps every step).
  const superseded = (l: IssuedLetter) => l.kind === kind && !(kind === 'reply' && l.templateKey === 'terminated');
  return letter ? [...issued.filter((l) => !superseded(l)), letter] : issued;
}

/**
 * The letters a request has so far (补正告知书, 延期答复告知书, the reply or
 * termination letter), in the order they were issued: each as stored when it
 * was issued, or — for requests from before letters were stored — rendered
 * from the built-in templates.
 */
export function lettersFor(r: RequestRecord, bureau: Bureau, calendar: WorkingCalendar, dueOn: string | null): Letter[] {
  return LETTER_KINDS.flatMap((kind) => {
    const stored = r.letters?.filter((l) => l.kind === kind) ?? [];
    const rendered = stored.length ? [] : [renderLetter(r, kind, bureau, calendar, dueOn, BUILTIN_LETTER_TEMPLATES)];
    return [...stored, ...rendered].flatMap((letter) => {
      if (!letter) return [];
      const { templateKey: _key, templateRevision: _revision, ...shown } = letter;
      return [shown];
    });
  });
}

/** What a letter adds when a date in it was counted over a year whose holiday arrangement is not entered yet. */
const PROVISIONAL_NOTE =
  '注：上述期限所涉年度的节假日安排尚未公布，本机关暂按《全国年节及纪念日放假办法》规定的法定节假日和周末计算，该期限为暂定；安排公布后如有调整，以本小程序中显示的期限为准。';

/** The per-category fields a reply or ending carries (Art. 36), as letter slots. */
function detailsOf(source: ReplyDetails): Record<string, string> {
  return Object.fromEntries(REPLY_DETAIL_FIELDS.filter((f) => source[f]).map((f) => [f, source[f] as string]));
}

/** The report row's wording without its number: "1.属于国家秘密" → "属于国家秘密". */
function reportWording(category: ReplyCategory): string {
  return REPLY_CATEGORY_INFO[category].reportLabel.replace(/^(\d+\.|（[一二三四五六七]）)/, '');
}
