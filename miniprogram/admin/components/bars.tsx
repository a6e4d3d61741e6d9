import { Text, View } from '@tarojs/components';
import './bars.css';

/**
 * Plain drawn bars (Views with a width), one row per label: no chart library in the package, the
 * same in WeChat and H5. Used by 工作统计 and the inquiry line's figures.
 */
export function Bars(props: { items: Array<{ label: string; value: number }>; testId: string }) {
  const max = Math.max(1, ...props.items.map((i) => i.value));
  return (
    <View className="bars" data-testid={props.testId}>
      {props.items.map((i) => (
        <View key={i.label} className="bars__row">
          <Text className="bars__label">{i.label}</Text>
          <View className="bars__track">
            <View className="bars__bar" style={{ width: `${(i.value / max) * 100}%` }} />
          </View>
          <Text className="bars__value" data-testid={`${props.testId}-value`}>{i.value}</Text>
        </View>
      ))}
    </View>
  );
}
