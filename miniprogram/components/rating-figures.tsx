import { Text, View } from '@tarojs/components';
import { formatRate, type Figures } from '../../shared/ratings/satisfaction';

/** One figure of a `figures` row (rating/rating.css): its value above its label. */
export function Figure({ value, label, testId }: { value: string | number; label: string; testId?: string }) {
  return (
    <View className="figure">
      <Text className="figure__value" data-testid={testId}>
        {value}
      </Text>
      <Text className="figure__label">{label}</Text>
    </View>
  );
}

/**
 * The two rates 国办发〔2019〕51号 holds a unit to: every real-name 差评 followed up (实名差评回访率,
 * to be 100%) and each 差评 rectified to the end (整改率). Shown alike on the public 服务评价 page and
 * on the staff's 差评 figures; `testIdPrefix` names them per page.
 */
export function RectificationRates({ figures, testIdPrefix }: { figures: Pick<Figures, 'realNameFollowUpRate' | 'rectificationRate'>; testIdPrefix: string }) {
  return (
    <>
      <Figure value={formatRate(figures.realNameFollowUpRate)} label="实名差评回访率" testId={`${testIdPrefix}-real-name-follow-up`} />
      <Figure value={formatRate(figures.rectificationRate)} label="整改率" testId={`${testIdPrefix}-rectification`} />
    </>
  );
}
