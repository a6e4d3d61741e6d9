import { Text, View } from '@tarojs/components';
import { go } from '../../navigation';

/**
 * A tappable line between an inquiry and the disclosure application made from it (咨询转申请):
 * the case shows the application, the application the case — for the resident and for staff,
 * each opening their own page of the other.
 */
export function CaseRequestLink({ text, url, testId }: { text: string; url: string; testId: string }) {
  return (
    <View role="button" tabIndex={0} className="link-row" onClick={() => go(url)} data-testid={testId}>
      <Text>{text}</Text>
      <Text className="menu__arrow">›</Text>
    </View>
  );
}
