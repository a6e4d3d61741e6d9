import { Text, View } from '@tarojs/components';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { CaseFiguresView } from '../../components/case-figures-view';
import { useYearParam, YearStepper } from '../../components/year-stepper';
import '../report-stats/report-stats.css';

/**
 * 咨询投诉统计 for answerers and 统计查看人员 (inquiries.figures): a year of the inquiry line, any year
 * back, opened from the line on top of the queue. Admins also find it on 工作统计.
 */
export default function InquiryFiguresPage() {
  const [year, setYear] = useYearParam();
  const figures = useRemote(() => call('inquiries', 'figures', { year }), [year]);
  return (
    <View className="page">
      <YearStepper year={year} onChange={setYear} />
      <View className="card">
        {figures.error ? (
          <View className="list-state list-state--error"><Text>{figures.error.message}</Text></View>
        ) : figures.data ? (
          <CaseFiguresView figures={figures.data} />
        ) : (
          <View className="list-state"><Text>正在统计…</Text></View>
        )}
      </View>
    </View>
  );
}
