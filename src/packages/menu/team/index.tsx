import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TeamRole, VolunteerSummary } from '@cloud/contract';
import { ApiError, call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { Section } from '@/components/Section';
import { SpeakerCard } from '@/components/SpeakerCard';
import { ServiceCard } from '@/components/ServiceCard';
import { BookingBar } from '@/components/BookingBar';
import { TEAM_KIND_LABEL } from '@/utils/labels';
import { inShanghai } from '@/utils/time';
import { go, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

/** 优秀案例: the kind of the showcased order. */
const CASE_KIND: Record<string, string> = { lecture: '宣讲', service: '技术服务', need: '求助解决' };

const ROLE_ORDER: Record<TeamRole, number> = { captain: 0, liaison: 1, member: 2 };

/** Captain first, then liaisons, then members; the team's own ids win over each member's field. */
function orderMembers(members: VolunteerSummary[], captainId: string | null, liaisonIds: string[]) {
  const roleOf = (v: VolunteerSummary): TeamRole =>
    v.id === captainId ? 'captain' : liaisonIds.includes(v.id) ? 'liaison' : (v.teamRole ?? 'member');
  return members
    .map((v) => ({ ...v, teamRole: roleOf(v) }))
    .sort((a, b) => ROLE_ORDER[a.teamRole] - ROLE_ORDER[b.teamRole]);
}

/** One service goes straight to booking; a few are offered in a sheet; many open the team's list. */
function pickService(teamId: string, services: { id: string; title: string }[]) {
  if (services.length === 1) {
    go(orderRoutes.book({ serviceId: services[0]!.id }));
    return;
  }
  if (services.length > 6) {
    go(routes.services(teamId));
    return;
  }
  Taro.showActionSheet({ itemList: services.map((s) => s.title) })
    .then((r) => {
      const s = services[r.tapIndex];
      if (s) go(orderRoutes.book({ serviceId: s.id }));
    })
    .catch(() => undefined);
}

/** A lecture team or technical service team: who is in it and what it offers. */
export default function TeamPage() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const team = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少服务队编号');
    const t = await call('catalog', 'team', { id });
    void Taro.setNavigationBarTitle({ title: t.name });
    return t;
  }, [id]);
  const t = team.data;
  const members = t ? orderMembers(t.members, t.captainId, t.liaisonIds) : [];

  return (
    <View className={`detail team-page${elder}`}>
      <StateView loading={team.status === 'loading' && t == null} error={team.error} onRetry={() => void team.reload()}>
        {t && (
          <>
            <View className="detail__hero">
              <Text className="detail__hero-title team-name">{t.name}</Text>
              <Text className="detail__hero-sub">
                {t.orgName}
                {t.region ? ` · ${t.region}` : ''}
              </Text>
              <View className="detail__hero-tags">
                <Text className="chip chip--red">{TEAM_KIND_LABEL[t.kind]}</Text>
              </View>
            </View>

            <View className="stats-row detail__overlap">
              <View className="stats-row__item">
                <Text className="stats-row__value">
                  {t.totals.members}
                  <Text className="stats-row__unit">人</Text>
                </Text>
                <Text className="stats-row__label">队员</Text>
              </View>
              <View className="stats-row__item">
                <Text className="stats-row__value">
                  {t.totals.ordersDone}
                  <Text className="stats-row__unit">次</Text>
                </Text>
                <Text className="stats-row__label">完成服务</Text>
              </View>
              <View className="stats-row__item">
                <Text className="stats-row__value">
                  {t.totals.serviceHours}
                  <Text className="stats-row__unit">小时</Text>
                </Text>
                <Text className="stats-row__label">服务时长</Text>
              </View>
            </View>

            <Section title="队伍简介">
              <Text className="detail__text">{t.intro || '暂无简介'}</Text>
            </Section>

            <Section title="队员" extra={`${members.length} 人`}>
              {members.length === 0 ? (
                <Text className="muted">暂无队员</Text>
              ) : (
                members.map((v) => <SpeakerCard key={v.id} volunteer={v} showTeamRole hideTeam />)
              )}
            </Section>

            <Section title="服务项目" extra={t.services.length > 0 ? `${t.services.length} 项` : undefined}>
              {t.services.length === 0 ? (
                <Text className="muted">{t.kind === 'lecture' ? '宣讲团的主题见各队员风采页' : '暂无服务项目'}</Text>
              ) : (
                t.services.map((s) => <ServiceCard key={s.id} service={s} hideTeam />)
              )}
            </Section>

            {(t.cases ?? []).length > 0 && (
              <Section title="优秀案例" extra={`${t.cases.length} 个`} className="cases">
                {t.cases.map((c) => (
                  <View key={c.orderId} className="link-row case-item" data-order-id={c.orderId}>
                    <View className="link-row__main">
                      <Text className="case-item__title">{c.title}</Text>
                      <View className="tags case-item__meta">
                        <Text className="chip chip--red">{CASE_KIND[c.kind] ?? '服务'}</Text>
                        <Text className="chip">{inShanghai(c.at).format('YYYY年M月D日')}</Text>
                        {c.peopleServed != null && <Text className="chip">服务 {c.peopleServed} 人</Text>}
                        {c.requesterCompany && <Text className="chip chip--gold">{c.requesterCompany}</Text>}
                      </View>
                      {c.summary !== '' && <Text className="detail__text case-item__summary">{c.summary}</Text>}
                    </View>
                  </View>
                ))}
              </Section>
            )}

            {t.kind === 'service' && t.services.length > 0 && (
              <BookingBar
                entries={[{ key: 'team-service', text: '预约本队服务', onClick: () => pickService(t.id, t.services) }]}
                note="由服务队安排技术人员，也可在服务页指定"
              />
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
