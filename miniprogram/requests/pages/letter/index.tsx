import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LetterView } from '../../../components/requests/request-progress';
import { useMyRequest } from '../../../hooks/use-request';
import '../../../components/requests/requests.css';
import { useElderClass } from '../../../elder-mode';

/** A formal letter of the bureau about the resident's request, readable in the app. */
export default function MyRequestLetterPage() {
  const elder = useElderClass();
  const params = useRouter().params;
  const { request, error } = useMyRequest(params.id ?? '');
  const letter = request?.letters[Number(params.letter ?? 0)];
  if (error) return <View className={`page ${elder} request-page list-state list-state--error`}>{error.message}</View>;
  if (!request) return <View className={`page ${elder} request-page list-state`}>正在加载…</View>;
  if (!letter) return <View className={`page ${elder} request-page list-state list-state--error`}>未找到该告知书</View>;
  return (
    <View className={`page ${elder} request-page page--paper`}>
      <LetterView letter={letter} />
    </View>
  );
}
