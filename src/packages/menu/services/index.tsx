import { useState } from 'react';
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

/** The fields named in the unions' service lists; free text search covers anything else. */
const FIELDS = ['数控', '电力', '汽车维修', '医疗义诊', '维修电工', '电商', '机电维修', '焊接', '污水处理'];
const FIELD_OPTIONS: FilterOption<string>[] = FIELDS.map((f) => ({ value: f, label: f }));

/** 技术服务: the teams' service list (两张清单 of the unions), by field and text. */
export default function ServicesPage() {
  const routeTeamId = useRouteParam('teamId');
  const [teamId, setTeamId] = useState(routeTeamId);
  const [field, setField] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const services = usePagedList(
    (page) => call('catalog', 'services', { field, q: q || undefined, teamId: teamId || undefined, page }),
    [field, q, teamId],
  );
  const teamName = teamId ? services.items[0]?.teamName : null;

  useReachBottom(() => services.loadMore());
  usePullDownRefresh(() => {
    void services.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="list-page services-page">
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
      <FilterChips options={FIELD_OPTIONS} value={field} onChange={setField} />
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
