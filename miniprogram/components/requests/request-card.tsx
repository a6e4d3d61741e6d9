import { Text, View } from '@tarojs/components';
import type { MyRequestSummary } from '../../../shared/requests/request-types';
import { formatBeijingDate, formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { DueTag, RequestStatusTag, urgencyOf } from './request-status';

/** One line of 我的申请: number, status, what was asked, and when the answer is due. */
export function RequestCard({ request: r, onOpen }: { request: MyRequestSummary; onOpen: (id: string) => void }) {
  return (
    <View role="button" tabIndex={0} className="card request-card" onClick={() => onOpen(r.id)} data-testid="request-card">
      <View className="request-card__head">
        <Text className="request-card__number">{r.trackingNumber}</Text>
        <RequestStatusTag status={r.status} />
      </View>
      <Text className="request-card__title">{r.subject}</Text>
      <View className="request-card__meta">
        {r.waitingSince ? (
          <Text data-testid="waiting-since">自 {formatBeijingDateTime(r.waitingSince)} 起待受理</Text>
        ) : (
          <Text>提交于 {formatBeijingDate(r.submittedAt)}</Text>
        )}
        {r.receivedOn ? <Text>受理 {r.receivedOn}</Text> : null}
        {r.dueOn ? <Text>答复期限 {r.dueOn}</Text> : null}
        <DueTag dueOn={r.dueOn} workingDaysLeft={r.workingDaysLeft} provisional={r.dueProvisional} urgency={urgencyOf(r.workingDaysLeft)} />
      </View>
    </View>
  );
}
