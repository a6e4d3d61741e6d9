import { Button, Text, View } from '@tarojs/components';

/**
 * What a request page shows before it has the request: loading, or why not.
 * REQUEST_NOT_FOUND (someone else's request, or a wrong link) offers no
 * retry: retrying cannot help.
 */
export function RequestLoadState({ error, reload, elder = '' }: { error: { code: string; message: string } | null; reload: () => Promise<void>; elder?: string }) {
  if (!error) return <View className={`page ${elder} request-page list-state`} data-testid="detail-loading">正在加载…</View>;
  return (
    <View className={`page ${elder} request-page list-state list-state--error`} data-testid="detail-error">
      <Text>{error.message}</Text>
      {error.code !== 'REQUEST_NOT_FOUND' && (
        <Button className="btn btn--plain" onClick={() => void reload()}>
          重新加载
        </Button>
      )}
    </View>
  );
}
