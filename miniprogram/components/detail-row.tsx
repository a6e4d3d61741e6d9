import { Text, View } from '@tarojs/components';

/** A labelled line in a detail page (文号, 发布机关, 办理时限…). */
export function DetailRow({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <View className="detail-row">
      <Text className="detail-row__label">{label}</Text>
      <Text className="detail-row__value">{value}</Text>
    </View>
  );
}
