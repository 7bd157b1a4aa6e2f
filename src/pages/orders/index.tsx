import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Order, OrderStatus } from '@cloud/contract';
import { call } from '@/services/api';
import { useStore } from '@/stores';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import { OrderCard } from '@/components/OrderCard';
import { ORDER_STATUS_LABEL } from '@/components/OrderCard/labels';
import { go, goTab, routes } from '@/utils/routes';
import { orderRoutes } from './routes';
import { refreshUnread, useUnread } from './badge';
import { useRootClass } from '@/hooks/useElder';
import './index.scss';

const PAGE_SIZE = 10;

const TAB_ORDER: OrderStatus[] = [
  'pending', 'accepted', 'in_progress', 'completed', 'rated', 'cancelled', 'declined', 'expired',
];
const STATUS_TABS: FilterOption<OrderStatus>[] = TAB_ORDER.map((s) => ({ value: s, label: ORDER_STATUS_LABEL[s] }));

function OrderList() {
  const [status, setStatus] = useState<OrderStatus | undefined>(undefined);
  const unread = useUnread((s) => s.unread);
  const list = usePagedList((page) => call('order', 'mine', { status, page, pageSize: PAGE_SIZE }), [status]);
  const shown = useRef(false);

  // Back from booking or a detail page: the list may have changed.
  useDidShow(() => {
    void refreshUnread();
    if (shown.current) void list.reload();
    shown.current = true;
  });
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), refreshUnread()]).finally(() => Taro.stopPullDownRefresh());
  });

  const open = (o: Order) => go(orderRoutes.detail(o.id));
  const label = status ? ORDER_STATUS_LABEL[status] : '';

  return (
    <>
      <View className="orders__bar">
        <View className="orders__inbox" onClick={() => go(orderRoutes.inbox())}>
          <Text className="orders__inbox-text">消息</Text>
          {unread != null && unread > 0 && (
            <Text className="orders__inbox-count">{unread > 99 ? '99+' : unread}</Text>
          )}
        </View>
        <View className="orders__need" onClick={() => go(orderRoutes.need())}>
          发布求助
        </View>
      </View>
      <FilterChips options={STATUS_TABS} value={status} onChange={setStatus} />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={status ? `没有${label}的订单` : '还没有订单'}
        emptyHint={status ? undefined : '在菜单中选主题、选宣讲人，或发布求助'}
        emptyAction={status ? undefined : { text: '去点单', onClick: () => goTab(routes.home) }}
        onRetry={() => void list.reload()}
      >
        {list.items.map((o) => (
          <OrderCard key={o.id} order={o} onClick={open} />
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

/** 订单: the orders I placed, by state, with the inbox and 发布求助 at the top. */
export default function OrdersPage() {
  const user = useStore((s) => s.user);
  useDidShow(() => {
    if (user == null) void refreshUnread();
  });
  const rootClass = useRootClass('orders');
  return (
    <View className={rootClass}>
      {user == null ? (
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后查看您的订单"
          emptyHint="点单、求助和消息都在这里"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      ) : (
        <OrderList key={user.id} />
      )}
    </View>
  );
}
