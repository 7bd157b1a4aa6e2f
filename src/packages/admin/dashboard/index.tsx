import { useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Stats } from '@cloud/contract';
import { call } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { AdminShell } from '../components/AdminShell';
import { EChart } from '../components/EChart';
import { OrgPicker } from '../components/OrgPicker';
import { initialPeriod, PeriodPicker, type PeriodValue } from '../components/PeriodPicker';
import { useIsWide } from '../components/useIsWide';
import { CHARTS, chartIsEmpty } from '../lib/chartData';
import { switchAdminTab } from '../lib/routes';
import { formatStat, STAT_CARDS, statHint } from '../lib/statCards';
import '../shared.scss';
import './index.scss';

function Charts({ stats, compact }: { stats: Stats; compact: boolean }) {
  const options = useMemo(() => CHARTS.map((c) => c.option(stats, compact)), [stats, compact]);
  return (
    <View className="dashboard__charts">
      {CHARTS.map((c, i) => (
        <View key={c.name} className="chart-card">
          <Text className="chart-card__title">{c.title}</Text>
          <View className={`chart chart--${c.name}`}>
            <EChart option={options[i]} />
            {chartIsEmpty(c.name, stats) && <Text className="chart__empty">本期暂无数据</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

/** The overdue queue at a glance: first on a phone, the tenth cell of the number grid on a desktop. */
function OverdueCard({ count, hint, onClick }: { count: number; hint: string | null; onClick: () => void }) {
  return (
    <View className={`overdue-card${count > 0 ? ' overdue-card--alert' : ''}`} onClick={onClick}>
      <View className="overdue-card__body">
        <Text className="overdue-card__title">超时待办</Text>
        <Text className="overdue-card__hint">
          {hint ?? (count > 0 ? '超时未接单或被拒绝的订单，需要派单或转办' : '暂无超时订单')}
        </Text>
      </View>
      <Text className="overdue-card__count" data-count={count}>
        {count}
      </Text>
      <Text className="overdue-card__go">处理 ›</Text>
    </View>
  );
}

/** 数据看板: the period's headline numbers and charts for one union org (and its sub-orgs). */
export default function DashboardPage() {
  const user = useStore((s) => s.user);
  const isAdmin = user?.roles.includes('admin') ?? false;
  const wide = useIsWide();
  const [period, setPeriod] = useState<PeriodValue>(() => initialPeriod('half'));
  const [orgId, setOrgId] = useState<string | undefined>(user?.orgId ?? undefined);
  const { from, to } = period.period;

  const orgs = useAsync(() => (isAdmin ? call('admin', 'orgs', {}) : Promise.resolve(null)), [isAdmin]);
  const stats = useAsync(
    () => (isAdmin ? call('admin', 'stats', { from, to, orgId }) : Promise.resolve(null)),
    [isAdmin, from, to, orgId],
  );
  const overdue = useAsync(() => (isAdmin ? call('admin', 'overdue', { pageSize: 1 }) : Promise.resolve(null)), [isAdmin]);
  const inScope = (orgs.data?.items ?? []).filter((o) => o.inScope);
  const overdueCount = overdue.data?.total ?? 0;

  usePullDownRefresh(() => {
    void Promise.all([stats.reload(), overdue.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const data = stats.data;
  const overdueCard = (
    <OverdueCard
      count={overdueCount}
      hint={overdue.status === 'loading' && !overdue.data ? '加载中…' : overdue.error}
      onClick={() => switchAdminTab('overdue')}
    />
  );
  return (
    <AdminShell active="dashboard" badge={{ overdue: overdueCount }}>
      <View className="dashboard">
        <View className="dashboard__toolbar">
          <PeriodPicker value={period} onChange={setPeriod} />
          <View className="dashboard__org">
            {inScope.length > 0 ? (
              <OrgPicker orgs={inScope} value={orgId} onChange={setOrgId} label="统计范围" />
            ) : (
              <Text className="muted">{orgs.error ? `工会列表加载失败：${orgs.error}` : user?.orgName ?? ''}</Text>
            )}
          </View>
        </View>

        {!data && overdueCard}

        <StateView
          loading={stats.status === 'loading' && !data}
          error={data ? null : stats.error}
          onRetry={() => void stats.reload()}
          skeletonRows={3}
        >
          {data && (
            <View className={`dashboard__content${stats.status === 'loading' ? ' dashboard__content--updating' : ''}`}>
              {stats.error && (
                <View className="dashboard__stale" onClick={() => void stats.reload()}>
                  {stats.error}，显示的是上次的数据，点此重试
                </View>
              )}
              <View className="dashboard__stats">
                {overdueCard}
                {STAT_CARDS.map((c) => (
                  <View key={c.key} className={`stat-card stat-card--${c.key}`} data-key={c.key}>
                    <Text className="stat-card__label">{c.label}</Text>
                    <View className="stat-card__value-line">
                      <Text className="stat-card__value">{formatStat(c.key, data)}</Text>
                      {data[c.key] != null && <Text className="stat-card__unit">{c.unit}</Text>}
                    </View>
                    {statHint(c.key, data) && <Text className="stat-card__sub">{statHint(c.key, data)}</Text>}
                  </View>
                ))}
              </View>
              <Charts stats={data} compact={!wide} />
            </View>
          )}
        </StateView>
      </View>
    </AdminShell>
  );
}
