import { Text, View } from '@tarojs/components';
import { go, routes } from '../navigation';

/**
 * The line under every form that collects personal data (the request form, a rating's contact…):
 * what the data is for and where the 隐私政策 says the rest (个人信息保护法 Art. 17: told at collection).
 */
export function PrivacyNotice(props: { purpose: string }) {
  return (
    <View className="privacy-notice" data-testid="privacy-notice">
      <Text>
        您填写的个人信息仅用于{props.purpose}，按规定期限保存后匿名化，可在“我的 → 个人信息”查看、导出或删除。详见
      </Text>
      <Text role="button" tabIndex={0} className="privacy-notice__link" onClick={() => go(routes.privacyPolicy())} data-testid="privacy-policy-link">
        《隐私政策》
      </Text>
    </View>
  );
}
