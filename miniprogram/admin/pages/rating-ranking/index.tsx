import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ListStates } from '../../../components/list-states';
import { useRemote } from '../../../hooks/use-remote';
import { formatRate, unverifiedNote } from '../../../../shared/ratings/satisfaction';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { RectificationFigures } from '../../components/rectification-figures';
import '../../../rating/rating.css';

/** Staff: windows ranked by their month's satisfaction (窗口月度排名). */
export default function RatingRankingPage() {
  const thisMonth = beijingToday(new Date()).slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const rows = useRemote(() => call('ratings', 'ranking', { month }), [month]);
  const bureau = useRemote(() => call('ratings', 'stats', { month }), [month]);
  const previous = shiftMonth(month, -1);
  const next = month < thisMonth ? shiftMonth(month, 1) : null;

  return (
    <View className="page">
      <View className="toolbar">
        <Button className="btn btn--plain btn--small" onClick={() => setMonth(previous)} data-testid="ranking-previous">‹ 上月</Button>
        <Text className="section-head__title" data-testid="ranking-month">{month.replace('-', '年')}月</Text>
        <Button className="btn btn--plain btn--small" disabled={!next || undefined} onClick={() => next && setMonth(next)}>下月 ›</Button>
      </View>
      {bureau.data && <RectificationFigures figures={bureau.data} title="全局 · 本月差评" />}
      {rows.data && rows.data.length > 0 ? (
        <View className="card">
          {rows.data.map((r) => (
            <View key={r.windowId} className="window-row" data-testid="ranking-row">
              <Text className="rank" data-testid="ranking-rank">{r.tied ? `并列${r.rank}` : r.rank}</Text>
              {/* One line each (block elements): inline texts ran the window's name into its department's. */}
              <View className="window-row__name">
                <Text className="window-row__line window-row__title" data-testid="ranking-window">{r.windowName}</Text>
                <Text className="window-row__line rating-card__meta" data-testid="ranking-department">{r.departmentName} · 差评 {r.followUpsOpened} · 回访率 {formatRate(r.followUpRate)}</Text>
                {r.followUpsOpened > 0 && (
                  <Text className="window-row__line rating-card__meta" data-testid="ranking-rectification">
                    实名 {r.realNameNegative} · 匿名 {r.anonymousNegative} · 实名回访率 {formatRate(r.realNameFollowUpRate)} · 整改率 {formatRate(r.rectificationRate)}
                  </Text>
                )}
                {r.unverifiedTotal > 0 && (
                  <Text className="window-row__line rating-card__meta" data-testid="ranking-unverified">{unverifiedNote(r.unverifiedTotal, r.unverifiedIncluded)}</Text>
                )}
              </View>
              <Text className="window-row__rate">{formatRate(r.satisfactionRate, r.total)}</Text>
              <Text className="window-row__count">{r.total} 条</Text>
            </View>
          ))}
        </View>
      ) : (
        <ListStates status={rows.error ? 'error' : rows.loading ? 'loading' : 'ready'} count={0} hasMore={false} error={rows.error?.message ?? null} emptyText="本月还没有评价" onRetry={() => void rows.reload()} onLoadMore={() => undefined} />
      )}
    </View>
  );
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
