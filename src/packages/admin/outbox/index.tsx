import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OUTBOX_STATUS_NAMES, OUTBOX_STATUSES, type OutboxItem, type OutboxPage, type OutboxStatus } from '@cloud/contract';
import { fetchOutbox } from '@/services/notifications';
import { useStore } from '@/stores';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import { formatDateTime } from '@/utils/time';
import { AdminShell } from '../components/AdminShell';
import { orderDetailUrl } from '../lib/routes';
import '../shared.scss';
import './index.scss';

const STATUSES: FilterOption<OutboxStatus>[] = OUTBOX_STATUSES.map((s) => ({ value: s, label: OUTBOX_STATUS_NAMES[s] }));
const TONE: Record<OutboxStatus, 'red' | 'gold' | 'green' | 'grey'> = { failed: 'red', queued: 'gold', sent: 'green', skipped: 'grey' };

/**
 * 消息发送: the WeChat subscribe messages of orders in the admin's scope, newest first, so a
 * delivery problem (a failed send with WeChat's error, a user who never subscribed) is visible.
 */
export default function OutboxPage() {
  const isAdmin = useStore((s) => s.user?.roles.includes('admin') ?? false);
  const [status, setStatus] = useState<OutboxStatus | undefined>(undefined);
  const list = usePagedList(
    (page) => (isAdmin ? fetchOutbox({ status, page, pageSize: 50 }) : Promise.resolve<OutboxPage>({ items: [], total: 0, page, pageSize: 50 })),
    [isAdmin, status],
  );

  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const renderItem = (m: OutboxItem) => (
    <View key={m.id} className={`outbox-item outbox-item--${m.status}`} data-id={m.id}>
      <View className="outbox-item__head">
        <Text className="chip chip--red outbox-item__kind">{m.kindName}</Text>
        <Text className="outbox-item__title">{m.orderTitle}</Text>
        <Text className={`admin-status admin-status--${TONE[m.status]}`}>{m.statusName}</Text>
      </View>
      <View className="outbox-item__facts">
        <Text>
          收件人 {m.userName}
          {m.attempts ? ` · 已尝试 ${m.attempts} 次` : ''}
          {m.transport === 'local' ? ' · 本地记录' : ''}
        </Text>
        {m.lastError && <Text className={`outbox-item__error${m.status === 'failed' ? ' outbox-item__error--failed' : ''}`}>{m.lastError}</Text>}
        <Text className="muted">
          生成于 {formatDateTime(m.at)}
          {m.sentAt ? ` · 发送于 ${formatDateTime(m.sentAt)}` : ''}
          {m.nextAttemptAt ? ` · 下次尝试 ${formatDateTime(m.nextAttemptAt)}` : ''}
        </Text>
      </View>
      <View className="outbox-item__actions">
        <View className="admin-btn admin-btn--small admin-btn--ghost" onClick={() => void Taro.navigateTo({ url: orderDetailUrl(m.orderId) })}>
          查看订单
        </View>
      </View>
    </View>
  );

  return (
    <AdminShell active="outbox">
      <View className="outbox">
        <View className="admin-page-head">
          <Text className="admin-page-head__title">消息发送</Text>
          <Text className="admin-page-head__sub">
            {list.loading ? '加载中…' : `共 ${list.total} 条微信订阅消息；未发送的说明原因，发送失败的会重试几次后停止`}
          </Text>
        </View>
        <View className="outbox__chips">
          <FilterChips options={STATUSES} value={status} onChange={setStatus} allLabel="全部" />
        </View>
        <StateView
          loading={list.loading}
          error={list.error}
          empty={list.items.length === 0}
          emptyText={status ? `没有「${OUTBOX_STATUS_NAMES[status]}」的消息` : '还没有微信订阅消息'}
          onRetry={() => void list.reload()}
        >
          <View className="outbox__list">{list.items.map(renderItem)}</View>
          <ListFooter
            count={list.items.length}
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            moreError={list.moreError}
            onLoadMore={list.loadMore}
          />
        </StateView>
      </View>
    </AdminShell>
  );
}
