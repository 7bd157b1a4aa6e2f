import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { VolunteerKind, VolunteerSummary } from '@cloud/contract';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { SearchInput } from '@/components/SearchInput';
import { StateView } from '@/components/StateView';
import { VOLUNTEER_KIND_LABEL } from '@/utils/labels';

export interface VolunteerSearchProps {
  kind?: VolunteerKind;
  placeholder?: string;
  /** What sits at the right of a row (已选 / 加入 / 本队). */
  side: (v: VolunteerSummary) => ReactNode;
  onPick: (v: VolunteerSummary) => void;
}

const PAGE_SIZE = 30;

/** Approved volunteers found by name, skill or honour (`catalog.volunteers {kind, q}`). */
export function VolunteerSearch({ kind, placeholder = '搜索姓名、技能或荣誉', side, onPick }: VolunteerSearchProps) {
  const [q, setQ] = useState('');
  const found = useAsync(
    () => call('catalog', 'volunteers', { ...(kind ? { kind } : {}), ...(q ? { q } : {}), pageSize: PAGE_SIZE }),
    [kind, q],
  );
  const items = found.data?.items ?? [];
  return (
    <View className="volunteer-search">
      <SearchInput className="volunteer-search__input" placeholder={placeholder} onSearch={setQ} />
      <StateView
        loading={found.status === 'loading' && found.data == null}
        error={found.error}
        empty={items.length === 0}
        emptyText={q ? `没有找到“${q}”` : '暂无志愿者'}
        onRetry={() => void found.reload()}
        skeletonRows={2}
      >
        {items.map((v) => (
          <View key={v.id} className="mg-row volunteer-option" data-id={v.id} onClick={() => onPick(v)}>
            <View className="mg-row__body">
              <Text className="mg-row__title">{v.name}</Text>
              <Text className="mg-row__sub">
                {[v.kinds.map((k) => VOLUNTEER_KIND_LABEL[k]).join('·'), v.title, v.teamName ?? '未入队']
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </View>
            <View className="mg-row__side">{side(v)}</View>
          </View>
        ))}
        {(found.data?.total ?? 0) > items.length && <Text className="form-field__hint">仅显示前 {PAGE_SIZE} 位，请输入关键词缩小范围</Text>}
      </StateView>
    </View>
  );
}
