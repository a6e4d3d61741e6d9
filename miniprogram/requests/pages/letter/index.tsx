import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LetterView } from '../../../components/requests/request-progress';
import { LetterSave } from '../../../components/requests/letter-save';
import { useBureauSeal } from '../../../hooks/use-bureau-seal';
import { useMyRequest } from '../../../hooks/use-request';
import '../../../components/requests/requests.css';
import { useElderClass } from '../../../elder-mode';

/** A formal letter of the bureau about the resident's request, laid out as the paper one, to read and to save as PDF. */
export default function MyRequestLetterPage() {
  const elder = useElderClass();
  const params = useRouter().params;
  const { request, error } = useMyRequest(params.id ?? '');
  const seal = useBureauSeal();
  const index = Number(params.letter ?? 0);
  const letter = request?.letters[index];
  if (error) return <View className={`page ${elder} request-page list-state list-state--error`}>{error.message}</View>;
  if (!request) return <View className={`page ${elder} request-page list-state`}>正在加载…</View>;
  if (!letter) return <View className={`page ${elder} request-page list-state list-state--error`}>未找到该告知书</View>;
  return (
    <View className={`page ${elder} request-page page--paper`}>
      <LetterSave requestId={request.id} letterIndex={index} />
      <LetterView letter={seal ? { ...letter, seal } : letter} />
    </View>
  );
}
