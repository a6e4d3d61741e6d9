import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { DeliveryReport, DeliveryStatus } from '../../../../shared/notifications/notification-types';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { call } from '../../../api/call';
import { DetailRow } from '../../../components/detail-row';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRemote } from '../../../hooks/use-remote';
import { go, routes } from '../../../navigation';

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  sent: '已发送到微信',
  pending: '等待发送',
  sending: '发送中',
  noGrant: '未授权（仅站内消息）',
  failed: '发送失败',
};

/** Staff: with ?subjectId=, how one notice's (or request's) notifications reached people; without, the published notices to pick from. */
export default function DeliveriesPage() {
  const subjectId = useRouter().params.subjectId;
  return subjectId ? <Report subjectId={subjectId} /> : <PickNotice />;
}

function PickNotice() {
  const list = usePagedList(
    useCallback((cursor: string | null) => call('notices', 'manageList', { status: 'published', cursor, limit: 20 }), []),
    [],
  );
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
  return (
    <View className="page">
      <Text className="hint">选择一条已发布的信息，查看订阅居民的送达情况。</Text>
      <PagedListView
        list={list}
        emptyText="还没有已发布的信息"
        renderItem={(n) => (
          <View role="button" tabIndex={0} key={n.id} className="card notice-card" onClick={() => go(routes.adminDeliveries(n.id))} data-testid="deliveries-notice">
            <Text className="notice-card__title">{n.title}</Text>
            <View className="notice-card__meta">
              <Text>{n.departmentName}</Text>
              {n.publishedAt && <Text>发布于 {formatBeijingDateTime(n.publishedAt)}</Text>}
            </View>
          </View>
        )}
      />
    </View>
  );
}

function Report({ subjectId }: { subjectId: string }) {
  const report = useRemote<DeliveryReport>(() => call('deliveries', 'forSubject', { subjectId }), [subjectId]);
  usePullDownRefresh(() => void report.reload().finally(() => Taro.stopPullDownRefresh()));
  const r = report.data;
  if (report.error && !r) {
    return (
      <View className="page">
        <View className="list-state list-state--error">
          <Text>{report.error.message}</Text>
          <Button className="btn btn--plain" onClick={() => void report.reload()}>重新加载</Button>
        </View>
      </View>
    );
  }
  if (!r) return <View className="page"><View className="list-state">正在加载…</View></View>;
  const fanningOut = r.notifications.some((n) => n.status === 'pending');
  return (
    <View className="page" data-testid="delivery-report">
      <View className="card detail-card">
        <DetailRow label="通知" value={r.notifications.map((n) => n.title).join('；') || '没有产生通知（无人订阅或尚未发布）'} />
        <DetailRow label="站内消息" value={`${r.inApp} 人${fanningOut ? '（仍在发送中）' : ''}，已读 ${r.read} 人`} />
        {(Object.keys(STATUS_LABELS) as DeliveryStatus[]).map((s) => (
          <DetailRow key={s} label={STATUS_LABELS[s]} value={`${r.wechat[s]} 人`} />
        ))}
      </View>
      <Button className="btn btn--plain btn--block" onClick={() => void report.reload()}>刷新</Button>

      {r.problems.length > 0 && (
        <View className="card">
          <Text className="attachments__title">未送达微信的原因（最近 {r.problems.length} 条）</Text>
          {r.problems.map((p, i) => (
            <DetailRow key={i} label={p.recipient} value={`${STATUS_LABELS[p.status]}：${p.reason}（${formatBeijingDateTime(p.at)}）`} />
          ))}
        </View>
      )}

      {r.recorded.length > 0 && (
        <View className="card" data-testid="recorded-messages">
          <Text className="attachments__title">本地记录的微信订阅消息（本地云无法连接微信，只记录不发送）</Text>
          {r.recorded.map((m, i) => (
            <DetailRow
              key={i}
              label={m.recipient}
              value={`${Object.values(m.data).map((f) => f.value).join(' / ')}\n模板 ${m.templateId} · 打开 ${m.page} · ${formatBeijingDateTime(m.at)}`}
            />
          ))}
        </View>
      )}
    </View>
  );
}
