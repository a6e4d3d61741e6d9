import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';
import { call } from '../../../api/call';
import { ListStates } from '../../../components/list-states';
import { useRemote } from '../../../hooks/use-remote';
import { go, routes } from '../../../navigation';
import '../../../rating/rating.css';

/** Staff: the bureau's service windows; from each, issue a visit code or print the window's QR. */
export default function AdminWindowsPage() {
  const windows = useRemote(() => call('windows', 'manageList', {}), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void windows.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void windows.reload().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page">
      <View className="toolbar">
        <Button className="btn btn--plain btn--small" onClick={() => go(routes.adminFollowUps())}>差评整改</Button>
        <Button className="btn btn--plain btn--small" onClick={() => go(routes.adminRanking())}>月度排名</Button>
        <Button className="btn btn--primary btn--small" onClick={() => go(routes.adminWindowEdit())} data-testid="new-window">＋ 新建窗口</Button>
      </View>
      {windows.data?.map((w) => (
        <View key={w.id} className="card rating-card" data-testid="admin-window">
          <View className="rating-card__head">
            <Text className="rating-card__title">{w.name}</Text>
            {!w.active && <Text className="badge badge--muted">已停用</Text>}
          </View>
          <Text className="rating-card__meta">{w.departmentName} · {w.location}</Text>
          <Text className="rating-card__meta">{w.services.map((s) => s.name).join('、')}</Text>
          <View className="form__actions">
            <Button className="btn btn--primary" disabled={!w.active || undefined} onClick={() => go(routes.adminWindowQr(w.id, 'visit'))} data-testid="issue-visit">生成评价码</Button>
            <Button className="btn btn--plain" disabled={!w.active || undefined} onClick={() => go(routes.adminWindowQr(w.id, 'window'))}>窗口二维码</Button>
            <Button className="btn btn--plain" onClick={() => go(routes.adminWindowEdit(w.id))}>编辑</Button>
          </View>
        </View>
      ))}
      {(!windows.data || windows.data.length === 0) && (
        <ListStates status={windows.error ? 'error' : windows.loading ? 'loading' : 'ready'} count={0} hasMore={false} error={windows.error?.message ?? null} emptyText="还没有服务窗口" onRetry={() => void windows.reload()} onLoadMore={() => undefined} />
      )}
    </View>
  );
}
