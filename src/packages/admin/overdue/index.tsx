import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Order } from '@cloud/contract';
import { call } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { formatDateTime } from '@/utils/time';
import { AdminShell } from '../components/AdminShell';
import { DispatchSheet } from '../components/DispatchSheet';
import { TransferSheet } from '../components/TransferSheet';
import { formatWaited, KIND_LABEL, orderTitle, STATUS_LABEL, statusTone } from '../lib/labels';
import { orderDetailUrl } from '../lib/routes';
import '../shared.scss';
import './index.scss';

const actionable = (o: Order) => o.actions.includes('dispatch') || o.actions.includes('transfer');

/**
 * 超时待办: orders past their SLA, escalated or declined, oldest first; 派单 or 转办 in one tap where
 * the order's `actions` allow it (not after its wanted start).
 */
export default function OverduePage() {
  const isAdmin = useStore((s) => s.user?.roles.includes('admin') ?? false);
  const list = usePagedList(
    (page) => (isAdmin ? call('admin', 'overdue', { page, pageSize: 50 }) : Promise.resolve({ items: [] as Order[], total: 0, page, pageSize: 20 })),
    [isAdmin],
  );
  const orgs = useAsync(() => (isAdmin ? call('admin', 'orgs', {}) : Promise.resolve(null)), [isAdmin]);
  const orgName = (id: string) => orgs.data?.items.find((o) => o.id === id)?.name ?? '';
  const [dispatching, setDispatching] = useState<Order | null>(null);
  const [transferring, setTransferring] = useState<Order | null>(null);
  const now = new Date();

  const renderItem = (o: Order) => (
    <View key={o.id} className={`overdue-item${actionable(o) ? '' : ' overdue-item--stale'}`} data-id={o.id}>
      <View className="overdue-item__head">
        <Text className="chip chip--red overdue-item__kind">{KIND_LABEL[o.kind]}</Text>
        <Text className="overdue-item__title">{orderTitle(o)}</Text>
        <Text className={`admin-status admin-status--${statusTone(o.status)}`}>{STATUS_LABEL[o.status]}</Text>
      </View>
      <View className="overdue-item__facts">
        <Text className="overdue-item__waited">已等待 {formatWaited(o.createdAt, now)}</Text>
        <Text className="overdue-item__org">{orgName(o.orgId)}</Text>
        <Text>
          {o.requesterCompany ?? o.requesterName}
          {o.field ? ` · ${o.field}` : ''}
          {o.volunteerName ? ` · 原指派 ${o.volunteerName}` : ''}
        </Text>
        <Text className="muted">期望时间 {formatDateTime(o.start)}</Text>
      </View>
      <View className="overdue-item__actions">
        {!o.actions.includes('dispatch') && !o.actions.includes('transfer') && (
          <Text className="overdue-item__stale">
            {Date.parse(o.start) <= now.getTime() ? '已过期望时间，不能再派单或转办' : '当前不能派单或转办'}
          </Text>
        )}
        <View className="admin-btn admin-btn--small admin-btn--ghost" onClick={() => void Taro.navigateTo({ url: orderDetailUrl(o.id) })}>
          详情
        </View>
        {o.actions.includes('transfer') && (
          <View className="admin-btn admin-btn--small admin-btn--outline transfer-btn" onClick={() => setTransferring(o)}>
            转办
          </View>
        )}
        {o.actions.includes('dispatch') && (
          <View className="admin-btn admin-btn--small admin-btn--primary dispatch-btn" onClick={() => setDispatching(o)}>
            派单
          </View>
        )}
      </View>
    </View>
  );
  // Actionable orders first (oldest first within each group); the rest can only be looked at.
  const open = list.items.filter(actionable);
  const stale = list.items.filter((o) => !actionable(o));

  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AdminShell active="overdue" badge={{ overdue: list.total }}>
      <View className="overdue">
        <View className="admin-page-head">
          <Text className="admin-page-head__title">超时待办</Text>
          <Text className="admin-page-head__sub">
            {list.loading ? '加载中…' : `共 ${list.total} 单，待处理的排在前面，各自按等待时间从长到短`}
          </Text>
        </View>
        <StateView
          loading={list.loading}
          error={list.error}
          empty={list.items.length === 0}
          emptyText="暂无超时订单，每一单都有人跟进"
          onRetry={() => void list.reload()}
        >
          {open.length > 0 ? (
            <View className="overdue__list">{open.map(renderItem)}</View>
          ) : (
            <View className="overdue__none">暂无可派单或转办的超时订单</View>
          )}
          {stale.length > 0 && (
            <>
              <View className="admin-page-head admin-page-head--section">
                <Text className="admin-page-head__title">已过期望时间（{stale.length}）</Text>
                <Text className="admin-page-head__sub">期望的服务时间已过，不能再派单或转办；可查看详情，联系下单人重新下单</Text>
              </View>
              <View className="overdue__list overdue__list--stale">{stale.map(renderItem)}</View>
            </>
          )}
          <ListFooter
            count={list.items.length}
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            moreError={list.moreError}
            onLoadMore={list.loadMore}
          />
        </StateView>
      </View>
      <DispatchSheet
        order={dispatching}
        onClose={() => setDispatching(null)}
        onDone={(_, name) => {
          setDispatching(null);
          void Taro.showToast({ title: name ? `已派单给 ${name}` : '已派单', icon: 'none' });
          void list.reload();
        }}
      />
      <TransferSheet
        order={transferring}
        onClose={() => setTransferring(null)}
        onDone={(_, name) => {
          setTransferring(null);
          void Taro.showToast({ title: name ? `已转办至 ${name}` : '已转办', icon: 'none' });
          void list.reload();
        }}
      />
    </AdminShell>
  );
}
