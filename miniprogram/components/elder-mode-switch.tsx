import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { isElderMode, setElderMode } from '../elder-mode';

/** The 长辈模式 row on 我的: the whole row is the tap target. */
export function ElderModeSwitch({ onChange }: { onChange?: (on: boolean) => void }) {
  const [on, setOn] = useState(isElderMode);
  const toggle = () => {
    setElderMode(!on);
    setOn(!on);
    onChange?.(!on);
  };
  return (
    <View className="menu">
      {/* The whole line is the switch; the drawn Switch inside is only its picture (kept out of the tab order and of the accessibility tree). */}
      <View role="switch" aria-checked={on} tabIndex={0} className="menu__item" onClick={toggle} data-testid="elder-mode">
        <View className="menu__text">
          <Text>长辈模式</Text>
          <Text className="menu__hint">{on ? '已开启：字更大、间距更宽' : '字更大、间距更宽，看得更清楚'}</Text>
        </View>
        <View className={`switch-look ${on ? 'switch-look--on' : ''}`} aria-hidden="true" data-testid="elder-mode-switch" />
      </View>
    </View>
  );
}
