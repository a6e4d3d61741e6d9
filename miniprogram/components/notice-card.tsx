import { Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, POLICY_VALIDITY_LABELS } from '../../shared/notices/notice-kinds';
import type { NoticeSummary } from '../../shared/notices/notice-schema';
import { periodStatus } from '../../shared/notices/period-status';
import { beijingToday, formatBeijingDate } from '../../shared/time/beijing-time';

interface Props {
  notice: NoticeSummary;
  today?: string;
  onOpen: (id: string) => void;
}

/** One notice in a list: kind, title, department, date, and the one status a resident most needs. */
export function NoticeCard({ notice, onOpen, today = beijingToday(new Date()) }: Props) {
  const badge = badgeFor(notice, today);
  return (
    <View role="button" tabIndex={0} className="card notice-card" onClick={() => onOpen(notice.id)} data-testid="notice-card">
      <View className="notice-card__head">
        <Text className={`kind-tag kind-tag--${notice.kind}`}>{NOTICE_KIND_LABELS[notice.kind]}</Text>
        {badge && <Text className={`badge badge--${badge.tone}`}>{badge.text}</Text>}
        <CorrectionMark notice={notice} />
      </View>
      <Text className="notice-card__title">{notice.title}</Text>
      {notice.summary ? <Text className="notice-card__summary">{notice.summary}</Text> : null}
      <View className="notice-card__meta">
        <Text>{notice.departmentName}</Text>
        {notice.docNumber ? <Text>{notice.docNumber}</Text> : null}
        <Text>{notice.publishedAt ? formatBeijingDate(notice.publishedAt) : '未发布'}</Text>
      </View>
    </View>
  );
}

/** 更正: the notice was corrected after it was published (its page says when and what). */
export function CorrectionMark({ notice }: { notice: Pick<NoticeSummary, 'correctedAt'> }) {
  return notice.correctedAt ? (
    <Text className="badge badge--correction" data-testid="correction-mark" aria-label={`${formatBeijingDate(notice.correctedAt)}更正`}>
      更正
    </Text>
  ) : null;
}

function badgeFor(notice: NoticeSummary, today: string): { text: string; tone: 'open' | 'ended' | 'muted' } | null {
  if (notice.period && (notice.kind === 'publicity' || notice.kind === 'consultation')) {
    const status = periodStatus(notice.period, today, notice.kind);
    return { text: status.label, tone: status.state === 'open' ? 'open' : 'ended' };
  }
  if (notice.validity) {
    return { text: POLICY_VALIDITY_LABELS[notice.validity], tone: notice.validity === 'inForce' ? 'open' : 'muted' };
  }
  return null;
}
