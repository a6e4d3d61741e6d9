import { View } from '@tarojs/components';

/**
 * A set of large buttons for a choice among a few options: every option is
 * visible at once and each is a 44 px target, easier for an older resident
 * than a picker wheel. Selected state is announced by aria-checked in H5.
 */
export function ChoiceGroup<T extends string>(props: {
  name: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  column?: boolean;
}) {
  return (
    <View className={`choices ${props.column ? 'choices--column' : ''}`} role="radiogroup" data-testid={`choices-${props.name}`}>
      {props.options.map((o) => (
        <View
          key={o.value}
          role="radio"
          aria-checked={o.value === props.value}
          tabIndex={0}
          className={`choice ${o.value === props.value ? 'choice--selected' : ''}`}
          onClick={() => props.onChange(o.value)}
          data-testid={`choice-${props.name}-${o.value}`}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
