import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { beijingToday } from '../../../shared/time/beijing-time';

/** The year a statistics page shows: `?year=` when a link names one, else this year in Beijing. */
export function useYearParam(): [number, (year: number) => void] {
  const { params } = useRouter();
  return useState(() => Number(params.year) || Number(beijingToday(new Date()).slice(0, 4)));
}

/** 上一年 · 2026 年 · 下一年, as the head of a statistics page (styles in report-stats.css). */
export function YearStepper(props: { year: number; onChange: (year: number) => void }) {
  return (
    <View className="card stats-head">
      <Button className="btn btn--plain" onClick={() => props.onChange(props.year - 1)} data-testid="stats-prev">上一年</Button>
      <Text className="stats-head__year" data-testid="stats-year">{props.year} 年</Text>
      <Button className="btn btn--plain" onClick={() => props.onChange(props.year + 1)} data-testid="stats-next">下一年</Button>
    </View>
  );
}
