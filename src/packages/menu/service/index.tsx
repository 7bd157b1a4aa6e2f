import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiError, call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { Section } from '@/components/Section';
import { SpeakerCard } from '@/components/SpeakerCard';
import { BookingBar } from '@/components/BookingBar';
import { SERVICE_KIND_LABEL, SERVICE_MODE_LABEL } from '@/utils/labels';
import { go, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

/** A technical service: what the team offers, how (on site or remote), and its technicians. */
export default function ServicePage() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const service = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少服务编号');
    const s = await call('catalog', 'service', { id });
    void Taro.setNavigationBarTitle({ title: s.title });
    return s;
  }, [id]);
  const s = service.data;

  return (
    <View className={`detail service-page${elder}`}>
      <StateView
        loading={service.status === 'loading' && s == null}
        error={service.error}
        onRetry={() => void service.reload()}
      >
        {s && (
          <>
            <View className="detail__hero">
              <Text className="detail__hero-title">{s.title}</Text>
              <View className="detail__hero-tags">
                <Text className="chip chip--red">{s.field}</Text>
                <Text className="chip">{SERVICE_KIND_LABEL[s.kind]}</Text>
                <Text className="chip">{SERVICE_MODE_LABEL[s.mode]}</Text>
              </View>
            </View>
            <Section title="服务内容" className="detail__overlap">
              <Text className="detail__text">{s.summary || '暂无介绍'}</Text>
            </Section>
            {s.teamId && (
              <Section title="提供队伍">
                <View className="link-row" onClick={() => s.teamId && go(routes.team(s.teamId))}>
                  <Text className="link-row__main link">{s.teamName ?? '查看队伍'}</Text>
                  <Text className="link-row__side">›</Text>
                </View>
              </Section>
            )}
            <Section title="技术骨干" extra={`${s.volunteers.length} 位`}>
              {s.volunteers.length === 0 ? (
                <Text className="muted">暂无指定技术人员，由服务队统一安排</Text>
              ) : (
                s.volunteers.map((v) => <SpeakerCard key={v.id} volunteer={v} hideTeam={v.teamId === s.teamId} />)
              )}
            </Section>
            <BookingBar
              entries={[{ key: 'service', text: s.mode === 'remote' ? '预约远程指导' : '预约服务', onClick: () => go(orderRoutes.book({ serviceId: s.id })) }]}
              note={s.teamId ? '可指定技术人员，也可由服务队安排' : undefined}
            />
          </>
        )}
      </StateView>
    </View>
  );
}
