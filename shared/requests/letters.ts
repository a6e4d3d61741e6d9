import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar';
import { REPLY_CATEGORY_INFO, remediesSentence, type ReplyCategory, type ReplyType } from './reply-categories';
import { INFORMATION_FORM_LABELS, DELIVERY_METHOD_LABELS } from './request-schema';
import type { RequestRecord } from './request-record';
import type { Letter, LetterKind } from './request-types';

/**
 * The formal notices a bureau sends (告知书), generated as text from
 * templates. A template is plain data: a title and paragraphs with {slots};
 * a bureau edits wording by passing its own templates, never code.
 *
 * Slots: {applicant} {trackingNumber} {submittedOn} {receivedOn} {subject}
 * {replyText} {legalBasis} {remedies} {items} {supplementDays}
 * {supplementDeadline} {extensionDays} {extensionReason} {dueOn} {bureau}
 * {form} {delivery} {category}
 */
export interface LetterTemplate {
  title: string;
  paragraphs: string[];
}

export type LetterTemplateKey = ReplyType | 'supplement' | 'extension';

const REPLY_TITLE = '政府信息公开申请答复告知书';
const OPENING = '{applicant}：\n本机关于 {receivedOn} 收到您（单位）提出的政府信息公开申请（编号 {trackingNumber}），申请获取"{subject}"。';

export const DEFAULT_LETTER_TEMPLATES: Record<LetterTemplateKey, LetterTemplate> = {
  disclose: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '经审查，您申请获取的信息属于公开范围，根据{legalBasis}的规定，现予以公开，以{form}形式通过{delivery}方式提供。', '{replyText}', '{remedies}'],
  },
  partial: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '经审查，您申请获取的信息中部分内容可以公开，根据{legalBasis}的规定，对可以公开的部分予以提供，对不予公开的部分说明理由如下。', '{replyText}', '{remedies}'],
  },
  withhold: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '经审查，您申请获取的信息属于不予公开的情形（{category}），根据{legalBasis}的规定，不予公开。理由如下。', '{replyText}', '{remedies}'],
  },
  notHeld: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '经检索查找，本机关不掌握您申请获取的信息，根据{legalBasis}的规定告知如下。', '{replyText}', '{remedies}'],
  },
  notExisting: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '经审查，您申请获取的信息需要本机关对现有信息进行加工、分析方能形成，根据{legalBasis}的规定，本机关可以不予提供。', '{replyText}', '{remedies}'],
  },
  unclear: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '本机关已告知您补正申请，经补正后申请内容仍不明确，根据{legalBasis}的规定，无法提供。', '{replyText}', '{remedies}'],
  },
  notProcessed: {
    title: REPLY_TITLE,
    paragraphs: [OPENING, '经审查，您的申请属于不予处理的情形（{category}），根据{legalBasis}的规定，本机关不予处理。', '{replyText}', '{remedies}'],
  },
  terminated: {
    title: '政府信息公开申请终止处理告知书',
    paragraphs: [OPENING, '您的申请属于以下情形：{category}。根据{legalBasis}的规定，本机关不再处理。', '{replyText}', '{remedies}'],
  },
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
};

/**
 * The letters a request has so far (补正告知书, 延期答复告知书, the reply or
 * termination letter), in the order they were issued.
 */
export function lettersFor(
  r: RequestRecord,
  bureauName: string,
  calendar: WorkingCalendar,
  dueOn: string | null,
  templates: Record<LetterTemplateKey, LetterTemplate> = DEFAULT_LETTER_TEMPLATES,
): Letter[] {
  const letters: Letter[] = [];
  const base = {
    applicant: r.applicant.name,
    trackingNumber: r.trackingNumber,
    submittedOn: r.submittedAt.slice(0, 10),
    receivedOn: r.receivedOn ?? r.submittedAt.slice(0, 10),
    subject: r.information.title || r.information.description.slice(0, 60),
    bureau: bureauName,
    form: INFORMATION_FORM_LABELS[r.form],
    delivery: DELIVERY_METHOD_LABELS[r.delivery],
  };
  const make = (kind: LetterKind, key: LetterTemplateKey, suffix: string, date: string, slots: Record<string, string>): Letter => {
    const template = templates[key];
    const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => ({ ...base, ...slots })[name] ?? whole);
    return {
      kind,
      title: fill(template.title),
      reference: `${r.trackingNumber}${suffix}`,
      addressee: r.applicant.name,
      paragraphs: template.paragraphs.map(fill).filter((p) => p.trim().length > 0),
      signature: bureauName,
      date,
    };
  };

  if (r.supplement) {
    letters.push(
      make('supplement', 'supplement', '-补正', r.supplement.requestedOn, {
        items: r.supplement.items.map((item, i) => `${i + 1}. ${item}`).join('\n'),
        supplementDays: String(r.supplement.workingDays),
        supplementDeadline: addWorkingDays(calendar, r.supplement.requestedOn, r.supplement.workingDays),
      }),
    );
  }
  if (r.extension) {
    letters.push(
      make('extension', 'extension', '-延期', r.extension.on, {
        extensionDays: String(r.extension.workingDays),
        extensionReason: r.extension.reason,
        dueOn: dueOn ?? '',
      }),
    );
  }
  if (r.reply) {
    letters.push(
      make('reply', r.reply.replyType, '', r.reply.on, {
        replyText: r.reply.text,
        legalBasis: r.reply.legalBasis,
        remedies: r.reply.remedies,
        category: reportWording(r.reply.category),
      }),
    );
  } else if (r.status === 'closed' && r.ending?.category) {
    const info = REPLY_CATEGORY_INFO[r.ending.category];
    letters.push(
      make('reply', info.replyType, '', r.ending.on, {
        replyText: r.ending.reason ?? '',
        legalBasis: info.legalBasis,
        remedies: remediesSentence(bureauName),
        category: reportWording(r.ending.category),
      }),
    );
  }
  return letters;
}

/** The report row's wording without its number: "1.属于国家秘密" → "属于国家秘密". */
function reportWording(category: ReplyCategory): string {
  return REPLY_CATEGORY_INFO[category].reportLabel.replace(/^(\d+\.|（[一二三四五六七]）)/, '');
}
