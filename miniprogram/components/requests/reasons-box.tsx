import { Text, View } from '@tarojs/components';
import { DetailRow } from '../detail-row';
import type { RequestView } from '../../../shared/requests/request-types';

/**
 * Art. 35 on a request's page, for the applicant and for staff alike: what the bureau asked the
 * applicant to explain, the answer, and the later due date it fixed (延迟答复) with its reason.
 */
export function ReasonsBox({ request }: { request: Pick<RequestView, 'reasons' | 'delayedDue'> }) {
  const { reasons, delayedDue } = request;
  if (!reasons && !delayedDue) return null;
  return (
    <View className="card" data-testid="reasons">
      <Text className="section-title">说明理由（条例第三十五条）</Text>
      {reasons && (
        <>
          <DetailRow label="要求说明" value={`${reasons.askedOn}：${reasons.text}`} />
          <DetailRow label="申请人说明" value={reasons.answer ? `${reasons.answer.on}：${reasons.answer.text}` : '尚未说明'} />
        </>
      )}
      {delayedDue && (
        <View data-testid="delayed-due">
          <DetailRow label="延迟答复至" value={delayedDue.dueOn} />
          <DetailRow label="原因" value={`${delayedDue.reason}（${delayedDue.on} 确定）`} />
        </View>
      )}
    </View>
  );
}
