import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '@/services/api';
import { usePagedList } from '@/hooks/usePagedList';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { TeamCard } from '@/components/TeamCard';
import { SearchInput } from '@/components/SearchInput';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import { TEAM_KIND_LABEL } from '@/utils/labels';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

type TeamKind = 'lecture' | 'service';
const KINDS: FilterOption<TeamKind>[] = [
  { value: 'lecture', label: TEAM_KIND_LABEL.lecture },
  { value: 'service', label: TEAM_KIND_LABEL.service },
];

/** 服务队: lecture teams (宣讲团) and technical service teams, searchable. */
export default function TeamsPage() {
  const elder = useRootClass('');
  const initialKind = useRouteParam('kind');
  const [kind, setKind] = useState<TeamKind | undefined>(
    initialKind === 'lecture' || initialKind === 'service' ? initialKind : undefined,
  );
  const [q, setQ] = useState('');
  const teams = usePagedList((page) => call('catalog', 'teams', { kind, q: q || undefined, page }), [kind, q]);

  useReachBottom(() => teams.loadMore());
  usePullDownRefresh(() => {
    void teams.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={`list-page teams-page${elder}`}>
      <View className="list-page__search team-search">
        <SearchInput placeholder="搜索服务队名称、地区" onSearch={setQ} />
      </View>
      <FilterChips options={KINDS} value={kind} onChange={setKind} />
      <StateView
        loading={teams.loading}
        error={teams.error}
        empty={teams.items.length === 0}
        emptyText={q ? `没有找到与“${q}”相关的服务队` : '暂无服务队'}
        onRetry={() => void teams.reload()}
      >
        {teams.items.map((t) => (
          <TeamCard key={t.id} team={t} />
        ))}
        <ListFooter
          count={teams.items.length}
          hasMore={teams.hasMore}
          loadingMore={teams.loadingMore}
          moreError={teams.moreError}
          onLoadMore={teams.loadMore}
        />
      </StateView>
    </View>
  );
}
