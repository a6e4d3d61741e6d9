import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LetterView } from '../../../components/requests/request-progress';
import { LetterSave } from '../../../components/requests/letter-save';
import { useBureauSeal } from '../../../hooks/use-bureau-seal';
import { useManagedRequest } from '../../../hooks/use-request';
import { routes } from '../../../navigation';
import { StaffLoadState } from '../../components/staff-load-state';
import '../../../components/requests/requests.css';

/**
 * Staff: a formal letter (告知书) ready to print, save as PDF and send: in the H5 build the button
 * opens the print dialog (only the letter is printed, on A4); in WeChat it opens the letter's PDF.
 */
export default function AdminRequestLetterPage() {
  const params = useRouter().params;
  const { request, error } = useManagedRequest(params.id ?? '');
  const seal = useBureauSeal();
  const index = Number(params.letter ?? 0);
  const letter = request?.letters[index];
  if (!request) return <StaffLoadState error={error} what="件申请" back={{ label: '返回申请办理', url: routes.adminRequests() }} />;
  if (!letter) return <StaffLoadState error={{ code: 'NOT_FOUND', message: '未找到该告知书' }} what="份告知书" back={{ label: '返回该申请', url: routes.adminRequest(request.id) }} />;
  return (
    <View className="page request-page page--paper">
      <LetterSave requestId={request.id} letterIndex={index} />
      <LetterView letter={seal ? { ...letter, seal } : letter} />
    </View>
  );
}
