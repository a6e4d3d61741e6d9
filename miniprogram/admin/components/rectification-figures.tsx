import { Text, View } from '@tarojs/components';
import { formatRate, type Figures } from '../../../shared/ratings/satisfaction';

/**
 * The 差评 figures 国办发〔2019〕51号 holds a unit to: real-name and anonymous
 * 差评 apart, 实名差评回访率 (to be 100%) and 整改率. Shown on the staff
 * follow-up queue and the window ranking.
 */
export function RectificationFigures({ figures, title }: { figures: Figures; title: string }) {
  return (
    <View className="card" data-testid="rectification-figures">
      <Text className="section-head__title">{title}</Text>
      <View className="figures">
        <View className="figure">
          <Text className="figure__value" data-testid="figure-real-name">{figures.realNameNegative}</Text>
          <Text className="figure__label">实名差评</Text>
        </View>
        <View className="figure">
          <Text className="figure__value" data-testid="figure-anonymous">{figures.anonymousNegative}</Text>
          <Text className="figure__label">匿名差评</Text>
        </View>
        <View className="figure">
          <Text className="figure__value" data-testid="figure-real-name-follow-up">{formatRate(figures.realNameFollowUpRate)}</Text>
          <Text className="figure__label">实名差评回访率</Text>
        </View>
        <View className="figure">
          <Text className="figure__value" data-testid="figure-rectification">{formatRate(figures.rectificationRate)}</Text>
          <Text className="figure__label">整改率</Text>
        </View>
      </View>
    </View>
  );
}
