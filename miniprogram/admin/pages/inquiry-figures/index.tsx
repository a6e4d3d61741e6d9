import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { CaseFiguresView } from '../../components/case-figures-view';
import '../report-stats/report-stats.css';

/**
 * 咨询投诉统计 for answerers and 统计查看人员 (inquiries.figures): a year of the inquiry line, any year
 * back, opened from the line on top of the queue. Admins also find it on 工作统计.
 */
export default function InquiryFiguresPage() {
  const { params } = useRouter();
  const [year, setYear] = useState(() => Number(params.year) || Number(beijingToday(new Date()).slice(0, 4)));
  const figures = useRemote(() => call('inquiries', 'figures', { year }), [year]);
  return (
    <View className="page">
      <View className="card stats-head">
        <Button className="btn btn--plain" onClick={() => setYear(year - 1)} data-testid="stats-prev">上一年</Button>
        <Text className="stats-head__year" data-testid="stats-year">{year} 年</Text>
        <Button className="btn btn--plain" onClick={() => setYear(year + 1)} data-testid="stats-next">下一年</Button>
      </View>
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
