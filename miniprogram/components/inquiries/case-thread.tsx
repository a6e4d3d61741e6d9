import { Text, View } from '@tarojs/components';
import type { CaseHistoryView, CaseMessage } from '../../../shared/inquiries/inquiry-types';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { AttachmentList } from '../attachment-list';

const WHO: Record<CaseMessage['kind'], string> = {
  question: '提问',
  followUp: '追问',
  moreGiven: '补充',
  moreAsked: '需要补充（一次性告知）',
  answer: '答复',
};

/** The case as a conversation: the question, what was asked for and given, each answer. */
/** `caseId`: the case, which CloudBase's files function checks the photos against. */
export function CaseThread({ messages, askerLabel, caseId }: { messages: CaseMessage[]; askerLabel: string; caseId: string }) {
  return (
    <View className="card" data-testid="case-thread">
      {messages.map((m, i) => (
        <View key={i} className={`case-message case-message--${m.from}`} data-testid={`case-message-${m.kind}`}>
          <Text className="case-message__who">
            {m.from === 'resident' ? askerLabel : '工作人员'} · {WHO[m.kind]} · {formatBeijingDateTime(m.at)}
          </Text>
          <Text className="case-message__text">{m.text}</Text>
          {m.items?.map((item, j) => (
            <Text key={j} className="case-message__text" data-testid="more-item">{j + 1}. {item}</Text>
          ))}
          <AttachmentList files={m.attachments} testId="case-attachments" on={{ kind: 'inquiry', id: caseId }} />
        </View>
      ))}
    </View>
  );
}

/** Who did what, when (件件有记录). */
export function CaseHistory({ history }: { history: CaseHistoryView[] }) {
  return (
    <View className="card" data-testid="case-history">
      <Text className="section-title">办理记录</Text>
      {history.map((h, i) => (
        <Text key={i} className="explain__line">
          {formatBeijingDateTime(h.at)} {h.by} {h.label}{h.detail ? `：${h.detail}` : ''}
        </Text>
      ))}
    </View>
  );
}
