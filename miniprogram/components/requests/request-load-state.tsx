import { Button, Text, View } from '@tarojs/components';
import { DeadEnd, goHome } from '../dead-end';

/**
 * What a request page shows before it has the request: loading, or why not.
 * REQUEST_NOT_FOUND (someone else's request, or a wrong link) is a dead end:
 * it says so and offers the way home, with no retry — retrying cannot help.
 */
export function RequestLoadState({ error, reload, elder = '' }: { error: { code: string; message: string } | null; reload: () => Promise<void>; elder?: string }) {
  if (!error) return <View className={`page ${elder} request-page list-state`} data-testid="detail-loading">正在加载…</View>;
  if (error.code === 'REQUEST_NOT_FOUND') {
    return <DeadEnd testId="detail-error" elder={elder} title="没有找到这件申请" text="未找到该申请：链接可能有误，或者这件申请不在您可以查看的范围内。您的申请可在“我的 → 我的申请”中查看。" />;
  }
  return (
    <View className={`page ${elder} request-page list-state list-state--error`} data-testid="detail-error">
      <Text>{error.message}</Text>
      <Button className="btn btn--plain" onClick={() => void reload()}>
        重新加载
      </Button>
      <Button className="btn btn--plain" onClick={goHome} data-testid="go-home">
        返回首页
      </Button>
    </View>
  );
}
