import { View } from '@tarojs/components';
import type { SupplementRequest } from '../../../shared/requests/request-types';
import { AttachmentList } from '../attachment-list';
import { DetailRow } from '../detail-row';

/**
 * The supplement as it was given, for the applicant and for staff alike: when, what was said, the
 * files that came with it (a resident's uploads or a clerk's scan of a letter), and — for one accepted
 * after its period — the good reason recorded (条例 Art. 30).
 */
export function SupplementAnswer({ supplement, requestId }: { supplement: Pick<SupplementRequest, 'answer'>; requestId: string }) {
  const answer = supplement.answer;
  if (!answer) return null;
  return (
    <View data-testid="supplement-answer">
      <DetailRow label="补正日期" value={answer.on} />
      <DetailRow label="补正内容" value={answer.text} />
      <DetailRow label="逾期理由" value={answer.lateReason} />
      <AttachmentList files={answer.attachments} testId="supplement-attachments" on={{ kind: 'request', id: requestId }} />
    </View>
  );
}
