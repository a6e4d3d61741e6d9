import { Button, Text, View } from '@tarojs/components';
import type { ListStatus } from '../hooks/use-paged-list';

/** The one way every list says where it is: loading, empty, failed, more to come, or the end. */
export function ListStates(props: {
  status: ListStatus;
  count: number;
  hasMore: boolean;
  error: string | null;
  emptyText: string;
  onRetry: () => void;
  onLoadMore: () => void;
}) {
  const { status, count, hasMore, error, emptyText, onRetry, onLoadMore } = props;
  if (status === 'loading') return <View className="list-state" data-testid="list-loading">正在加载…</View>;
  if (status === 'error') {
    return (
      <View className="list-state list-state--error" data-testid="list-error">
        <Text>{error ?? '加载失败'}</Text>
        <Button className="btn btn--plain" onClick={onRetry}>重新加载</Button>
      </View>
    );
  }
  if (count === 0 && !hasMore && status !== 'loadingMore') {
    return <View className="list-state" data-testid="list-empty">{emptyText}</View>;
  }
  if (status === 'loadingMore') return <View className="list-state" data-testid="list-loading-more">正在加载更多…</View>;
  if (error) {
    return (
      <View className="list-state list-state--error" data-testid="list-more-error">
        <Text>{error}</Text>
        <Button className="btn btn--plain" onClick={onLoadMore}>重试</Button>
      </View>
    );
  }
  // Nothing shown yet but the server says there is more (a bounded scan came back empty): never "nothing found".
  if (hasMore && count === 0) {
    return (
      <View className="list-state" data-testid="list-continue">
        <Button className="btn btn--plain" onClick={onLoadMore}>继续查找更早的信息</Button>
      </View>
    );
  }
  if (hasMore) {
    return (
      <View role="button" tabIndex={0} className="list-state" data-testid="list-more" onClick={onLoadMore}>
        上拉或点击加载更多
      </View>
    );
  }
  return <View className="list-state list-state--end" data-testid="list-end">— 已经到底了 —</View>;
}
