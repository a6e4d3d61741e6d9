import { Text, View } from '@tarojs/components';
import type { Figures } from '../../../shared/ratings/satisfaction';
import { Figure, RectificationRates } from '../../components/rating-figures';

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
        <Figure value={figures.realNameNegative} label="实名差评" testId="figure-real-name" />
        <Figure value={figures.anonymousNegative} label="匿名差评" testId="figure-anonymous" />
        <RectificationRates figures={figures} testIdPrefix="figure" />
      </View>
    </View>
  );
}
