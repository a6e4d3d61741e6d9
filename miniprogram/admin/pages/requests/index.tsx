import { Button, ScrollView, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DepartmentFilter } from '../../../components/department-filter';
import { AssignListed } from '../../components/assign-listed';
import { useWhoami } from '../../../hooks/use-whoami';
import { PagedListView } from '../../../components/paged-list-view';
import { useListPageEvents } from '../../../hooks/use-list-page-events';
import { DueTag, RequestStatusTag } from '../../../components/requests/request-status';
import { useRequestQueue } from '../../../hooks/use-request-lists';
import { useDepartmentNames } from '../../../hooks/use-department-names';
import { go, routes } from '../../../navigation';
import { CHANNEL_LABELS, ORG_KIND_LABELS, type RequestStatus } from '../../../../shared/requests/request-schema';
import type { AwaitingItem, QueueItem } from '../../../../shared/requests/request-types';
import { formatBeijingDate, formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import '../../../components/requests/requests.css';

/** A status, or 已逾期 / 即将到期 (open requests past their due date, or due within 3 working days). */
type QueueFilter = RequestStatus | 'overdue' | 'dueSoon' | undefined;
const DUE_FILTERS = ['overdue', 'dueSoon'] as const;

const FILTERS: Array<{ key: QueueFilter; label: string }> = [
  { key: undefined, label: '未办结' },
  { key: 'overdue', label: '已逾期' },
  { key: 'dueSoon', label: '3个工作日内到期' },
  { key: 'submitted', label: '待受理' },
  { key: 'registered', label: '办理中' },
  { key: 'supplementRequested', label: '待补正' },
  { key: 'consulting', label: '征求意见' },
  { key: 'reasonsRequested', label: '待说明理由' },
  { key: 'feeRequested', label: '待缴费' },
  { key: 'replied', label: '已答复' },
  { key: 'closed', label: '已终止' },
  { key: 'withdrawn', label: '已撤回' },
];

/**
 * Staff: the requests to handle. Online applications waiting for registration
 * come first, longest waiting first (条例 Art. 31: their receipt day waits on
 * the bureau); then the requests of the clerk's departments, soonest due first,
 * overdue and nearly due standing out. Personal data is masked here.
 */
/** The picker's 未分配部门: not a department id (ids have no colon), never sent as one. */
const UNASSIGNED = ':unassigned';

export default function AdminRequestsPage() {
  // Opened from 我的待办: on the view its figure counted.
  const opened = useRouter().params.filter;
  const [filter, setStatus] = useState<QueueFilter>(() => FILTERS.find((f) => f.key === opened)?.key);
  const due = DUE_FILTERS.find((d) => d === filter);
  const status = due ? undefined : (filter as RequestStatus | undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const unassigned = departmentId === UNASSIGNED;
  const { list, warnings, waiting, waitingTotal } = useRequestQueue(status, unassigned ? undefined : departmentId, unassigned, due);
  const { whoami } = useWhoami();
  // Requests stored before departments have none: only admins see them, and hand them on (assignDepartment).
  const admin = !!whoami?.staff?.roles.includes('admin');
  const departmentName = useDepartmentNames();
  useListPageEvents(list);

  return (
    <View className="page request-page">
      {/* The status tabs have a row of their own: squeezed beside the department picker and ＋ 录入 on a phone, those covered them. */}
      <ScrollView scrollX className="tabs" data-testid="queue-tabs">
        {FILTERS.map((f) => (
          <Text role="button" aria-pressed={f.key === filter} tabIndex={0} key={f.label} className={`tabs__item ${f.key === filter ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`queue-filter-${f.key ?? 'all'}`}>
            {f.label}
          </Text>
        ))}
      </ScrollView>
      <View className="toolbar">
        <DepartmentFilter value={departmentId} onChange={setDepartmentId} extra={admin ? [{ id: UNASSIGNED, name: '未分配部门' }] : []} />
        <Button className="btn btn--primary btn--small" onClick={() => go(routes.adminRequestEnter())} data-testid="enter-request">
          ＋ 录入
        </Button>
      </View>
      {warnings.map((w) => (
        <Text key={w} className="notice-box" data-testid="queue-warning">{w}</Text>
      ))}
      {unassigned && list.items.length > 0 && <AssignListed rows={list.items} onDone={list.refresh} />}
      {waiting.length > 0 && (
        <View data-testid="queue-waiting">
          <Text className="section-title">待受理的网上申请（{waitingTotal} 件，等待最久的在前）</Text>
          {waiting.map((r) => <QueueRow key={r.id} r={r} departmentName={departmentName} />)}
          {waitingTotal > waiting.length ? <Text className="notice-box">另有 {waitingTotal - waiting.length} 件，请在“待受理”中查看</Text> : null}
          <Text className="section-title">办理中的申请</Text>
        </View>
      )}
      <PagedListView list={list} emptyText="没有符合条件的申请" renderItem={(r) => <QueueRow key={r.id} r={r} departmentName={departmentName} />} />
    </View>
  );
}

/** How long an online application has waited for registration, in working days (the bureau reminds after its setting, default 1). */
function waitingText(w: NonNullable<QueueItem['waiting']>): string {
  const since = `${formatBeijingDateTime(w.since)} 提交`;
  if (w.workingDays === 0) return `${since}，今日待受理`;
  return `${since}，已等待 ${w.workingDays} 个工作日${w.late ? '，请尽快受理' : ''}`;
}

/** A row of the queue, or a waiting application at its head (which carries only what its card shows). */
function QueueRow({ r, departmentName }: { r: QueueItem | AwaitingItem; departmentName: (id: string | null) => string | null }) {
  const mark = r.waiting ? (r.waiting.late ? 'overdue' : 'dueSoon') : 'urgency' in r ? r.urgency : 'none';
  return (
    <View role="button" tabIndex={0} className={`card request-card request-card--${mark}`} onClick={() => go(routes.adminRequest(r.id))} data-testid="queue-item">
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
      {r.waiting ? (
        <View className="request-card__meta">
          <Text className={`due-tag due-tag--${r.waiting.late ? 'overdue' : 'dueSoon'}`} data-testid="queue-waited">{waitingText(r.waiting)}</Text>
        </View>
      ) : 'channel' in r ? (
        <View className="request-card__meta">
          <Text>{CHANNEL_LABELS[r.channel]}</Text>
          {r.departmentId ? <Text data-testid="queue-department">{departmentName(r.departmentId)}</Text> : <Text className="due-tag due-tag--dueSoon" data-testid="queue-unassigned">未分配部门</Text>}
          <Text>{r.receivedOn ? `受理 ${r.receivedOn}` : `提交 ${formatBeijingDate(r.submittedAt)}`}</Text>
          {r.dueOn ? <Text>期限 {r.dueOn}</Text> : null}
          {/* Awaiting a supplement the clock stands still: what matters is the applicant's last day (Art. 30). */}
          {r.supplementDeadlineOn ? <Text className="due-tag due-tag--dueSoon" data-testid="queue-supplement-deadline">补正截止 {r.supplementDeadlineOn}</Text> : null}
          {/* Awaiting a fee the clock stands still: the day that matters is the last day to pay (Art. 42). */}
          {r.feeDeadlineOn ? <Text className="due-tag due-tag--dueSoon" data-testid="queue-fee-deadline">缴费截止 {r.feeDeadlineOn}</Text> : null}
          <DueTag dueOn={r.dueOn} workingDaysLeft={r.workingDaysLeft} provisional={r.dueProvisional} urgency={r.urgency} />
        </View>
      ) : null}
    </View>
  );
}
