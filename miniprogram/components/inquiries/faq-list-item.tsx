import { Text, View } from '@tarojs/components';
import type { FaqSummary } from '../../../shared/inquiries/faq-types';
import { formatBeijingDate } from '../../../shared/time/beijing-time';

/**
 * One FAQ entry in a list: the question, the start of the answer, and when staff last checked it.
 * With `onTopic`, its topic is a tap target of its own: the list narrows to that topic.
 */
export function FaqListItem({ faq, onOpen, onTopic }: { faq: FaqSummary; onOpen?: (id: string) => void; onTopic?: (topic: string) => void }) {
  return (
    // A tap anywhere opens it; for the keyboard the question is the button, the topic another.
    <View className="faq-item" onClick={() => onOpen?.(faq.id)} data-testid="faq-item">
      <Text className="faq-item__q" role={onOpen ? 'button' : undefined} tabIndex={onOpen ? 0 : undefined}>{faq.question}</Text>
      <Text className="faq-item__a">{faq.answerPreview}</Text>
      <Text className="faq-item__meta">
        {onTopic ? (
          <Text role="button" tabIndex={0}
            className="faq-item__topic"
            data-testid="faq-item-topic"
            onClick={(e) => {
              e.stopPropagation();
              onTopic(faq.topic);
            }}
          >
            {faq.topic}
          </Text>
        ) : (
          faq.topic
        )}
        {faq.departmentName ? ` · ${faq.departmentName}` : ''} · {formatBeijingDate(faq.checkedAt)} 核对
      </Text>
    </View>
  );
}
