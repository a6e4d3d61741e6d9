import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ListStates } from '../../../components/list-states';
import { useRemote } from '../../../hooks/use-remote';
import type { RatingStats, WindowSummary } from '../../../../shared/ratings/ratings-types';
import { formatRate, unverifiedNote } from '../../../../shared/ratings/satisfaction';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { Figure, RectificationRates } from '../../../components/rating-figures';
import { TrendChart } from '../../components/trend-chart';
import '../../rating.css';
import { useElderClass } from '../../../elder-mode';
import { usePageShare } from '../../../hooks/use-page-share';
import { routes } from '../../../navigation';

interface Board {
  bureau: RatingStats;
  windows: Array<{ window: WindowSummary; stats: RatingStats }>;
}

/**
 * 服务评价 (public): the bureau's satisfaction over the last twelve months,
 * each window's figures, and a monthly trend; tap a window to see its trend.
 */
export default function RatingStatsPage() {
  usePageShare(() => ({ title: '服务评价', path: routes.ratingStats() }));
  const elder = useElderClass();
  const month = beijingToday(new Date()).slice(0, 7);
  const [selected, setSelected] = useState<string | null>(null);
  const board = useRemote<Board>(async () => {
    const [bureau, windows] = await Promise.all([call('ratings', 'stats', {}), call('windows', 'list', {})]);
    // A bureau has a handful of windows: one call each, twelve-month figures, all pre-aggregated on the server.
    const stats = await Promise.all(windows.map((w) => call('ratings', 'stats', { windowId: w.id })));
    return { bureau, windows: windows.map((w, i) => ({ window: w, stats: stats[i] })) };
  }, []);
  usePullDownRefresh(() => void board.reload().finally(() => Taro.stopPullDownRefresh()));

  if (!board.data) {
    return (
      <View className={`page ${elder}`}>
        <ListStates status={board.error ? 'error' : 'loading'} count={0} hasMore={false} error={board.error?.message ?? null} emptyText="" onRetry={() => void board.reload()} onLoadMore={() => undefined} />
      </View>
    );
  }
  const { bureau, windows } = board.data;
  const focus = windows.find((w) => w.window.id === selected) ?? null;
  const shown = focus?.stats ?? bureau;
  const shownNote = unverifiedNote(shown.unverified?.total ?? 0, shown.unverifiedIncluded === true);

  return (
    <View className={`page ${elder}`}>
      <View className="card">
        <Text className="section-head__title">{focus ? focus.window.name : '全局'} · 近12个月</Text>
        <View className="figures" data-testid="stats-figures">
          <Figure value={formatRate(shown.satisfactionRate, shown.total)} label="满意率" testId="stats-rate" />
          <Figure value={shown.total} label="评价数" testId="stats-total" />
          <Figure value={formatRate(shown.followUpRate)} label="差评回访率" />
          <Figure value={formatRate(shown.onTimeRate)} label="按时整改率" />
          <RectificationRates figures={shown} testIdPrefix="stats" />
        </View>
        <Text className="hint" data-testid="stats-negative-split">
          差评 {shown.realNameNegative + shown.anonymousNegative} 条，其中实名 {shown.realNameNegative} 条、匿名 {shown.anonymousNegative} 条。实名差评回访率 = 已答复的实名差评 ÷ 实名差评；整改率 = 整改完成的差评 ÷ 差评。
        </Text>
        {shownNote && (
          <Text className="hint" data-testid="stats-unverified">
            {shownNote}。未核验评价指仅扫窗口码、无办件记录可查的评价。
          </Text>
        )}
      </View>

      <View className="card">
        <Text className="section-head__title">月度满意率</Text>
        <TrendChart months={shown.trend} />
        {focus && (
          <Text role="button" tabIndex={0} className="hint" onClick={() => setSelected(null)}>
            查看全局 ›
          </Text>
        )}
      </View>

      <View className="card">
        <Text className="section-head__title">各窗口（近12个月）</Text>
        <Text className="hint">满意率 =（非常满意 + 满意 + 基本满意）÷ 全部评价。点窗口看它的月度走势；本月为 {month}。</Text>
        {windows.length === 0 && <View className="list-state">暂无服务窗口</View>}
        {windows.map(({ window, stats }) => (
          <View role="button" tabIndex={0} key={window.id} className={`window-row ${selected === window.id ? 'window-row--active' : ''}`} onClick={() => setSelected(window.id)} data-testid="stats-window">
            <View className="window-row__name">
              <Text>{window.name}</Text>
              {(stats.unverified?.total ?? 0) > 0 && (
                <Text className="rating-card__meta" data-testid="stats-window-unverified">
                  {'\n'}
                  {unverifiedNote(stats.unverified.total, stats.unverifiedIncluded)}
                </Text>
              )}
            </View>
            <Text className="window-row__rate">{formatRate(stats.satisfactionRate, stats.total)}</Text>
            <Text className="window-row__count">{stats.total} 条</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
