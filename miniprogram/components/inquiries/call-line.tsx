import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/**
 * A phone number one tap from a call: WeChat's makePhoneCall in the mini-program, a `tel:` link in
 * a browser (H5), where makePhoneCall does not exist.
 */
export function CallLine({ label, number, testId }: { label: string; number: string; testId: string }) {
  if (!number) return null;
  return (
    <View className="call-line">
      <Text>{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <a className="btn btn--plain btn--small" href={`tel:${number.replace(/[^0-9+]/g, '')}`} data-testid={testId}>
          {number} 拨打
        </a>
      ) : (
        <Text role="button" tabIndex={0} className="btn btn--plain btn--small" onClick={() => void Taro.makePhoneCall({ phoneNumber: number.replace(/[^0-9+]/g, '') })} data-testid={testId}>
          {number} 拨打
        </Text>
      )}
    </View>
  );
}
