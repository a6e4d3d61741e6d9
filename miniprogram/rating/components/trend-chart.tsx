import { Text, View } from '@tarojs/components';
import type { MonthFigures } from '../../../shared/ratings/ratings-types';
import { formatRate } from '../../../shared/ratings/satisfaction';

/**
 * Monthly satisfaction, drawn with plain Views (no chart library in a mini-program package). The
 * axis starts at 0, marked, so a bar's height is the rate itself: a chart cut off at 80 % made a
 * 96 % month look twice as good as a 90 % one. Under each month, how many ratings its rate rests on
 * (a month of 2 ratings at 100 % is not a month of 200), and an empty month says 无评价.
 */
export function TrendChart({ months }: { months: MonthFigures[] }) {
  return (
    <View data-testid="trend-chart">
      <View className="trend-frame">
        <View className="trend__axis" aria-hidden>
          <Text>100%</Text>
          <Text>50%</Text>
          <Text data-testid="trend-axis-zero">0</Text>
        </View>
        <View className="trend">
          {months.map((m) => (
            <View key={m.month} className="trend__col" data-testid={`trend-${m.month}`}>
              {m.total > 0 && <Text className="trend__value">{formatRate(m.satisfactionRate, m.total).replace('.00', '')}</Text>}
              <View
                className={`trend__bar ${m.total === 0 ? 'trend__bar--empty' : ''}`}
                style={{ height: `${m.total === 0 ? 0 : Math.round(m.satisfactionRate * 1000) / 10}%` }}
                data-testid="trend-bar"
              />
            </View>
          ))}
        </View>
      </View>
      <View className="trend__labels">
        {months.map((m) => (
          <View key={m.month} className="trend__label" data-testid={`trend-label-${m.month}`}>
            <Text>{Number(m.month.slice(5))}月</Text>
            <Text className="trend__count" data-testid="trend-count">{m.total > 0 ? `${m.total}条` : '无评价'}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
