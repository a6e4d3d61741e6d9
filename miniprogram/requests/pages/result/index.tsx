import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ReplyConsentPrompt } from '../../../components/requests/reply-consent-prompt';
import { RequestStatusTag } from '../../../components/requests/request-status';
import { useMyRequest } from '../../../hooks/use-request';
import { go, routes } from '../../../navigation';
import '../../../components/requests/requests.css';
import { useElderClass } from '../../../elder-mode';
import { STATUTORY_WORKING_DAYS } from '../../../../shared/requests/statutory-periods';

/** After submitting: the tracking number to quote, where the request stands, and the offer to be told of the reply. */
export default function RequestResultPage() {
  const elder = useElderClass();
  const id = useRouter().params.id ?? '';
  const { request, error, reload } = useMyRequest(id);

  return (
    <View className={`page ${elder} request-page`}>
      <View className="card result" data-testid="request-result">
        <Text className="result__icon">✓</Text>
        <Text className="result__title">申请已提交</Text>
        {request ? (
          <>
            <Text className="result__text">申请编号</Text>
            <Text className="result__number" data-testid="tracking-number">{request.trackingNumber}</Text>
            <View>
              <RequestStatusTag status={request.status} />
            </View>
            <Text className="result__text">{`本机关受理后开始计算答复期限（${STATUTORY_WORKING_DAYS}个工作日），受理和答复都会通知您。请记下申请编号，咨询时使用。`}</Text>
          </>
        ) : error ? (
          <View className="list-state list-state--error">
            <Text>{error.message}</Text>
            <Button className="btn btn--plain" onClick={() => void reload()}>重新加载</Button>
          </View>
        ) : (
          <Text className="result__text">正在加载…</Text>
        )}
      </View>

      <ReplyConsentPrompt />

      <Button className="btn btn--plain btn--block" onClick={() => void Taro.redirectTo({ url: routes.myRequest(id) })} data-testid="open-request">
        查看办理进度
      </Button>
      <Button className="btn btn--plain btn--block" onClick={() => go(routes.myRequests())}>
        我的申请
      </Button>
    </View>
  );
}
