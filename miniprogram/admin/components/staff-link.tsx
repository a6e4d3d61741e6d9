import { Text, View } from '@tarojs/components';
import { go } from '../../navigation';

/** One tappable line leading to another staff page (送达情况 from a request, 意见审核 from a consultation). */
export function StaffLink({ label, url, testId }: { label: string; url: string; testId: string }) {
  return (
    <View className="menu">
      <View role="button" tabIndex={0} className="menu__item" onClick={() => go(url)} data-testid={testId}>
        <Text>{label}</Text>
        <Text className="menu__arrow">›</Text>
      </View>
    </View>
  );
}
