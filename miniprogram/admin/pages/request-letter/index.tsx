import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LetterView } from '../../../components/requests/request-progress';
import { useManagedRequest } from '../../../hooks/use-request';
import '../../../components/requests/requests.css';

/**
 * Staff: a formal letter (告知书) ready to print and send. Printing is a
 * browser's: in the H5 build the button opens the print dialog (the page's
 * controls are hidden in print); WeChat cannot print, so it says where to.
 */
export default function AdminRequestLetterPage() {
  const params = useRouter().params;
  const { request, error } = useManagedRequest(params.id ?? '');
  const letter = request?.letters[Number(params.letter ?? 0)];
  if (error) return <View className="page request-page list-state list-state--error">{error.message}</View>;
  if (!request) return <View className="page request-page list-state">正在加载…</View>;
  if (!letter) return <View className="page request-page list-state list-state--error">未找到该告知书</View>;
  const canPrint = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.print === 'function';
  return (
    <View className="page request-page page--paper">
      <View className="no-print">
        {canPrint ? (
          <Button className="btn btn--primary btn--block" onClick={() => window.print()} data-testid="print-letter">
            打印告知书
          </Button>
        ) : (
          <Text className="hint">小程序内不能直接打印：请在电脑上打开本机关的工作台（H5 版）打印，或截图保存。</Text>
        )}
      </View>
      <LetterView letter={letter} />
    </View>
  );
}
