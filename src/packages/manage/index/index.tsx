import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useStore } from '@/stores';
import { go } from '@/utils/routes';
import { AdminGate } from '../components/AdminGate';
import { manageRoutes } from '../lib/routes';
import '../shared.scss';

const TILES = [
  { key: 'applications', icon: '审', title: '志愿者审核', sub: '申报通过或驳回', url: manageRoutes.applications },
  { key: 'topics', icon: '讲', title: '宣讲主题', sub: '菜单里的宣讲题目', url: manageRoutes.topics },
  { key: 'services', icon: '技', title: '技术服务', sub: '服务项目与技术人员', url: manageRoutes.services },
  { key: 'teams', icon: '队', title: '服务队', sub: '宣讲团、服务队与队员', url: manageRoutes.teams },
] as const;

function Home() {
  const user = useStore((s) => s.user);
  // The number waiting for review, as a badge on its tile; refreshed whenever the page shows.
  const pending = useAsync(() => call('admin', 'applications', { status: 'applied', pageSize: 1 }), []);
  useDidShow(() => {
    if (pending.status !== 'loading') void pending.reload();
  });
  const waiting = pending.data?.total ?? 0;

  return (
    <View className="mg-page manage-home">
      <View className="mg-head">
        <Text className="mg-head__title">审核与管理</Text>
        <Text className="mg-head__sub">{user?.orgName ?? '工会'} · 管理本级及下级组织的菜单、队伍和志愿者</Text>
      </View>
      <View className="manage-tiles">
        {TILES.map((t) => (
          <View key={t.key} className={`manage-tile manage-tile--${t.key}`} onClick={() => go(t.url)}>
            <Text className="manage-tile__icon">{t.icon}</Text>
            <Text className="manage-tile__title">{t.title}</Text>
            <Text className="manage-tile__sub">{t.sub}</Text>
            {t.key === 'applications' && waiting > 0 && (
              <Text className="manage-tile__badge" aria-label={`${waiting} 份待审核`}>
                {waiting > 99 ? '99+' : waiting}
              </Text>
            )}
          </View>
        ))}
      </View>
      {pending.error && <Text className="mg-tip">待审核数量读取失败：{pending.error}</Text>}
    </View>
  );
}

/** 审核与管理: the admin's entry to review and menu editing. */
export default function ManageHome() {
  return (
    <AdminGate>
      <Home />
    </AdminGate>
  );
}
