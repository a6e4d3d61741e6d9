import { Text, View } from '@tarojs/components';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { NOTICE_KIND_LABELS, NOTICE_KINDS } from '../../../../shared/notices/notice-kinds';
import { REPLY_GROUP_LABELS, REPLY_GROUPS } from '../../../../shared/requests/reply-categories';
import type { ReportStats } from '../../../../shared/reports/report-stats';
import { Bars } from '../../components/bars';
import { CaseFiguresView } from '../../components/case-figures-view';
import { useYearParam, YearStepper } from '../../components/year-stepper';
import './report-stats.css';

const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/**
 * 工作统计 for admins and viewers: a year's requests per month, handling time in working days, the
 * on-time rate, results, what is overdue now, notices per kind and month, the rating figures, and the
 * inquiry line's (咨询投诉).
 * Plain drawn bars (Views with a width): no chart library in the package, the same in WeChat and H5.
 */
export default function ReportStatsPage() {
  const [year, setYear] = useYearParam();
  const stats = useRemote(() => call('reports', 'stats', { from: `${year}-01-01`, to: `${year}-12-31` }), [year]);
  const s = stats.data;
  return (
    <View className="page">
      <YearStepper year={year} onChange={setYear} />
      {stats.error && <View className="list-state list-state--error"><Text>{stats.error.message}</Text></View>}
      {!s ? <View className="list-state"><Text>正在统计…</Text></View> : <StatsBody stats={s} />}
      <CaseFiguresCard year={year} />
    </View>
  );
}

function StatsBody(props: { stats: ReportStats }) {
  const { requests, notices, ratings } = props.stats;
  return (
    <>
      <View className="card">
        <Text className="stats-title">依申请公开</Text>
        <View className="stats-figures" data-testid="stats-figures">
          <Text>办结 {requests.concluded} 件</Text>
          <Text>办理用时中位数 {requests.medianWorkingDays ?? '—'} 个工作日，90% 在 {requests.p90WorkingDays ?? '—'} 个工作日内</Text>
          <Text>按期答复率 {percent(requests.onTimeRate)}</Text>
          <Text>当前逾期 {requests.overdueNow} 件</Text>
        </View>
        <Text className="stats-subtitle">每月新收</Text>
        <Bars testId="stats-received" items={requests.perMonth.map((m) => ({ label: `${Number(m.month.slice(5))}月`, value: m.received }))} />
        <Text className="stats-subtitle">办理结果</Text>
        <Bars testId="stats-results" items={[...REPLY_GROUPS.map((g) => ({ label: REPLY_GROUP_LABELS[g].replace(/^（.）/, ''), value: requests.byGroup[g] })), { label: '撤回', value: requests.byGroup.withdrawn }]} />
      </View>
      <View className="card">
        <Text className="stats-title">主动公开</Text>
        <Bars testId="stats-notices" items={NOTICE_KINDS.map((k) => ({ label: NOTICE_KIND_LABELS[k], value: notices.byKind[k] }))} />
        <Text className="stats-subtitle">每月发布</Text>
        <Bars testId="stats-notices-month" items={notices.perMonth.map((m) => ({ label: `${Number(m.month.slice(5))}月`, value: m.total }))} />
      </View>
      <View className="card">
        <Text className="stats-title">好差评</Text>
        <Text className="stats-figures">评价 {ratings.total} 条，满意率 {ratings.total ? percent(ratings.satisfactionRate) : '—'}，差评回访率 {percent(ratings.followUpRate)}</Text>
      </View>
    </>
  );
}

/** 咨询投诉: the inquiry line's year (inquiries.figures), as on the answerers' own figures page. */
function CaseFiguresCard({ year }: { year: number }) {
  const figures = useRemote(() => call('inquiries', 'figures', { year }), [year]);
  return (
    <View className="card">
      <Text className="stats-title">咨询投诉</Text>
      {figures.error ? <Text className="hint">{figures.error.message}</Text> : figures.data ? <CaseFiguresView figures={figures.data} /> : <Text className="hint">正在统计…</Text>}
    </View>
  );
}
