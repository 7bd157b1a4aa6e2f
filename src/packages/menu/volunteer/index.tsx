import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiError, call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { Section } from '@/components/Section';
import { TextAvatar } from '@/components/TextAvatar';
import { Stars } from '@/components/Stars';
import { BookingBar } from '@/components/BookingBar';
import { CATEGORY_LABEL, TEAM_ROLE_LABEL, VOLUNTEER_KIND_LABEL, formatRating } from '@/utils/labels';
import { groupSlotsByDay, groupWeekly, formatTimeRange, inShanghai } from '@/utils/time';
import { go, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import { useStore } from '@/stores';
import '../shared.scss';
import './index.scss';
import { useRootClass } from '@/hooks/useElder';

/** 优秀案例: the kind of the showcased order. */
const CASE_KIND: Record<string, string> = { lecture: '宣讲', service: '技术服务', need: '求助解决' };

function Chips({ items, tone, empty }: { items: string[]; tone?: 'red' | 'gold'; empty: string }) {
  if (items.length === 0) return <Text className="muted">{empty}</Text>;
  return (
    <View className="tags">
      {items.map((x) => (
        <Text key={x} className={`chip${tone ? ` chip--${tone}` : ''}`}>
          {x}
        </Text>
      ))}
    </View>
  );
}

/** 风采: a model worker's profile — honours, skills, team, topics, services and free time. */
export default function VolunteerPage() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const myVolunteerId = useStore((s) => s.user?.volunteerId);
  const profile = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少志愿者编号');
    const p = await call('catalog', 'volunteer', { id });
    void Taro.setNavigationBarTitle({ title: `${p.name} · 风采` });
    return p;
  }, [id]);
  const v = profile.data;
  const days = v ? groupSlotsByDay(v.freeSlots) : [];
  const weekly = v ? groupWeekly(v.weekly) : [];

  return (
    <View className={`detail volunteer-page${elder}`}>
      <StateView
        loading={profile.status === 'loading' && v == null}
        error={profile.error}
        onRetry={() => void profile.reload()}
      >
        {v && (
          <>
            <View className="detail__hero volunteer-page__hero">
              <View className="volunteer-page__id">
                <TextAvatar name={v.name} size="large" />
                <View className="volunteer-page__who">
                  <Text className="volunteer-name">{v.name}</Text>
                  {v.title !== '' && <Text className="detail__hero-sub">{v.title}</Text>}
                  <View className="detail__hero-tags">
                    {v.kinds.map((k) => (
                      <Text key={k} className="chip chip--red">
                        {VOLUNTEER_KIND_LABEL[k]}
                      </Text>
                    ))}
                    {v.orgName !== '' && <Text className="chip">{v.orgName}</Text>}
                  </View>
                </View>
              </View>
            </View>

            <View className="stats-row detail__overlap">
              <View className="stats-row__item">
                <Text className="stats-row__value">{formatRating(v.rating) ?? '—'}</Text>
                {v.rating != null ? (
                  <Stars rating={v.rating} showValue={false} />
                ) : (
                  <Text className="stats-row__label">暂无评价</Text>
                )}
              </View>
              <View className="stats-row__item">
                <Text className="stats-row__value">
                  {v.ordersDone}
                  <Text className="stats-row__unit">次</Text>
                </Text>
                <Text className="stats-row__label">完成服务</Text>
              </View>
              <View className="stats-row__item">
                <Text className="stats-row__value">
                  {v.serviceHours}
                  <Text className="stats-row__unit">小时</Text>
                </Text>
                <Text className="stats-row__label">服务时长</Text>
              </View>
            </View>

            <Section title="荣誉称号">
              <Chips items={v.honours} tone="gold" empty="暂无记录" />
            </Section>

            <Section title="个人简介">
              <Text className="detail__text">{v.bio || '暂无简介'}</Text>
            </Section>

            <Section title="技能与地区">
              <View className="kv">
                <Text className="kv__key">技能专长</Text>
                <View className="kv__value">
                  <Chips items={v.skills} empty="—" />
                </View>
              </View>
              <View className="kv">
                <Text className="kv__key">服务地区</Text>
                <View className="kv__value">
                  <Chips items={v.regions} empty="—" />
                </View>
              </View>
            </Section>

            {v.teamId && (
              <Section title="所属队伍">
                <View className="link-row volunteer-team" onClick={() => v.teamId && go(routes.team(v.teamId))}>
                  <Text className="link-row__main link">{v.teamName ?? '查看队伍'}</Text>
                  <Text className="link-row__side">
                    {v.teamRole ? TEAM_ROLE_LABEL[v.teamRole] : ''} ›
                  </Text>
                </View>
              </Section>
            )}

            <Section title="宣讲主题" extra={v.topics.length > 0 ? `${v.topics.length} 个` : undefined}>
              {v.topics.length === 0 ? (
                <Text className="muted">暂无宣讲主题</Text>
              ) : (
                v.topics.map((t) => (
                  <View key={t.id} className="link-row volunteer-topic" onClick={() => go(routes.topic(t.id))}>
                    <Text className="link-row__main">{t.title}</Text>
                    <Text className="link-row__side">{CATEGORY_LABEL[t.category]} ›</Text>
                  </View>
                ))
              )}
            </Section>

            {v.services.length > 0 && (
              <Section title="技术服务" extra={`${v.services.length} 项`}>
                {v.services.map((s) => (
                  <View key={s.id} className="link-row volunteer-service" onClick={() => go(routes.service(s.id))}>
                    <Text className="link-row__main">{s.title}</Text>
                    <Text className="link-row__side">{s.field} ›</Text>
                  </View>
                ))}
              </Section>
            )}

            {(v.cases ?? []).length > 0 && (
              <Section title="优秀案例" extra={`${v.cases.length} 个`} className="cases">
                {v.cases.map((c) => (
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

            <Section title="每周可约时间">
              {weekly.length === 0 ? (
                <Text className="muted">暂未设置</Text>
              ) : (
                weekly.map((w) => (
                  <View key={w.weekday} className="kv weekly-row">
                    <Text className="kv__key">{w.label}</Text>
                    <Text className="kv__value">{w.ranges.join('、')}</Text>
                  </View>
                ))
              )}
            </Section>

            <Section title="近两周空闲时段" extra="北京时间">
              {days.length === 0 ? (
                <Text className="muted">近 14 天暂无空闲时段</Text>
              ) : (
                days.map((d) => (
                  <View key={d.date} className="free-day">
                    <Text className="free-day__label">{d.label}</Text>
                    <View className="free-day__slots">
                      {d.slots.map((s) => (
                        <Text key={s.start} className="free-slot" data-start={s.start}>
                          {formatTimeRange(s.start, s.end)}
                        </Text>
                      ))}
                    </View>
                  </View>
                ))
              )}
            </Section>

            {v.id !== myVolunteerId && (
              <BookingBar
                entries={[
                  ...(v.topics.length > 0
                    ? [{
                        key: 'lecture',
                        text: '预约宣讲',
                        onClick: () =>
                          go(orderRoutes.book(v.topics.length === 1 ? { topicId: v.topics[0]!.id, volunteerId: v.id } : { volunteerId: v.id, kind: 'lecture' })),
                      }]
                    : []),
                  ...(v.services.length > 0
                    ? [{
                        key: 'service',
                        text: '预约技术服务',
                        onClick: () =>
                          go(orderRoutes.book(v.services.length === 1 ? { serviceId: v.services[0]!.id, volunteerId: v.id } : { volunteerId: v.id, kind: 'service' })),
                      }]
                    : []),
                ]}
                note="按空闲时段预约，提交后等待本人确认"
              />
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
