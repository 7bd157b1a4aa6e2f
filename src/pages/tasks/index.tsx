import { View } from '@tarojs/components';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { goTab, routes } from '@/utils/routes';

/** 任务: orders named to me and the grab pool, for volunteers. Opens with the order flow. */
export default function TasksPage() {
  const user = useStore((s) => s.user);
  let body;
  if (user == null) {
    body = (
      <StateView
        loading={false}
        error={null}
        empty
        emptyText="登录后查看任务"
        emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
      />
    );
  } else if (!user.roles.includes('volunteer')) {
    body = (
      <StateView
        loading={false}
        error={null}
        empty
        emptyText="任务面向劳模工匠志愿者"
        emptyHint="志愿者在这里接单、抢单和填写服务记录"
      />
    );
  } else {
    body = (
      <StateView
        loading={false}
        error={null}
        empty
        emptyText="暂无任务"
        emptyHint="接单与抢单即将开放，届时指定给您的订单会出现在这里"
      />
    );
  }
  return <View className="tasks-page">{body}</View>;
}
