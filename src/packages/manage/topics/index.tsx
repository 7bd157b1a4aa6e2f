import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CategoryId } from '@cloud/contract';
import { call } from '@/services/api';
import { usePagedList } from '@/hooks/usePagedList';
import { SearchInput } from '@/components/SearchInput';
import { FilterChips } from '@/components/FilterChips';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { CATEGORY_LABEL, formatDurations } from '@/utils/labels';
import { go } from '@/utils/routes';
import { AdminGate } from '../components/AdminGate';
import { takeDirty } from '../lib/dirty';
import { manageRoutes } from '../lib/routes';
import { useAdminOrgs } from '../lib/scope';
import '../shared.scss';

const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABEL) as CategoryId[]).map((id) => ({ value: id, label: CATEGORY_LABEL[id] }));

function Topics() {
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<CategoryId | undefined>(undefined);
  const { canEdit } = useAdminOrgs(true);
  const list = usePagedList(
    (page) => call('catalog', 'topics', { ...(q ? { q } : {}), ...(category ? { category } : {}), page, pageSize: 20 }),
    [q, category],
  );
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => void list.reload().finally(() => void Taro.stopPullDownRefresh()));
  useDidShow(() => {
    if (takeDirty('topics')) void list.reload();
  });

  return (
    <View className="mg-page topics-admin">
      <View className="mg-toolbar">
        <SearchInput className="topic-admin-search" placeholder="搜索主题、简介或宣讲人" onSearch={setQ} />
        <View className="btn btn--primary btn--small mg-toolbar__new topic-new" onClick={() => go(manageRoutes.topic())}>
          新建主题
        </View>
      </View>
      <FilterChips options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={q ? `没有找到“${q}”相关的主题` : '该分类还没有主题'}
        onRetry={() => void list.reload()}
      >
        <Text className="mg-tip">共 {list.total} 个上架主题，点击编辑</Text>
        <View className="card mg-list">
          {list.items.map((t) => (
            <View key={t.id} className="mg-row topic-admin-item" data-id={t.id} onClick={() => go(manageRoutes.topic(t.id))}>
              <View className="mg-row__body">
                <Text className="mg-row__title">{t.title}</Text>
                <Text className="mg-row__sub">
                  {t.categoryName || CATEGORY_LABEL[t.category]} · {formatDurations(t.durations)} · 宣讲人 {t.volunteerIds.length} 位
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

/** 宣讲主题管理: every topic on the menu, searchable, with 新建主题. */
export default function TopicsAdminPage() {
  return (
    <AdminGate>
      <Topics />
    </AdminGate>
  );
}
