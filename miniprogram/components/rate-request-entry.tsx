import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { call } from '../api/call';
import { useRemote } from '../hooks/use-remote';
import { go, routes } from '../navigation';

/**
 * 一事一评 on an answered request's page: the applicant rates how it was
 * handled, once. Shown only once the request has been answered.
 */
export function RateRequestEntry({ requestId, answered }: { requestId: string; answered: boolean }) {
  const target = useRemote(() => (answered ? call('ratings', 'target', { requestId }) : Promise.resolve(null)), [requestId, answered]);
  useDidShow(() => {
    if (answered) void target.reload();
  });
  if (!answered || !target.data) return null;
  return (
    <View className="card action-card" data-testid="rate-request">
      {target.data.state === 'open' ? (
        <>
          <Text className="action-card__title">对本次办理满意吗？</Text>
          <Text className="notice-box">您的评价将计入办理部门的满意度；不满意的，我们会联系您核实整改。</Text>
          <Button className="btn btn--primary btn--block" onClick={() => go(routes.rate({ request: requestId }))} data-testid="rate-request-button">
            评价本次办理
          </Button>
        </>
      ) : (
        <Text className="notice-box" data-testid="rate-request-done">您已评价本次办理，感谢您的参与。可在「我的评价」查看整改答复。</Text>
      )}
    </View>
  );
}
