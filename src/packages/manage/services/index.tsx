import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { usePagedList } from '@/hooks/usePagedList';
import { SearchInput } from '@/components/SearchInput';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { SERVICE_KIND_LABEL } from '@/utils/labels';
import { go } from '@/utils/routes';
import { AdminGate } from '../components/AdminGate';
import { takeDirty } from '../lib/dirty';
import { manageRoutes } from '../lib/routes';
import { useAdminOrgs } from '../lib/scope';
import { MODE_OPTIONS } from '../service/form';
import '../shared.scss';

const MODE_TEXT = Object.fromEntries(MODE_OPTIONS.map((m) => [m.value, m.label]));

function Services() {
  const [q, setQ] = useState('');
  const { canEdit } = useAdminOrgs(true);
  const list = usePagedList((page) => call('catalog', 'services', { ...(q ? { q } : {}), page, pageSize: 20 }), [q]);
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => void list.reload().finally(() => void Taro.stopPullDownRefresh()));
  useDidShow(() => {
    if (takeDirty('services')) void list.reload();
  });

  return (
    <View className="mg-page services-admin">
      <View className="mg-toolbar">
        <SearchInput className="service-admin-search" placeholder="搜索服务、领域或服务队" onSearch={setQ} />
        <View className="btn btn--primary btn--small mg-toolbar__new service-new" onClick={() => go(manageRoutes.service())}>
          新建服务
        </View>
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={q ? `没有找到“${q}”相关的服务` : '还没有技术服务'}
        onRetry={() => void list.reload()}
      >
        <Text className="mg-tip">共 {list.total} 项上架服务，点击编辑</Text>
        <View className="card mg-list">
          {list.items.map((s) => (
            <View key={s.id} className="mg-row service-admin-item" data-id={s.id} onClick={() => go(manageRoutes.service(s.id))}>
              <View className="mg-row__body">
                <Text className="mg-row__title">{s.title}</Text>
                <Text className="mg-row__sub">
                  {s.field} · {SERVICE_KIND_LABEL[s.kind]} · {MODE_TEXT[s.mode]} · {s.teamName ?? '个人服务'} · {s.volunteerIds.length} 人
                </Text>
              </View>
              <Text className="mg-row__side">{canEdit(s.orgId) ? '编辑 ›' : <Text className="mg-readonly">非本级 ›</Text>}</Text>
            </View>
          ))}
        </View>
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onLoadMore={list.loadMore} />
      </StateView>
    </View>
  );
}

/** 技术服务管理: every technical service on the menu, searchable, with 新建服务. */
export default function ServicesAdminPage() {
  return (
    <AdminGate>
      <Services />
    </AdminGate>
  );
}
