import { Button, ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PagedListView } from '../../../components/paged-list-view';
import { useListPageEvents } from '../../../hooks/use-list-page-events';
import { DueTag, RequestStatusTag } from '../../../components/requests/request-status';
import { useRequestQueue } from '../../../hooks/use-request-lists';
import { go, routes } from '../../../navigation';
import { CHANNEL_LABELS, ORG_KIND_LABELS, type RequestStatus } from '../../../../shared/requests/request-schema';
import { formatBeijingDate } from '../../../../shared/time/beijing-time';
import '../../../components/requests/requests.css';

const FILTERS: Array<{ key: RequestStatus | undefined; label: string }> = [
  { key: undefined, label: '未办结' },
  { key: 'submitted', label: '待受理' },
  { key: 'registered', label: '办理中' },
  { key: 'supplementRequested', label: '待补正' },
  { key: 'consulting', label: '征求意见' },
  { key: 'reasonsRequested', label: '待说明理由' },
  { key: 'replied', label: '已答复' },
  { key: 'closed', label: '已终止' },
  { key: 'withdrawn', label: '已撤回' },
];

/** Staff: the requests to handle, the soonest due first; overdue and nearly due stand out. Personal data is masked here. */
export default function AdminRequestsPage() {
  const [status, setStatus] = useState<RequestStatus | undefined>(undefined);
  const { list, warnings } = useRequestQueue(status);
  useListPageEvents(list);

  return (
    <View className="page request-page">
      <View className="toolbar">
        <ScrollView scrollX className="tabs tabs--inline">
          {FILTERS.map((f) => (
            <Text key={f.label} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`queue-filter-${f.key ?? 'all'}`}>
              {f.label}
            </Text>
          ))}
        </ScrollView>
        <Button className="btn btn--primary btn--small" onClick={() => go(routes.adminRequestEnter())} data-testid="enter-request">
          ＋ 录入
        </Button>
      </View>
      {warnings.map((w) => (
        <Text key={w} className="notice-box" data-testid="queue-warning">{w}</Text>
      ))}
      <PagedListView
        list={list}
        emptyText="没有符合条件的申请"
        renderItem={(r) => (
          <View key={r.id} className={`card request-card request-card--${r.urgency}`} onClick={() => go(routes.adminRequest(r.id))} data-testid="queue-item">
            <View className="request-card__head">
              <Text className="request-card__number">{r.trackingNumber}</Text>
              <RequestStatusTag status={r.status} />
            </View>
            <Text className="request-card__title">{r.subject}</Text>
            <View className="request-card__meta">
              <Text data-testid="queue-applicant">{r.applicantName}{r.orgKind ? `（${ORG_KIND_LABELS[r.orgKind]}）` : ''}</Text>
              <Text className="masked">{r.phoneMasked}</Text>
              {r.idNumberMasked ? <Text className="masked">{r.idNumberMasked}</Text> : null}
            </View>
            <View className="request-card__meta">
              <Text>{CHANNEL_LABELS[r.channel]}</Text>
              <Text>{r.receivedOn ? `受理 ${r.receivedOn}` : `提交 ${formatBeijingDate(r.submittedAt)}`}</Text>
              {r.dueOn ? <Text>期限 {r.dueOn}</Text> : null}
              <DueTag dueOn={r.dueOn} workingDaysLeft={r.workingDaysLeft} provisional={r.dueProvisional} urgency={r.urgency} />
            </View>
          </View>
        )}
      />
    </View>
  );
}
