import { Text, View } from '@tarojs/components';
import type { MonthFigures } from '../../../shared/ratings/ratings-types';
import { formatRate } from '../../../shared/ratings/satisfaction';

/**
 * Monthly satisfaction, drawn with plain Views (no chart library in a
 * mini-program package). Bars start at 80 %: bureaus sit between 95 and
 * 100 %, and from zero every bar would look the same.
 */
const FLOOR = 0.8;

export function TrendChart({ months }: { months: MonthFigures[] }) {
  return (
    <View data-testid="trend-chart">
      <View className="trend">
        {months.map((m) => {
          const height = m.total === 0 ? 0 : Math.max(0.04, (m.satisfactionRate - FLOOR) / (1 - FLOOR));
          return (
            <View key={m.month} className="trend__col" data-testid={`trend-${m.month}`}>
              {m.total > 0 && <Text className="trend__value">{formatRate(m.satisfactionRate, m.total).replace('.00', '')}</Text>}
              <View className={`trend__bar ${m.total === 0 ? 'trend__bar--empty' : ''}`} style={{ height: `${Math.round(Math.max(height, 0) * 100)}%` }} />
            </View>
          );
        })}
      </View>
      <View className="trend__labels">
        {months.map((m) => (
          <Text key={m.month} className="trend__label">{Number(m.month.slice(5))}月</Text>
        ))}
      </View>
    </View>
  );
}
