import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NOTICE_KIND_LABELS, POLICY_VALIDITY_LABELS } from '../../shared/notices/notice-kinds';
import type { Period, PublicNotice } from '../../shared/notices/notice-schema';
import { periodElapsedPercent, periodStatus } from '../../shared/notices/period-status';
import { beijingToday, formatBeijingDateTime } from '../../shared/time/beijing-time';
import { DetailRow } from './detail-row';

/** The full text of a notice with the fields of its kind; shared by the resident page and the staff preview. */
export function NoticeBody({ notice, today = beijingToday(new Date()) }: { notice: PublicNotice; today?: string }) {
  return (
    <View className="notice-body">
      <Text className={`kind-tag kind-tag--${notice.kind}`}>{NOTICE_KIND_LABELS[notice.kind]}</Text>
      <Text className="notice-body__title" data-testid="notice-title">{notice.title}</Text>
      <View className="notice-body__meta">
        <Text>{notice.departmentName}</Text>
        <Text>{notice.publishedAt ? `发布于 ${formatBeijingDateTime(notice.publishedAt)}` : '尚未发布'}</Text>
      </View>

      {(notice.kind === 'publicity' || notice.kind === 'consultation') && (
        <PeriodBlock
          kind={notice.kind}
          period={notice.period}
          contact={notice.kind === 'publicity' ? notice.objectionContact : ''}
          today={today}
        />
      )}

      {notice.kind === 'policy' && (
        <View className="card detail-card">
          <DetailRow label="文号" value={notice.docNumber} />
          <DetailRow label="发布机关" value={notice.issuingBody} />
          <DetailRow label="施行日期" value={notice.effectiveDate} />
          <DetailRow label="效力状态" value={POLICY_VALIDITY_LABELS[notice.validity]} />
        </View>
      )}

      {notice.body.split('\n').map((paragraph, i) =>
        paragraph.trim() ? (
          <Text key={i} className="notice-body__paragraph">
            {paragraph}
          </Text>
        ) : null,
      )}

      {notice.kind === 'guide' && (
        <View className="card detail-card" data-testid="guide">
          <DetailRow label="办件类型" value={notice.guide.processing.type === 'immediate' ? '即办件（当场办结）' : `承诺件（${notice.guide.processing.workingDays}个工作日内办结）`} />
          <DetailRow label="审批项目" value={notice.guide.approvalItem} />
          <DetailRow label="法律依据" value={notice.guide.legalBasis} />
          <DetailRow label="申办条件" value={notice.guide.conditions} />
          <DetailRow label="办理程序" value={notice.guide.procedure} />
          <DetailRow label="办理时限" value={notice.guide.timeLimit} />
          <DetailRow label="收费标准" value={notice.guide.fees} />
          <DetailRow label="申请材料" value={notice.guide.materials.map((m, i) => `${i + 1}. ${m}`).join('\n')} />
          <DetailRow label="示范文本" value={notice.guide.sampleForm} />
          <DetailRow label="联系电话" value={notice.guide.contactPhone} />
          <DetailRow label="办理地点" value={`${notice.guide.location.window}（${notice.guide.location.address}）`} />
          <DetailRow label="办理时间" value={notice.guide.location.hours} />
        </View>
      )}

      {notice.attachments.length > 0 && (
        <View className="attachments">
          <Text className="attachments__title">附件</Text>
          {notice.attachments.map((file) => (
            <Text
              key={file.url}
              className="attachments__item"
              onClick={() => void Taro.setClipboardData({ data: file.url })}
            >
              {file.name}（{Math.max(1, Math.round(file.sizeBytes / 1024))} KB）
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * Where a 公示期 / comment period stands. In WeChat this is the native
 * `period-progress` component (registered in the detail page's
 * usingComponents, tested with miniprogram-simulate); elsewhere the same
 * facts drawn with Taro components. Both take their figures from the domain.
 */
function PeriodBlock(props: { kind: 'publicity' | 'consultation'; period: Period; contact: string; today: string }) {
  const { kind, period, contact, today } = props;
  const status = periodStatus(period, today, kind);
  const periodName = kind === 'publicity' ? '公示期' : '征求意见期';
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <period-progress
        label={status.label}
        state={status.state}
        percent={periodElapsedPercent(period, today)}
        periodName={periodName}
        start={period.start}
        end={period.end}
        contact={contact}
      />
    );
  }
  return (
    <View className={`period period--${status.state}`} data-testid="period">
      <Text className="period__label">{status.label}</Text>
      <Text className="period__dates">
        {periodName}：{period.start} 至 {period.end}
      </Text>
      {contact ? <Text className="period__contact">异议受理：{contact}</Text> : null}
    </View>
  );
}
