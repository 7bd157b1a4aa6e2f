import { useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call, errorMessage } from '@/services/api';
import { getCertificate } from './certificate';
import { useAsync } from '@/hooks/useAsync';
import { POINTS_EXPLANATION } from '@cloud/domain/rules';
import { goTab, routes } from '@/utils/routes';
import { tabRequest, taskRoutes } from '@/pages/tasks/shared';
import './index.scss';

/** 我的, for volunteers: my totals from `task.stats` and the way to my tasks and my free time. */
export function VolunteerStats() {
  const stats = useAsync(() => call('task', 'stats', {}), []);
  // Back on 我的 after finishing a service: show the new totals.
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (hidden.current) void stats.reload();
    hidden.current = false;
  });
  const s = stats.data;
  const [making, setMaking] = useState(false);
  const [pointsHelp, setPointsHelp] = useState(false);
  const certificate = async () => {
    if (making) return;
    setMaking(true);
    try {
      const said = await getCertificate();
      if (said) void Taro.showToast({ title: said, icon: 'none', duration: 3000 });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
    } finally {
      setMaking(false);
    }
  };
  const cells: [string, string][] = [
    ['服务次数', s ? String(s.ordersDone) : '—'],
    ['服务时长(小时)', s ? String(s.serviceHours) : '—'],
    ['积分', s ? String(s.points) : '—'],
    ['评分', s?.rating != null ? s.rating.toFixed(1) : '—'],
  ];
  return (
    <View className="card volunteer-stats">
      <View className="volunteer-stats__head">
        <Text className="volunteer-stats__title">我的志愿服务</Text>
        {s && s.active > 0 && <Text className="volunteer-stats__active">进行中 {s.active} 单</Text>}
      </View>
      {stats.status === 'error' && s == null ? (
        <Text className="volunteer-stats__error" onClick={() => void stats.reload()}>
          {stats.error}，点此重试
        </Text>
      ) : (
        <View className="volunteer-stats__grid">
          {cells.map(([label, value]) => (
            <View
              key={label}
              className={`volunteer-stats__cell${label === '积分' ? ' volunteer-stats__cell--points' : ''}`}
              onClick={label === '积分' ? () => setPointsHelp(!pointsHelp) : undefined}
            >
              <Text className="volunteer-stats__value">{value}</Text>
              <Text className="volunteer-stats__label">
                {label}
                {label === '评分' && s && s.ratingCount > 0 ? `(${s.ratingCount})` : ''}
                {label === '积分' ? ' ⓘ' : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
      {pointsHelp && <Text className="volunteer-stats__points-help">积分怎么来：{POINTS_EXPLANATION}</Text>}
      {s && (s.checkIns ?? 0) + (s.handBacks ?? 0) > 0 && (
        // Reliability as the union sees it: check-ins verified with the requester's code, hand-backs.
        <Text className="volunteer-stats__trust">
          签到已核验 {s.verifiedCheckIns ?? 0}/{s.checkIns ?? 0} 次{s.handBacks ? ` · 交还订单 ${s.handBacks} 次` : ''}
        </Text>
      )}
      <View className="volunteer-stats__links">
        <Text
          className="volunteer-stats__link volunteer-stats__link--tasks"
          onClick={() => {
            tabRequest.segment = 'mine';
            goTab(routes.tasks);
          }}
        >
          我的任务 ›
        </Text>
        <Text
          className="volunteer-stats__link volunteer-stats__link--availability"
          onClick={() => void Taro.navigateTo({ url: taskRoutes.availability })}
        >
          可预约时间 ›
        </Text>
        <Text className="volunteer-stats__link volunteer-stats__link--certificate" onClick={() => void certificate()}>
          {making ? '正在生成…' : '时长证明 ›'}
        </Text>
      </View>
    </View>
  );
}

export default VolunteerStats;
