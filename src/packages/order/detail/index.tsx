import { useRef, useState, type ReactNode } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { Order, OrderDetail } from '@cloud/contract';
import { ApiError, call } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { PrivacySheet } from '@/components/PrivacySheet';
import { StateView } from '@/components/StateView';
import { Stars } from '@/components/Stars';
import { ORDER_KIND_LABEL, ORDER_STATUS_LABEL, STATUS_TONE, URGENCY_LABEL, orderTitle } from '@/components/OrderCard/labels';
import { formatMinutes, VENUE_LABEL } from '@/utils/labels';
import { formatDateTime, formatDay, formatTimeRange } from '@/utils/time';
import { go, goTab, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import { refreshUnread } from '@/pages/orders/badge';
import { Timeline } from '../components/Timeline';
import { OrderActions, type RequesterAction } from '../components/OrderActions';
import { ActionSheet } from '../components/ActionSheet';
import { CheckInCode } from '../components/CheckInCode';
import { CHECK_IN_WORDS } from '@cloud/contract/check-in-code';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const OUTCOME_LABEL = { resolved: '已解决', partly: '部分解决', unresolved: '未解决' } as const;

/** One line under the status: what happens next, in the requester's words. */
function statusHint(o: Order, myVolunteerId?: string): string {
  const who = o.volunteerName ?? o.teamName;
  switch (o.status) {
    case 'pending':
      if (o.named && myVolunteerId && o.volunteerId === myVolunteerId) return '等待您确认接单';
      if (o.named && o.volunteerName) return `等待${o.volunteerName}确认`;
      if (o.teamName) return `等待${o.teamName}安排人员`;
      return '已发布到抢单池，等待志愿者接单';
    case 'accepted':
      return `${who ?? '志愿者'}已接单，请按约定时间做好准备`;
    case 'in_progress':
      return `${who ?? '志愿者'}已签到${o.checkInVerified ? `（${CHECK_IN_WORDS.verified}）` : ''}，服务进行中`;
    case 'completed':
      if (o.kind === 'need' && !o.confirmedAt && !o.disputedAt) return '服务已完成，请确认问题是否解决';
      return '服务已完成，欢迎评价';
    case 'rated':
      return '感谢您的评价';
    case 'declined':
      return '志愿者已婉拒，工会将协调其他志愿者';
    case 'cancelled':
      return '订单已取消';
    case 'expired':
      return '超时未接单，已转交工会协调';
  }
}

function Row({ k, children, className }: { k: string; children: ReactNode; className?: string }) {
  return (
    <View className={`order-kv${className ? ` ${className}` : ''}`}>
      <Text className="order-kv__key">{k}</Text>
      <View className="order-kv__value">{children}</View>
    </View>
  );
}

function Photos({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  return (
    <View className="photos">
      {urls.map((u) => (
        <View key={u} className="photos__item" onClick={() => void Taro.previewImage({ urls, current: u }).catch(() => undefined)}>
          <Image className="photos__img" src={u} mode="aspectFill" lazyLoad />
        </View>
      ))}
    </View>
  );
}

function copy(text: string) {
  // WeChat confirms a copy with its own toast; after a refused privacy consent, say why nothing was copied.
  void Taro.setClipboardData({ data: text }).catch((err: { errMsg?: string }) => {
    const refused = /privacy/i.test(String(err?.errMsg ?? ''));
    void Taro.showToast({ title: refused ? '未同意隐私保护指引，无法复制' : '复制失败，请长按选择文字', icon: 'none' });
  });
}

function Body({ o, myVolunteerId }: { o: OrderDetail; myVolunteerId?: string }) {
  const rec = o.record;
  const personKey = o.kind === 'lecture' ? '宣讲人' : o.kind === 'service' ? '服务方' : '志愿者';
  return (
    <>
      <View className={`order-head order-status order-status--${o.status} order-status--${STATUS_TONE[o.status]}`}>
        <Text className="order-head__status">{ORDER_STATUS_LABEL[o.status]}</Text>
        <Text className="order-head__hint">{statusHint(o, myVolunteerId)}</Text>
        <Text className="order-head__title">
          【{ORDER_KIND_LABEL[o.kind]}】{orderTitle(o)}
        </Text>
      </View>

      <View className="card order-section order-facts">
        <Text className="order-section__title">订单信息</Text>
        <Row k={o.kind === 'need' ? '期望时间' : '时间'}>
          <Text className="order-time">
            {formatDay(o.start)} {formatTimeRange(o.start, o.end)}
          </Text>
        </Row>
        <Row k="时长">
          <Text className="duration-text">{formatMinutes(o.durationMin)}</Text>
        </Row>
        <Row k={personKey}>
          {o.volunteerId && o.volunteerName ? (
            <Text className="link" onClick={() => go(routes.volunteer(o.volunteerId!))}>
              {o.volunteerName}
              {o.teamName ? `（${o.teamName}）` : ''}
            </Text>
          ) : o.teamId && o.teamName ? (
            <Text className="link" onClick={() => go(routes.team(o.teamId!))}>
              {o.teamName}
            </Text>
          ) : (
            <Text className="muted">尚无人接单</Text>
          )}
        </Row>
        {o.kind === 'need' && o.field && (
          <Row k="领域">
            <Text>{o.field}</Text>
          </Row>
        )}
        {o.kind === 'need' && o.urgency && (
          <Row k="紧急程度">
            <Text className={o.urgency === 'normal' ? '' : 'link'}>{URGENCY_LABEL[o.urgency]}</Text>
          </Row>
        )}
        {o.headcount != null && (
          <Row k="人数">
            <Text>{o.headcount} 人</Text>
          </Row>
        )}
        {o.region && (
          <Row k="地区">
            <Text>{o.region}</Text>
          </Row>
        )}
        <Row k="下单人">
          <Text>
            {o.requesterName}
            {o.requesterCompany ? ` · ${o.requesterCompany}` : ''}
          </Text>
        </Row>
        <Row k="提交时间">
          <Text>{formatDateTime(o.createdAt)}</Text>
        </Row>
        <Row k="订单号">
          <Text className="muted">{o.id}</Text>
        </Row>
      </View>

      {o.actions.includes('checkInCode') && <CheckInCode orderId={o.id} />}

      <View className="card order-section order-venue">
        <Text className="order-section__title">场地与联系</Text>
        <Row k="场地">
          <Text>{VENUE_LABEL[o.venue.type]}</Text>
        </Row>
        {o.venue.type === 'online' ? (
          <Row k="会议链接">
            {o.venue.link ? (
              <Text className="link venue-link-text" onClick={() => copy(o.venue.link!)}>
                {o.venue.link}（点击复制）
              </Text>
            ) : (
              <Text className="order-private">仅接单志愿者和管理员可见</Text>
            )}
          </Row>
        ) : (
          <Row k="地址">
            {o.venue.address ? (
              <Text className="venue-address-text">{o.venue.address}</Text>
            ) : (
              <Text className="order-private">仅接单志愿者和管理员可见</Text>
            )}
          </Row>
        )}
        {o.contactPhone && (
          <Row k="联系电话" className="order-phone">
            <Text className="link" onClick={() => void Taro.makePhoneCall({ phoneNumber: o.contactPhone! }).catch(() => undefined)}>
              {o.contactPhone}
            </Text>
          </Row>
        )}
        {o.note !== '' && (
          <Row k="备注">
            <Text>{o.note}</Text>
          </Row>
        )}
      </View>

      {o.kind === 'need' && (o.description || o.photos.length > 0) && (
        <View className="card order-section order-need">
          <Text className="order-section__title">问题描述</Text>
          {o.description && <Text className="order-section__text">{o.description}</Text>}
          <Photos urls={o.photos} />
        </View>
      )}

      {rec && (
        <View className="card order-section order-record">
          <Text className="order-section__title">服务记录</Text>
          {rec.actualStart && (
            <Row k="实际时间">
              <Text>
                {formatDay(rec.actualStart)} {rec.actualEnd ? formatTimeRange(rec.actualStart, rec.actualEnd) : ''}
              </Text>
            </Row>
          )}
          {o.checkInVerified != null && (
            <Row k="签到">
              <Text className={`checkin-word checkin-word--${o.checkInVerified ? 'verified' : 'unverified'}`}>
                {o.checkInVerified ? CHECK_IN_WORDS.verified : CHECK_IN_WORDS.unverified}
              </Text>
            </Row>
          )}
          <Row k="服务人数">
            <Text className="record-people">{rec.peopleServed} 人</Text>
          </Row>
          {rec.outcome && (
            <Row k="解决情况">
              <Text className={`record-outcome record-outcome--${rec.outcome}`}>{OUTCOME_LABEL[rec.outcome]}</Text>
            </Row>
          )}
          <Row k="服务小结">
            <Text className="record-summary">{rec.summary}</Text>
          </Row>
          {rec.followUp && (
            <Row k="后续跟进">
              <Text>{rec.followUp}</Text>
            </Row>
          )}
          <Photos urls={rec.photos ?? []} />
          {o.confirmedAt && (
            <Row k="确认">
              <Text>已确认解决 · {formatDateTime(o.confirmedAt)}</Text>
            </Row>
          )}
          {o.disputedAt && (
            <Row k="未解决">
              <Text className="link">{o.disputeReason ?? '已反馈问题未解决'}</Text>
            </Row>
          )}
        </View>
      )}

      {o.rating != null && (
        <View className="card order-section order-rating">
          <Text className="order-section__title">我的评价</Text>
          <Stars rating={o.rating} />
          {o.ratingComment && <Text className="order-section__text">{o.ratingComment}</Text>}
        </View>
      )}

      <View className="card order-section order-timeline">
        <Text className="order-section__title">办理进度</Text>
        <Timeline entries={o.timeline} />
      </View>
    </>
  );
}

/** An order: state, facts, venue, record, the timeline, and what I may do next. */
export default function OrderDetailPage() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const user = useStore((s) => s.user);
  const [action, setAction] = useState<RequesterAction | null>(null);
  const detail = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少订单编号');
    if (user == null) throw new ApiError('UNAUTHENTICATED', '请先登录');
    return call('order', 'get', { id });
  }, [id, user?.id]);
  const shown = useRef(false);

  // Back from the task page (accepted, checked in…): read it again.
  useDidShow(() => {
    if (shown.current && action == null) void detail.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const o = detail.data;
  const done = (_updated: Order, toast: string) => {
    setAction(null);
    void Taro.showToast({ title: toast, icon: 'success' });
    void detail.reload();
    void refreshUnread();
  };

  if (user == null) {
    return (
      <View className={`order-page${elder}`}>
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后查看订单"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }

  return (
    <View className={`order-page order-detail${elder}`}>
      <StateView loading={detail.status === 'loading' && o == null} error={o ? null : detail.error} onRetry={() => void detail.reload()}>
        {o && (
          <>
            {detail.error && (
              <View className="form-banner" onClick={() => void detail.reload()}>
                <Text>刷新失败：{detail.error}，点此重试</Text>
              </View>
            )}
            <Body o={o} myVolunteerId={user.volunteerId} />
            <OrderActions actions={o.actions} onAction={setAction} onHandle={() => go(orderRoutes.task(o.id))} />
            {action && <ActionSheet key={action} order={o} action={action} onClose={() => setAction(null)} onDone={done} />}
          </>
        )}
      </StateView>
      <PrivacySheet />
    </View>
  );
}
