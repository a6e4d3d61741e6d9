import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { badgeText, useUnreadCount } from '../hooks/use-unread-count';
import { go, routes } from '../navigation';

/** 我的 → 消息 (with the unread badge, refreshed whenever 我的 is shown) and 我的订阅. */
export function InboxEntries() {
  const unread = useUnreadCount();
  useEffect(() => unread.reload(), [unread.reload]);
  useDidShow(() => unread.reload());
  return (
    <View className="menu">
      <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.inbox())} data-testid="inbox-entry">
        <View className="menu__label">
          <Text>消息</Text>
          {unread.count > 0 && (
            <Text className="menu__badge" data-testid="unread-badge">{badgeText(unread.count)}</Text>
          )}
        </View>
        <Text className="menu__arrow">›</Text>
      </View>
      <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.subscriptions())} data-testid="subscriptions-entry">
        <Text>我的订阅</Text>
        <Text className="menu__arrow">›</Text>
      </View>
    </View>
  );
}
