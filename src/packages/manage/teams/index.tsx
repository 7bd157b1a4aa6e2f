import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { usePagedList } from '@/hooks/usePagedList';
import { SearchInput } from '@/components/SearchInput';
import { FilterChips } from '@/components/FilterChips';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { TEAM_KIND_LABEL } from '@/utils/labels';
import { go } from '@/utils/routes';
import { AdminGate } from '../components/AdminGate';
import { takeDirty } from '../lib/dirty';
import { manageRoutes } from '../lib/routes';
import { useAdminOrgs } from '../lib/scope';
import '../shared.scss';

type Kind = 'lecture' | 'service';
const KIND_OPTIONS = (['lecture', 'service'] as const).map((k) => ({ value: k, label: TEAM_KIND_LABEL[k] }));

function Teams() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<Kind | undefined>(undefined);
  const { canEdit } = useAdminOrgs(true);
  const list = usePagedList((page) => call('catalog', 'teams', { ...(q ? { q } : {}), ...(kind ? { kind } : {}), page, pageSize: 20 }), [q, kind]);
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => void list.reload().finally(() => void Taro.stopPullDownRefresh()));
  useDidShow(() => {
    if (takeDirty('teams')) void list.reload();
  });

  return (
    <View className="mg-page teams-admin">
      <View className="mg-toolbar">
        <SearchInput className="team-admin-search" placeholder="搜索队名或地区" onSearch={setQ} />
        <View className="btn btn--primary btn--small mg-toolbar__new team-new" onClick={() => go(manageRoutes.team())}>
          新建队伍
        </View>
      </View>
      <FilterChips options={KIND_OPTIONS} value={kind} onChange={setKind} />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={q ? `没有找到“${q}”相关的队伍` : '还没有队伍'}
        onRetry={() => void list.reload()}
      >
        <Text className="mg-tip">共 {list.total} 支队伍，点击编辑信息和队员</Text>
        <View className="card mg-list">
          {list.items.map((t) => (
            <View key={t.id} className="mg-row team-admin-item" data-id={t.id} onClick={() => go(manageRoutes.team(t.id))}>
              <View className="mg-row__body">
                <Text className="mg-row__title">{t.name}</Text>
                <Text className="mg-row__sub">
                  {TEAM_KIND_LABEL[t.kind]} · {t.orgName}
                  {t.region ? ` · ${t.region}` : ''} · {t.memberIds.length} 人
                </Text>
              </View>
              <Text className="mg-row__side">{canEdit(t.orgId) ? '编辑 ›' : <Text className="mg-readonly">非本级 ›</Text>}</Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onLoadMore={list.loadMore} />
      </StateView>
    </View>
  );
}

/** 服务队管理: lecture teams and technical service teams, with 新建队伍. */
export default function TeamsAdminPage() {
  return (
    <AdminGate>
      <Teams />
    </AdminGate>
  );
}
