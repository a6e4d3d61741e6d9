import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboxItem } from '../../../shared/notifications/notification-types';
import { call, messageOf } from '../../api/call';
import { PagedListView } from '../../components/paged-list-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { go, routes } from '../../navigation';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { useElderClass } from '../../elder-mode';

export const INBOX_PAGE_SIZE = 20;

/** 消息: every notification the resident received, newest first; tap to open what it is about. */
export default function InboxPage() {
  const elder = useElderClass();
  const list = usePagedList(
    useCallback((cursor: string | null) => call('inbox', 'list', { cursor, limit: INBOX_PAGE_SIZE }), []),
    [],
  );
  // Read marks made on this screen, so the list need not reload to show them.
  const [readHere, setReadHere] = useState<Set<string>>(new Set());
  // The server's count of every unread message, not just the loaded page's (also the 我的 tab's badge).
  const unreadCount = useUnreadCount();
  const reloadCount = unreadCount.reload;
  useEffect(() => reloadCount(), [reloadCount]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) {
      void list.refresh();
      reloadCount();
    }
    shown.current = true;
  });
  usePullDownRefresh(() => {
    reloadCount();
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  const isRead = (m: InboxItem) => m.read || readHere.has(m.id);
  const unread = unreadCount.count;

  const open = (m: InboxItem) => {
    if (!isRead(m)) {
      setReadHere((s) => new Set(s).add(m.id));
      void call('inbox', 'markRead', { ids: [m.id] })
        .catch(() => undefined)
        .then(reloadCount);
    }
    if (m.link.type === 'notice') go(routes.noticeDetail(m.link.id));
    else if (m.link.type === 'review') go(routes.adminReview(m.link.id));
    else if (m.link.type === 'faq') go(m.forStaff ? routes.adminFaqEdit(m.link.id) : routes.faq({ id: m.link.id }));
    else if (m.link.type === 'inquiry') go(m.forStaff ? routes.adminInquiry(m.link.id) : routes.myCase(m.link.id));
    else if (m.link.type === 'rating') go(m.forStaff ? routes.adminFollowUp(m.link.id) : routes.myRatings());
    else go(m.forStaff ? routes.adminRequest(m.link.id) : routes.myRequest(m.link.id));
  };

  const markAll = async () => {
    try {
      await call('inbox', 'markRead', { all: true });
      setReadHere(new Set(list.items.map((m) => m.id)));
      reloadCount();
      await Taro.showToast({ title: '已全部标为已读', icon: 'none' });
    } catch (e) {
      await Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };

  return (
    <View className={`page ${elder}`}>
      <View className="toolbar">
        <Text className="hint" data-testid="inbox-unread">{unread ? `${unread} 条未读` : '没有未读消息'}</Text>
        {unread > 0 && (
          <Button className="btn btn--plain btn--small btn--wide" onClick={() => void markAll()} data-testid="inbox-mark-all">
            全部已读
          </Button>
        )}
      </View>
      <PagedListView
        list={list}
        emptyText="暂无消息。订阅关注的信息后，新发布的内容会在这里提醒您"
        renderItem={(m) => (
          <View role="button" tabIndex={0} key={m.id} className={`card inbox-item ${isRead(m) ? 'inbox-item--read' : ''}`} onClick={() => open(m)} data-testid="inbox-item">
            <View className="inbox-item__head">
              {!isRead(m) && <Text className="inbox-item__dot" data-testid="inbox-unread-dot">未读</Text>}
              <Text className="inbox-item__title">{m.title}</Text>
            </View>
            <Text className="inbox-item__body">{m.body}</Text>
            <Text className="inbox-item__time">{formatBeijingDateTime(m.createdAt)}</Text>
          </View>
        )}
      />
    </View>
  );
}
