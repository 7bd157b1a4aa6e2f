import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { InboxMessage } from '@cloud/contract';
import { call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { formatDateTime, inShanghai } from '@/utils/time';
import { go, goTab, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import { setUnread, useUnread } from '@/pages/orders/badge';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const PAGE_SIZE = 20;

/** "10:32" today, "11月24日" this year, else the full date. */
function when(at: string): string {
  const d = inShanghai(at);
  const now = inShanghai(Date.now());
  if (d.isSame(now, 'day')) return d.format('HH:mm');
  if (d.isSame(now, 'year')) return d.format('M月D日');
  return formatDateTime(at).slice(0, 11);
}

function Inbox() {
  const unread = useUnread((s) => s.unread);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [allRead, setAllRead] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = usePagedList(async (page) => {
    const res = await call('inbox', 'list', { page, pageSize: PAGE_SIZE });
    setUnread(res.unread);
    if (page === 1) {
      setReadIds(new Set());
      setAllRead(false);
    }
    return res;
  }, []);

  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const isRead = (m: InboxMessage) => m.read || allRead || readIds.has(m.id);

  const open = (m: InboxMessage) => {
    if (!isRead(m)) {
      setReadIds((s) => new Set(s).add(m.id));
      call('inbox', 'read', { id: m.id }).then(
        (r) => setUnread(r.unread),
        () => undefined, // the dot comes back on the next refresh; opening the order matters more
      );
    }
    if (m.orderId) go(orderRoutes.detail(m.orderId));
  };

  const readAll = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await call('inbox', 'read', { all: true });
      setAllRead(true);
      setUnread(r.unread);
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const count = allRead ? 0 : (unread ?? 0);
  return (
    <>
      <View className="inbox-bar">
        <Text className="inbox-bar__count">{count > 0 ? `${count} 条未读` : '没有未读消息'}</Text>
        <Text className={`inbox-bar__all${count > 0 && !busy ? '' : ' inbox-bar__all--off'}`} onClick={() => count > 0 && void readAll()}>
          {busy ? '处理中…' : '全部已读'}
        </Text>
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText="暂无消息"
        emptyHint="订单被接单、改期、完成时会在这里通知您"
        onRetry={() => void list.reload()}
      >
        {list.items.map((m) => (
          <View
            key={m.id}
            data-id={m.id}
            className={`inbox-item${isRead(m) ? '' : ' inbox-item--unread'}`}
            onClick={() => open(m)}
          >
            <View className="inbox-item__dot" />
            <View className="inbox-item__body">
              <View className="inbox-item__head">
                <Text className="inbox-item__title">{m.title}</Text>
                <Text className="inbox-item__time">{when(m.createdAt)}</Text>
              </View>
              {m.body !== '' && <Text className="inbox-item__text">{m.body}</Text>}
            </View>
          </View>
        ))}
        <ListFooter
          count={list.items.length}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          moreError={list.moreError}
          onLoadMore={list.loadMore}
        />
      </StateView>
    </>
  );
}

/** 消息: what happened to my orders and tasks; tapping one opens the order. */
export default function InboxPage() {
  const elder = useRootClass('');
  const user = useStore((s) => s.user);
  return (
    <View className={`order-page inbox-page${elder}`}>
      {user == null ? (
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后查看消息"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      ) : (
        <Inbox />
      )}
    </View>
  );
}
