import { Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, POLICY_VALIDITY_LABELS } from '../../shared/notices/notice-kinds';
import type { Period, PublicNotice } from '../../shared/notices/notice-schema';
import { periodElapsedPercent, periodStatus } from '../../shared/notices/period-status';
import { beijingToday, formatBeijingDateTime } from '../../shared/time/beijing-time';
import { correctionLine, type NoticeCorrection } from '../../shared/notices/notice-corrections';
import { AttachmentList } from './attachment-list';
import { DetailRow } from './detail-row';
import { GuideView } from './guide-view';
import { AnnualReportView } from './report-tables';
import { go, routes } from '../navigation';

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
      <CorrectionNotes corrections={notice.corrections} />

      {(notice.kind === 'publicity' || notice.kind === 'consultation') && (
        <PeriodBlock
          kind={notice.kind}
          period={notice.period}
          contact={notice.kind === 'publicity' ? notice.objectionContact : ''}
          today={today}
        />
      )}
      {notice.kind === 'publicity' && periodStatus(notice.period, today, 'publicity').state === 'open' && (
        <Text className="hint" data-testid="objection-howto">
          对公示内容有异议的，请在公示期内（{notice.period.end} 前）通过上述方式实名反映，并提供必要的证明材料；匿名反映不予受理。
        </Text>
      )}
      {notice.kind === 'consultation' && notice.resultNoticeId ? (
        <LinkRow testId="result-link" text="查看意见采纳情况" to={notice.resultNoticeId} />
      ) : null}

      {notice.kind === 'policy' && (
        <View className="card detail-card">
          <DetailRow label="文号" value={notice.docNumber} />
          <DetailRow label="发布机关" value={notice.issuingBody} />
          <DetailRow label="施行日期" value={notice.effectiveDate} />
          <DetailRow label="效力状态" value={POLICY_VALIDITY_LABELS[notice.validity]} />
          {notice.validity !== 'inForce' && notice.replacedById ? (
            <LinkRow testId="replacement-link" text={notice.validity === 'revised' ? '查看修订后的文件' : '查看替代文件'} to={notice.replacedById} />
          ) : null}
        </View>
      )}

      {notice.kind === 'annualReport' ? (
        <AnnualReportView report={notice.report} />
      ) : (
        notice.body.split('\n').map((paragraph, i) =>
          paragraph.trim() ? (
            <Text key={i} className="notice-body__paragraph">
              {paragraph}
            </Text>
          ) : null,
        )
      )}

      {notice.kind === 'guide' && <GuideView guide={notice.guide} />}

      <AttachmentList files={notice.attachments} testId="notice-attachments" on={notice.id ? { kind: 'notice', id: notice.id } : undefined} />
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

/** 更正: every correction since publication, the latest first, each with its date and what changed. */
function CorrectionNotes({ corrections }: { corrections?: NoticeCorrection[] }) {
  if (!corrections?.length) return null;
  return (
    <View className="notice-corrections" data-testid="notice-corrections" role="note">
      {[...corrections].reverse().map((c) => (
        <View key={c.at} className="notice-corrections__item" data-testid="notice-correction">
          <Text className="badge badge--correction">更正</Text>
          <Text className="notice-corrections__text">{correctionLine(c)}</Text>
        </View>
      ))}
    </View>
  );
}

/** A tappable line leading to another notice (a replacement, a consultation's result). */
function LinkRow({ text, to, testId }: { text: string; to: string; testId: string }) {
  return (
    <View role="button" tabIndex={0} className="link-row" onClick={() => go(routes.noticeDetail(to))} data-testid={testId}>
      <Text>{text}</Text>
      <Text className="menu__arrow">›</Text>
    </View>
  );
}
