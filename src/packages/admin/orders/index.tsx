import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Order, OrderKind, OrderStatus } from '@cloud/contract';
import { call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { SearchInput } from '@/components/SearchInput';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import { formatDateTime } from '@/utils/time';
import { AdminShell } from '../components/AdminShell';
import { OrgPicker } from '../components/OrgPicker';
import { canShowcase, KIND_LABEL, orderTitle, orderWho, STATUS_LABEL, statusTone } from '../lib/labels';
import { orderDetailUrl } from '../lib/routes';
import '../shared.scss';
import './index.scss';

const STATUSES: FilterOption<OrderStatus>[] = (
  ['pending', 'accepted', 'in_progress', 'completed', 'rated', 'declined', 'expired', 'cancelled'] as const
).map((s) => ({ value: s, label: STATUS_LABEL[s] }));
const KINDS: FilterOption<OrderKind>[] = (['lecture', 'service', 'need'] as const).map((k) => ({ value: k, label: KIND_LABEL[k] }));

/** The server may add `showcase` to admin order answers; until then the page remembers its own toggles. */
type AdminOrder = Order & { showcase?: boolean };

/** 订单管理: every order in the admin's scope, filtered and searched; 优秀案例 on finished ones. */
export default function AdminOrdersPage() {
  const isAdmin = useStore((s) => s.user?.roles.includes('admin') ?? false);
  const [status, setStatus] = useState<OrderStatus | undefined>(undefined);
  const [kind, setKind] = useState<OrderKind | undefined>(undefined);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [showcase, setShowcase] = useState<Record<string, boolean>>({});
  const [toggling, setToggling] = useState<string | null>(null);

  const list = usePagedList(
    (page) =>
      isAdmin
        ? call('admin', 'orders', { status, kind, orgId, q: q || undefined, page })
        : Promise.resolve({ items: [] as Order[], total: 0, page, pageSize: 20 }),
    [isAdmin, status, kind, orgId, q],
  );
  const orgs = useAsync(() => (isAdmin ? call('admin', 'orgs', {}) : Promise.resolve(null)), [isAdmin]);
  const inScope = (orgs.data?.items ?? []).filter((o) => o.inScope);
  const orgName = (id: string) => orgs.data?.items.find((o) => o.id === id)?.name ?? '';

  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const isShowcase = (o: AdminOrder) => showcase[o.id] ?? o.showcase ?? false;
  const toggleShowcase = async (o: AdminOrder) => {
    if (toggling) return;
    const on = !isShowcase(o);
    setToggling(o.id);
    try {
      const res = await call('admin', 'showcase', { id: o.id, on });
      setShowcase((m) => ({ ...m, [o.id]: res.showcase }));
      void Taro.showToast({ title: res.showcase ? '已设为优秀案例' : '已取消优秀案例', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setToggling(null);
    }
  };

  return (
    <AdminShell active="orders">
      <View className="admin-orders">
        <View className="admin-orders__filters">
          <View className="admin-orders__search-line">
            <SearchInput className="admin-orders__search" placeholder="搜索主题、需求、下单人或单位" onSearch={setQ} />
            {inScope.length > 1 && (
              <View className="admin-orders__org">
                <OrgPicker orgs={inScope} value={orgId} onChange={setOrgId} allLabel="全部组织" label="组织" />
              </View>
            )}
          </View>
          <View className="admin-orders__chips admin-orders__chips--status">
            <FilterChips options={STATUSES} value={status} onChange={setStatus} allLabel="全部状态" />
          </View>
          <View className="admin-orders__chips admin-orders__chips--kind">
            <FilterChips options={KINDS} value={kind} onChange={setKind} allLabel="全部类型" />
          </View>
        </View>
        <View className="admin-page-head admin-page-head--inline">
          <Text className="admin-page-head__sub">{list.loading ? '加载中…' : `共 ${list.total} 单`}</Text>
        </View>
        <StateView
          loading={list.loading}
          error={list.error}
          empty={list.items.length === 0}
          emptyText={q ? `没有找到与“${q}”相关的订单` : '没有符合条件的订单'}
          onRetry={() => void list.reload()}
        >
          <View className="admin-orders__list">
            {list.items.map((o: AdminOrder) => (
              <View
                key={o.id}
                className="admin-order"
                data-id={o.id}
                onClick={() => void Taro.navigateTo({ url: orderDetailUrl(o.id) })}
              >
                <View className="admin-order__head">
                  <Text className="chip chip--red">{KIND_LABEL[o.kind]}</Text>
                  <Text className="admin-order__title">{orderTitle(o)}</Text>
                  <Text className={`admin-status admin-status--${statusTone(o.status)}`}>{STATUS_LABEL[o.status]}</Text>
                </View>
                <View className="admin-order__facts">
                  <Text>{formatDateTime(o.start)}</Text>
                  <Text>{o.requesterCompany ?? o.requesterName}</Text>
                  <Text className="admin-order__who">{orderWho(o)}</Text>
                  <Text className="muted">{orgName(o.orgId)}</Text>
                  {o.rating != null && <Text className="admin-order__rating">{o.rating} 星</Text>}
                </View>
                {canShowcase(o) && (
                  <View
                    className={`showcase-toggle${isShowcase(o) ? ' showcase-toggle--on' : ''}${toggling === o.id ? ' showcase-toggle--busy' : ''}`}
                    data-on={isShowcase(o) ? '1' : '0'}
                    onClick={(e) => {
                      e.stopPropagation();
                      void toggleShowcase(o);
                    }}
                  >
                    <View className="showcase-toggle__switch" />
                    <Text>{isShowcase(o) ? '优秀案例' : '设为优秀案例'}</Text>
                  </View>
                )}
              </View>
            ))}
          </View>
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
