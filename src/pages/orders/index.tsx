import { View } from '@tarojs/components';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { goTab, routes } from '@/utils/routes';

/** 订单: the orders I placed. Ordering opens in the next release; until then say so plainly. */
export default function OrdersPage() {
  const user = useStore((s) => s.user);
  return (
    <View className="orders-page">
      {user == null ? (
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后查看您的订单"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      ) : (
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="暂无订单"
          emptyHint="在线点单即将开放，可先在菜单中挑选主题和宣讲人"
          emptyAction={{ text: '去看菜单', onClick: () => goTab(routes.home) }}
        />
      )}
    </View>
  );
}
