import { Text, View } from '@tarojs/components';
import type { CaseFigures } from '../../../shared/inquiries/case-figures';
import { INQUIRY_CHANNEL_LABELS, INQUIRY_CHANNELS, INQUIRY_KIND_LABELS, INQUIRY_KINDS } from '../../../shared/inquiries/inquiry-types';
import { Bars } from './bars';

const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/**
 * A year of the inquiry line (件件有记录、有回复, counted): cases per month and per channel, by kind,
 * answered by the due date (the first answer counts), the median working days to it, and how often
 * residents found the answer helpful. Counts only: no case or person is named.
 */
export function CaseFiguresView({ figures: f }: { figures: CaseFigures }) {
  return (
    <View data-testid="case-figures-view">
      <View className="stats-figures" data-testid="case-figures-summary">
        <Text>共 {f.total} 件（{INQUIRY_KINDS.map((k) => `${INQUIRY_KIND_LABELS[k]} ${f.byKind[k]} 件`).join('，')}）</Text>
        <Text>已答复 {f.answered} 件，其中按时答复 {f.answeredOnTime} 件，按时答复率 {percent(f.onTimeRate)}</Text>
        <Text>自收到至首次答复用时中位数 {f.medianWorkingDaysToAnswer ?? '—'} 个工作日</Text>
        <Text>答复评价 {f.rated} 次，有帮助 {f.helpful} 次，有帮助比例 {percent(f.helpfulRate)}</Text>
      </View>
      <Text className="stats-subtitle">按渠道</Text>
      <Bars testId="case-figures-channels" items={INQUIRY_CHANNELS.map((c) => ({ label: INQUIRY_CHANNEL_LABELS[c], value: f.byChannel[c] }))} />
      <Text className="stats-subtitle">每月件数</Text>
      <Bars testId="case-figures-months" items={f.months.map((m) => ({ label: `${Number(m.month.slice(5))}月`, value: m.total }))} />
      <View className="case-figures-table" data-testid="case-figures-table">
        {f.months.filter((m) => m.total > 0).map((m) => (
          <Text key={m.month} className="hint">
            {`${Number(m.month.slice(5))}月：${INQUIRY_CHANNELS.filter((c) => m.byChannel[c] > 0).map((c) => `${INQUIRY_CHANNEL_LABELS[c]} ${m.byChannel[c]}`).join('，')}`}
          </Text>
        ))}
      </View>
    </View>
  );
}
