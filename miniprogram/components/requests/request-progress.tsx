import { Image, Text, View } from '@tarojs/components';
import type { DueExplanation, ExplainedDay, Letter, RequestReply, RequestView, TimelineEntry } from '../../../shared/requests/request-types';
import { layoutLetter } from '../../../shared/requests/letter-layout';
import { REPLY_DETAIL_FIELDS, REPLY_DETAIL_LABELS } from '../../../shared/requests/reply-categories';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { AttachmentList } from '../attachment-list';
import { DayByDay } from '../day-by-day';
import { DetailRow } from '../detail-row';
import { daysLeftText } from './request-status';
import { STATUTORY_WORKING_DAYS } from '../../../shared/requests/statutory-periods';

/**
 * The parts of a request's page that the applicant and the clerk both see:
 * the due date with how it was reached, every event, the reply, the letters.
 */

export function DueBox({ request }: { request: RequestView }) {
  const left = daysLeftText(request.dueOn, request.workingDaysLeft, request.dueProvisional);
  return (
    <View className="card" data-testid="due-box">
      <DetailRow label="受理日期" value={request.receivedOn ?? '尚未受理'} />
      {request.dueOn ? (
        <View className="due-box">
          <Text className="due-box__main" data-testid="due-on">答复期限：{request.dueOn}{request.dueProvisional ? '（暂定）' : ''}</Text>
          {left ? <Text className="due-box__left" data-testid="days-left">{left}</Text> : null}
        </View>
      ) : (
        <Text className="hint">{dueAbsentText(request)}</Text>
      )}
      {request.dueExplanation ? <DueExplanationView explanation={request.dueExplanation} /> : null}
    </View>
  );
}

function dueAbsentText(r: RequestView): string {
  if (r.status === 'submitted') return `受理后开始计算答复期限（${STATUTORY_WORKING_DAYS}个工作日）。`;
  if (r.status === 'supplementRequested') return '补正期间答复期限暂停，收到补正材料之日起重新计算。';
  if (r.status === 'consulting') return '征求第三方或其他机关意见的时间不计入答复期限。';
  if (r.status === 'feeRequested') return '等待缴纳信息处理费期间答复期限暂停计算，缴费后恢复计算。';
  return '本申请已办结。';
}

const DAY_KIND_TEXT: Record<ExplainedDay['kind'], string> = {
  receipt: '受理日（第0天，不计入）',
  working: '工作日',
  makeupWorkday: '调休上班日（计入）',
  weekend: '周末（不计入）',
  holiday: '法定节假日（不计入）',
  paused: '暂停计算（不计入）',
};

/** How the due date was reached: the rules in order, then every day counted or skipped, on request. */
export function DueExplanationView({ explanation }: { explanation: DueExplanation }) {
  return (
    <View className="explain" data-testid="due-explanation">
      <Text className="explain__line" data-testid="due-summary">{explanation.summary}</Text>
      {explanation.provisionalWarning ? <Text className="notice-box">{explanation.provisionalWarning}</Text> : null}
      {explanation.steps.map((step, i) => (
        <Text key={i} className="explain__line">{step}</Text>
      ))}
      <DayByDay days={explanation.days} kindText={DAY_KIND_TEXT} toggleTestId="due-days-toggle" dayTestId="due-day" />
    </View>
  );
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className="card timeline" data-testid="timeline">
      <Text className="section-title">办理记录</Text>
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className="timeline__item" data-testid="timeline-entry">
          <Text className="timeline__what">{e.label}</Text>
          <Text className="timeline__when">
            {formatBeijingDateTime(e.at)}
            {e.actorName ? `　${e.actorName}` : e.actor === 'applicant' ? '　申请人' : e.actor === 'system' ? '　系统' : ''}
          </Text>
          {e.detail ? <Text className="timeline__detail">{e.detail}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** `requestId`: the request the reply answers, which CloudBase's files function checks its attachments against. */
export function ReplyBox({ reply, requestId }: { reply: RequestReply; requestId: string }) {
  return (
    <View className="card reply-box" data-testid="reply">
      <Text className="section-title">答复</Text>
      <Text className="reply-box__category" data-testid="reply-category">{reply.categoryLabel}</Text>
      <Text className="timeline__when">答复日期：{reply.on}</Text>
      <Text className="reply-box__text" data-testid="reply-text">{reply.text}</Text>
      <AttachmentList files={reply.attachments} testId="reply-attachments" on={{ kind: 'request', id: requestId }} />
      {/* What the category names besides its text (Art. 36): where to find it, whose it is, the procedure, the earlier request. */}
      {REPLY_DETAIL_FIELDS.filter((f) => f !== 'basis' && reply[f]).map((f) => (
        <DetailRow key={f} label={REPLY_DETAIL_LABELS[f]} value={reply[f]} />
      ))}
      <Text className="timeline__when">依据：{reply.legalBasis}</Text>
      <Text className="remedies" data-testid="remedies">{reply.remedies}</Text>
    </View>
  );
}

export function LetterLinks({ letters, onOpen }: { letters: Letter[]; onOpen: (index: number) => void }) {
  if (!letters.length) return null;
  return (
    <View className="card" data-testid="letters">
      <Text className="section-title">告知书</Text>
      {letters.map((l, i) => (
        <View role="button" tabIndex={0} key={`${l.reference}-${i}`} className="letter-link" onClick={() => onOpen(i)} data-testid={`letter-${l.kind}`}>
          <Text>{l.title}</Text>
          <Text className="menu__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * A formal letter (告知书) laid out as the bureau's paper document (shared/requests/letter-layout.ts):
 * title and 文号 centred, the addressee flush left, every paragraph indented two characters, the
 * bureau's name and the date at the foot — over its seal where it has uploaded one.
 */
export function LetterView({ letter }: { letter: Letter }) {
  const doc = layoutLetter(letter);
  return (
    <View className="letter" data-testid="letter">
      <Text className="letter__title">{doc.title}</Text>
      <Text className="letter__number" data-testid="letter-number">{doc.number}</Text>
      <Text className="letter__paragraph letter__paragraph--flush" data-testid="letter-salutation">{doc.salutation}</Text>
      {doc.paragraphs.map((line, i) => (
        <Text key={i} className="letter__paragraph">{line}</Text>
      ))}
      <View className="letter__foot">
        {doc.seal ? <Image className="letter__seal" src={doc.seal} mode="aspectFit" data-testid="letter-seal" /> : null}
        <Text className="letter__sign">{doc.signature}</Text>
        <Text className="letter__sign letter__sign--date" data-testid="letter-date">{doc.date}</Text>
      </View>
    </View>
  );
}
