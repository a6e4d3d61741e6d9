import { Text, View } from '@tarojs/components';
import { call } from '../api/call';
import { useRemote } from '../hooks/use-remote';
import { go, routes } from '../navigation';
import { reportReminder } from '../../shared/reports/report-reminder';
import { beijingToday } from '../../shared/time/beijing-time';

/**
 * From 1 December to 31 January the staff home says which annual report is coming (条例 Art. 49:
 * published by 31 January), and what its checks still find missing. Shown to admins and viewers.
 */
export function ReportReminder(props: { today?: string }) {
  const due = reportReminder(props.today ?? beijingToday(new Date()));
  if (!due) return null;
  return <ReminderCard year={due.year} deadline={due.deadline} />;
}

function ReminderCard(props: { year: number; deadline: string }) {
  const remote = useRemote(() => call('reports', 'annual', { year: props.year }), [props.year]);
  const report = remote.data;
  const missing = report?.checks.filter((c) => !c.ok) ?? [];
  return (
    <View role="button" tabIndex={0} className="card report-reminder" onClick={() => go(routes.adminReport(props.year))} data-testid="report-reminder">
      <Text className="report-reminder__title">{props.year} 年度政府信息公开工作年度报告</Text>
      <Text className="report-reminder__line">应于 {props.deadline} 前发布</Text>
      {report?.status === 'published' ? (
        <Text className="report-reminder__line">已发布</Text>
      ) : report ? (
        missing.map((c) => (
          <Text key={c.code} className="report-reminder__line report-reminder__line--missing" data-testid="report-reminder-missing">
            {c.message}
          </Text>
        ))
      ) : (
        <Text className="report-reminder__line">{remote.error ? remote.error.message : '正在检查…'}</Text>
      )}
    </View>
  );
}
