import { useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OrderStatus } from '@cloud/contract';
import { call } from '@/services/api';
import { useStore } from '@/stores';
import { usePagedList, type PagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import { go, goTab, routes } from '@/utils/routes';
import { PoolCard, TaskCard } from './cards';
import { STATUS_LABEL, tabRequest, taskRoutes, type Segment } from './shared';
import { useRootClass } from '@/hooks/useElder';
import { useAsync } from '@/hooks/useAsync';
import { byFrequency, serviceFields, unionRegions } from '@/utils/facets';
import './index.scss';

const PAGE_SIZE = 10;

const STATUS_OPTIONS: FilterOption<OrderStatus>[] = (['pending', 'accepted', 'in_progress', 'completed'] as const).map((s) => ({
  value: s,
  label: STATUS_LABEL[s],
}));

const opts = (xs: string[]): FilterOption<string>[] => xs.map((x) => ({ value: x, label: x }));

/** The pool's filters from the data: the services' fields and the needs' on screen; the unions' regions. */
function usePoolFilters(needFields: (string | null)[], chosen: string | undefined) {
  const fields = useAsync(serviceFields, []);
  const regions = useAsync(unionRegions, []);
  return {
    // The chosen one stays offered while its list is empty.
    fields: opts(byFrequency([chosen, ...needFields, ...(fields.data ?? [])])),
    regions: opts(regions.data ?? []),
  };
}

/** Page events go to the list on screen; coming back to the tab (or from a task) reloads it. */
function usePageList<T>(list: PagedList<T>) {
  const hidden = useRef(false);
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (hidden.current) void list.reload();
    hidden.current = false;
  });
}

function MyTasks() {
  const [status, setStatus] = useState<OrderStatus | undefined>(undefined);
  const list = usePagedList((page) => call('task', 'inbox', { status, page, pageSize: PAGE_SIZE }), [status]);
  usePageList(list);
  return (
    <>
      <FilterChips options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={status ? '这个状态下没有任务' : '暂无任务'}
        emptyHint="指定给您的订单和您抢到的订单会出现在这里"
        onRetry={() => void list.reload()}
      >
        {list.items.map((o) => (
          <TaskCard key={o.id} order={o} />
        ))}
        <ListFooter {...list} count={list.items.length} onLoadMore={list.loadMore} />
      </StateView>
    </>
  );
}

function Pool() {
  const [field, setField] = useState<string | undefined>(undefined);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<'urgent' | 'recommended'>('urgent');
  const list = usePagedList(
    (page) => call('task', 'pool', { field, region, sort, page, pageSize: PAGE_SIZE }),
    [field, region, sort],
  );
  usePageList(list);
  const filters = usePoolFilters(list.items.map((o) => o.field ?? null), field);
  return (
    <>
      <View className="pool-sort">
        {(
          [
            ['urgent', '最新紧急'],
            ['recommended', '为我推荐'],
          ] as const
        ).map(([value, label]) => (
          <Text
            key={value}
            className={`pool-sort__item${sort === value ? ' pool-sort__item--active' : ''}`}
            data-value={value}
            onClick={() => setSort(value)}
          >
            {label}
          </Text>
        ))}
        {!list.loading && !list.error && <Text className="pool-sort__total">共 {list.total} 单</Text>}
      </View>
      <View className="pool-filter pool-filter--field">
        <FilterChips options={filters.fields} value={field} onChange={setField} allLabel="全部领域" />
      </View>
      <View className="pool-filter pool-filter--region">
        <FilterChips options={filters.regions} value={region} onChange={setRegion} allLabel="全部地区" />
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText="抢单池暂时没有可接的订单"
        emptyHint={field || region ? '换个领域或地区试试' : '有新的宣讲、服务或求助时会出现在这里'}
        onRetry={() => void list.reload()}
      >
        {list.items.map((o) => (
          <PoolCard key={o.id} order={o} />
        ))}
        <ListFooter {...list} count={list.items.length} onLoadMore={list.loadMore} />
      </StateView>
    </>
  );
}

function VolunteerTasks() {
  const [segment, setSegment] = useState<Segment>(tabRequest.segment ?? 'mine');
  useDidShow(() => {
    if (tabRequest.segment) setSegment(tabRequest.segment);
    tabRequest.segment = null;
  });
  return (
    <>
      <View className="task-seg">
        {(
          [
            ['mine', '我的任务'],
            ['pool', '抢单池'],
          ] as const
        ).map(([value, label]) => (
          <View
            key={value}
            className={`task-seg__item task-seg__item--${value}${segment === value ? ' task-seg__item--active' : ''}`}
            onClick={() => setSegment(value)}
          >
            {label}
          </View>
        ))}
        <Text className="task-seg__link" onClick={() => Taro.navigateTo({ url: taskRoutes.availability })}>
          可预约时间 ›
        </Text>
      </View>
      {segment === 'mine' ? <MyTasks /> : <Pool />}
    </>
  );
}

/** 任务: for volunteers, orders named to me or taken by me, and the grab pool. */
export default function TasksPage() {
  const user = useStore((s) => s.user);
  const rootClass = useRootClass('tasks-page');
  let body;
  if (user == null) {
    body = (
      <StateView
        loading={false}
        error={null}
        empty
        emptyText="登录后查看任务"
        emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
      />
    );
  } else if (!user.volunteerId) {
    body = (
      <StateView
        loading={false}
        error={null}
        empty
        emptyText="只有劳模工匠志愿者可以接单"
        emptyHint="志愿者在这里接单、抢单、签到并填写服务记录。劳模工匠可以申报成为志愿者，审核通过后即可接单；预约宣讲和技术服务请到「点单」"
        emptyAction={
          // Admins review 申报 rather than file one (我的 does not offer it to them either).
          user.roles.includes('admin')
            ? { text: '去点单', onClick: () => goTab(routes.home) }
            : { text: '申报成为志愿者', onClick: () => go(routes.apply) }
        }
      />
    );
  } else {
    body = <VolunteerTasks />;
  }
  return <View className={rootClass}>{body}</View>;
}
