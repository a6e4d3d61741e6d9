import { Button, ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { PagedListView } from '../../../components/paged-list-view';
import { useCaseQueue } from '../../../hooks/use-inquiries';
import { useListPageEvents } from '../../../hooks/use-list-page-events';
import { go, routes } from '../../../navigation';
import { INQUIRY_CHANNEL_LABELS, INQUIRY_KIND_LABELS, type CaseQueueItem, type InquiryStatus } from '../../../../shared/inquiries/inquiry-types';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';

const FILTERS: Array<{ key: InquiryStatus | undefined; label: string }> = [
  { key: undefined, label: '未办结' },
  { key: 'open', label: '待答复' },
  { key: 'moreAsked', label: '待补充' },
  { key: 'answered', label: '已答复' },
  { key: 'closed', label: '已办结' },
];

function dueText(c: CaseQueueItem): string | null {
  if (c.workingDaysLeft === null) return null;
  const mark = c.dueProvisional ? '（暂定）' : '';
  if (c.overdue) return `已超期 ${-c.workingDaysLeft} 个工作日${mark}`;
  return c.workingDaysLeft === 0 ? `今天到期${mark}` : `还剩 ${c.workingDaysLeft} 个工作日${mark}`;
}

/** Answerers: the cases to answer, soonest due first, with their age; overdue and nearly due stand out. Nobody's name is shown here. */
export default function AdminInquiriesPage() {
  const [status, setStatus] = useState<InquiryStatus | undefined>(undefined);
  const list = useCaseQueue(status, undefined);
  useListPageEvents(list);
  const year = Number(beijingToday(new Date()).slice(0, 4));
  const figures = useRemote(() => call('inquiries', 'figures', { year }), [year]).data;
  const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

  return (
    <View className="page request-page">
      <View className="toolbar">
        <ScrollView scrollX className="tabs tabs--inline">
          {FILTERS.map((f) => (
            <Text role="button" aria-pressed={f.key === status} tabIndex={0} key={f.label} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`case-filter-${f.key ?? 'all'}`}>
              {f.label}
            </Text>
          ))}
        </ScrollView>
        <Button className="btn btn--primary btn--small" onClick={() => go(routes.adminInquiryEnter())} data-testid="enter-case">
          ＋ 登记来电
        </Button>
        <Button className="btn btn--plain btn--small" onClick={() => go(routes.adminFaqEdit())} data-testid="new-faq">
          ＋ 常见问题
        </Button>
      </View>
      {figures ? (
        <Text role="button" tabIndex={0} className="hint" data-testid="case-figures" onClick={() => go(routes.adminInquiryFigures(year))}>
          {`${year} 年共 ${figures.total} 件（电话 ${figures.byChannel.phone} 件）· 按时答复 ${pct(figures.onTimeRate)} · 答复用时中位数 ${figures.medianWorkingDaysToAnswer ?? '—'} 个工作日 · 有帮助 ${pct(figures.helpfulRate)} · 查看统计 ›`}
        </Text>
      ) : null}
      <PagedListView
        list={list}
        emptyText="没有符合条件的咨询或投诉"
        renderItem={(c) => (
          <View role="button" tabIndex={0} key={c.id} className={`card request-card ${c.overdue ? 'case-urgent' : c.dueSoon ? 'case-soon' : ''}`} onClick={() => go(routes.adminInquiry(c.id))} data-testid="case-queue-item">
            <View className="request-card__head">
              <Text className="request-card__number">{c.caseNumber}</Text>
              <Text className={`status-tag status-tag--${c.status}`}>{c.statusLabel}</Text>
            </View>
            <Text className="request-card__title">{INQUIRY_KIND_LABELS[c.kind]} · {c.topic}</Text>
            <View className="request-card__meta">
              <Text>{INQUIRY_CHANNEL_LABELS[c.channel]}</Text>
              <Text>收到 {c.receivedOn}（{c.ageWorkingDays > 0 ? `${c.ageWorkingDays} 个工作日前` : '今天'}）</Text>
              {c.departmentName ? <Text>{c.departmentName}{c.assignedName ? ` · ${c.assignedName}` : ''}</Text> : null}
              {dueText(c) ? <Text className={`due-tag due-tag--${c.overdue ? 'overdue' : c.dueSoon ? 'dueSoon' : 'normal'}`} data-testid="case-due">{dueText(c)}</Text> : null}
            </View>
          </View>
        )}
      />
    </View>
  );
}
