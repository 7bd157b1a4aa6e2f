import { useState } from 'react';
import { useAsync } from '@/hooks/useAsync';
import { serviceFields } from '@/utils/facets';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { usePagedList } from '@/hooks/usePagedList';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { ServiceCard } from '@/components/ServiceCard';
import { SearchInput } from '@/components/SearchInput';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const opts = (xs: string[]): FilterOption<string>[] => xs.map((x) => ({ value: x, label: x }));

/** 技术服务: the teams' service list (两张清单 of the unions), by field and text. */
export default function ServicesPage() {
  const elder = useRootClass('');
  const routeTeamId = useRouteParam('teamId');
  const [teamId, setTeamId] = useState(routeTeamId);
  const [field, setField] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const services = usePagedList(
    (page) => call('catalog', 'services', { field, q: q || undefined, teamId: teamId || undefined, page }),
    [field, q, teamId],
  );
  const teamName = teamId ? services.items[0]?.teamName : null;
  // The fields the menu's services are in (the chips wait for them; search works meanwhile).
  const fields = useAsync(serviceFields, []);

  useReachBottom(() => services.loadMore());
  usePullDownRefresh(() => {
    void services.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={`list-page services-page${elder}`}>
      <View className="list-page__search service-search">
        <SearchInput placeholder="搜索服务，如 数控、焊接" onSearch={setQ} />
      </View>
      {teamId !== '' && (
        <View className="list-page__scope">
          <Text>仅看：{teamName ?? '该服务队'}</Text>
          <Text className="link" onClick={() => setTeamId('')}>
            查看全部
          </Text>
        </View>
      )}
      {fields.data && fields.data.length > 0 && <FilterChips options={opts(fields.data)} value={field} onChange={setField} />}
      <StateView
        loading={services.loading}
        error={services.error}
        empty={services.items.length === 0}
        emptyText={q || field ? '没有符合条件的服务' : '暂无技术服务'}
        emptyHint={q || field ? '换个关键词或领域试试' : undefined}
        onRetry={() => void services.reload()}
      >
        {services.items.map((s) => (
          <ServiceCard key={s.id} service={s} />
        ))}
        <ListFooter
          count={services.items.length}
          hasMore={services.hasMore}
          loadingMore={services.loadingMore}
          moreError={services.moreError}
          onLoadMore={services.loadMore}
        />
      </StateView>
    </View>
  );
}
