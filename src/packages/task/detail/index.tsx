import { useEffect, useRef, useState, type ReactNode } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { OrderAction, OrderDetail } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { Section } from '@/components/Section';
import { formatMinutes, VENUE_LABEL } from '@/utils/labels';
import { formatDateTime, inShanghai } from '@/utils/time';
import { KIND_LABEL, STATUS_LABEL, URGENCY_LABEL, orderTime, orderTitle, taskRoutes } from '@/pages/tasks/shared';
import { OUTCOME_LABEL } from '../labels';
import { locate, NO_LOCATION_TEXT } from '../location';
import { PrivacySheet } from '@/components/PrivacySheet';
import { CHECK_IN_WORDS } from '@cloud/contract/check-in-code';
import { CheckInByCode } from './CheckInByCode';
import { goTab, routes } from '@/utils/routes';
import { ReasonPanel } from './ReasonPanel';
import { askToSubscribe, prepareSubscribe, VOLUNTEER_KINDS } from '@/services/subscribe';
import '../shared.scss';
import './index.scss';
import { useRootClass } from '@/hooks/useElder';

/** The volunteer's steps, in the order they appear; anything else in `actions` is not ours. */
const ACTION_TEXT: Partial<Record<OrderAction, string>> = {
  grab: '抢单',
  accept: '接单',
  checkIn: '签到',
  complete: '填写服务记录',
  decline: '婉拒',
  handBack: '交还订单',
};
const ACTION_ORDER: OrderAction[] = ['grab', 'accept', 'checkIn', 'complete', 'decline', 'handBack'];

/** The buttons for exactly the actions the server offers. */
export function ActionBar({
  actions, busy, onAction,
}: {
  actions: OrderAction[];
  busy: OrderAction | null;
  onAction: (a: OrderAction) => void;
}) {
  const shown = ACTION_ORDER.filter((a) => actions.includes(a));
  if (shown.length === 0) return null;
  return (
    <View className="task-actions task-detail__bar">
      {shown.map((a) => (
        <View
          key={a}
          className={`task-action task-action--${a}${busy === a ? ' task-action--busy' : ''}${busy && busy !== a ? ' task-action--disabled' : ''}`}
          aria-disabled={busy != null}
          onClick={() => busy == null && onAction(a)}
        >
          {busy === a ? '处理中…' : ACTION_TEXT[a]}
        </View>
      ))}
    </View>
  );
}

function Row({ k, children, className }: { k: string; children: ReactNode; className?: string }) {
  return (
    <View className={`kv${className ? ` ${className}` : ''}`}>
      <Text className="kv__key">{k}</Text>
      <View className="kv__value">{children}</View>
    </View>
  );
}

function Photos({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  return (
    <View className="photo-grid">
      {urls.map((u) => (
        <Image
          key={u}
          className="photo-grid__item"
          src={u}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls, current: u })}
        />
      ))}
    </View>
  );
}

function Facts({ o }: { o: OrderDetail }) {
  const need = o.kind === 'need';
  const venue = o.venue.type === 'online' ? o.venue.link : o.venue.address;
  // Before I accept, the server sends the district only (区县、街道), enough to judge the journey.
  const hiddenVenue = o.venue.type !== 'online' && o.district ? ` · ${o.district}（详细地址接单后可见）` : ' · 接单后可见';
  return (
    <Section title="服务信息" className="task-facts">
      <Row k={need ? '期望时间' : '时间'}>
        <Text>{orderTime(o)}</Text>
      </Row>
      <Row k="时长">
        <Text className="duration-text">{formatMinutes(o.durationMin)}</Text>
      </Row>
      <Row k="场地">
        <Text className="task-facts__venue">
          {VENUE_LABEL[o.venue.type]}
          {venue ? ` · ${venue}` : hiddenVenue}
        </Text>
      </Row>
      <Row k="联系人">
        <Text>{o.requesterCompany ? `${o.requesterName}（${o.requesterCompany}）` : o.requesterName}</Text>
      </Row>
      <Row k="联系电话">
        {o.contactPhone ? (
          <Text className="link task-facts__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: o.contactPhone! })}>
            {o.contactPhone}
          </Text>
        ) : (
          <Text className="muted">接单后可见</Text>
        )}
      </Row>
      {o.headcount != null && (
        <Row k="人数">
          <Text>{o.headcount} 人</Text>
        </Row>
      )}
      {o.teamName && (
        <Row k="服务队">
          <Text>{o.teamName}</Text>
        </Row>
      )}
      {(o.field || o.region) && (
        <Row k="领域地区">
          <Text>{[o.field, o.region].filter(Boolean).join(' · ')}</Text>
        </Row>
      )}
      {o.note !== '' && (
        <Row k="备注">
          <Text className="detail__text">{o.note}</Text>
        </Row>
      )}
      {need && o.description && (
        <View className="task-facts__need">
          <Text className="task-facts__need-title">问题描述</Text>
          <Text className="detail__text">{o.description}</Text>
          <Photos urls={o.photos} />
        </View>
      )}
    </Section>
  );
}

function RecordView({ o }: { o: OrderDetail }) {
  const r = o.record;
  if (!r) return null;
  return (
    <Section title="服务记录" className="task-record">
      {o.checkInVerified != null && (
        <Row k="签到">
          <Text className={`checkin-word checkin-word--${o.checkInVerified ? 'verified' : 'unverified'}`}>
            {o.checkInVerified ? CHECK_IN_WORDS.verified : CHECK_IN_WORDS.unverified}
          </Text>
        </Row>
      )}
      {r.actualStart && r.actualEnd && (
        <Row k="实际时间">
          <Text>
            {formatDateTime(r.actualStart)}–{inShanghai(r.actualEnd).format('HH:mm')}
          </Text>
        </Row>
      )}
      <Row k="服务人数">
        <Text>{r.peopleServed} 人</Text>
      </Row>
      {r.outcome && (
        <Row k="解决情况">
          <Text className={`outcome outcome--${r.outcome}`}>{OUTCOME_LABEL[r.outcome]}</Text>
        </Row>
      )}
      <Row k="服务小结">
        <Text className="detail__text">{r.summary}</Text>
      </Row>
      {r.followUp && (
        <Row k="后续安排">
          <Text className="detail__text">{r.followUp}</Text>
        </Row>
      )}
      <Photos urls={r.photos ?? []} />
      {o.rating != null && (
        <Row k="对方评价">
          <Text>
            {'★'.repeat(o.rating)}
            {'☆'.repeat(5 - o.rating)} {o.ratingComment ?? ''}
          </Text>
        </Row>
      )}
    </Section>
  );
}

function Timeline({ o }: { o: OrderDetail }) {
  const entries = [...o.timeline].reverse();
  return (
    <Section title="进度" className="task-timeline">
      {entries.length === 0 ? (
        <Text className="muted">暂无记录</Text>
      ) : (
        entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className={`timeline-item${i === 0 ? ' timeline-item--latest' : ''}`}>
            <View className="timeline-item__dot" />
            <View className="timeline-item__body">
              <Text className="timeline-item__title">
                {STATUS_LABEL[e.to]} · {e.byName || '系统'}
              </Text>
              {e.note !== '' && <Text className="timeline-item__note">{e.note}</Text>}
              <Text className="timeline-item__at">{formatDateTime(e.at)}</Text>
            </View>
          </View>
        ))
      )}
    </Section>
  );
}

/** 任务详情: what, when, where and who to call; the timeline; the next step. */
export default function TaskDetailPage() {
  const elder = useRootClass('');
  useEffect(prepareSubscribe, []);
  const id = useRouteParam('id');
  const order = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少订单编号');
    return call('order', 'get', { id });
  }, [id]);
  const [busy, setBusy] = useState<OrderAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [handingBack, setHandingBack] = useState(false);
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  // Back from the record form: show the completed order.
  useDidShow(() => {
    if (hidden.current) void order.reload();
    hidden.current = false;
  });

  const o = order.data;

  /** `step` may answer a toast of its own instead of `done`. */
  const run = async (a: OrderAction, step: () => Promise<unknown>, done: string) => {
    setBusy(a);
    setActionError(null);
    try {
      const said = await step();
      void Taro.showToast(typeof said === 'string' ? { title: said, icon: 'none', duration: 3000 } : { title: done, icon: 'success' });
      await order.reload();
    } catch (err) {
      setActionError(errorMessage(err));
      // The order may have moved on (someone else took it, the requester cancelled): show it.
      if (err instanceof ApiError && err.code === 'CONFLICT') void order.reload();
    } finally {
      setBusy(null);
    }
  };

  const onAction = (a: OrderAction) => {
    if (!o) return;
    setActionError(null);
    if (a === 'accept' || a === 'grab') askToSubscribe(VOLUNTEER_KINDS); // first, while the tap counts
    if (a === 'accept') void run(a, () => call('task', 'accept', { id: o.id }), '已接单');
    else if (a === 'grab') void run(a, () => call('task', 'grab', { id: o.id }), '抢单成功');
    else if (a === 'decline') {
      setDeclining(true);
      setTimeout(() => void Taro.pageScrollTo({ selector: '.decline-panel', duration: 200 }), 50);
    }
    else if (a === 'handBack') {
      setHandingBack(true);
      setTimeout(() => void Taro.pageScrollTo({ selector: '.hand-back-panel', duration: 200 }), 50);
    }
    else if (a === 'complete') void Taro.navigateTo({ url: taskRoutes.record(o.id) });
    else if (a === 'checkIn') {
      void run(
        a,
        async () => {
          const found = await locate();
          await call('task', 'checkIn', found.location ? { id: o.id, location: found.location } : { id: o.id });
          return found.location ? undefined : NO_LOCATION_TEXT[found.reason];
        },
        '已签到',
      );
    }
  };

  const checkInFrom = o ? inShanghai(o.start).subtract(2, 'hour') : null;
  const urgency = o?.urgency ? URGENCY_LABEL[o.urgency] : undefined;

  return (
    <View className={`detail task-detail${elder}`}>
      <StateView loading={order.status === 'loading' && o == null} error={o ? null : order.error} onRetry={() => void order.reload()}>
        {o && (
          <>
            <View className="detail__hero">
              <View className="task-detail__tags">
                <Text className={`kind-tag kind-tag--${o.kind}`}>{KIND_LABEL[o.kind]}</Text>
                {urgency && <Text className={`urgency urgency--${o.urgency}`}>{urgency}</Text>}
                <Text className="task-detail__status">{STATUS_LABEL[o.status]}</Text>
              </View>
              <Text className="detail__hero-title">{orderTitle(o)}</Text>
              <Text className="detail__hero-sub">{orderTime(o)}</Text>
            </View>

            <View className="detail__overlap" />
            {order.error && <Text className="task-detail__error">{order.error}</Text>}
            {actionError && (
              <View className="task-detail__error" role="alert">
                {actionError}
              </View>
            )}
            {o.status === 'accepted' && !o.actions.includes('checkIn') && checkInFrom && (
              <Text className="task-detail__hint checkin-hint">
                开始前 2 小时可签到（{checkInFrom.format('M月D日 HH:mm')} 起）
              </Text>
            )}

            {o.actions.includes('checkIn') && (
              <CheckInByCode
                orderId={o.id}
                onDone={(toast) => {
                  void Taro.showToast({ title: toast, icon: 'success' });
                  void order.reload();
                }}
              />
            )}
            <Facts o={o} />
            <RecordView o={o} />
            <Timeline o={o} />

            {handingBack ? (
              <ReasonPanel kind="handBack"
                id={o.id}
                onCancel={() => setHandingBack(false)}
                // The order is no longer mine (not even visible): back to the task list.
                onDone={() => goTab(routes.tasks)}
              />
            ) : declining ? (
              <ReasonPanel kind="decline"
                id={o.id}
                onCancel={() => setDeclining(false)}
                onDone={() => {
                  setDeclining(false);
                  void order.reload();
                }}
              />
            ) : (
              <ActionBar actions={o.actions} busy={busy} onAction={onAction} />
            )}
          </>
        )}
      </StateView>
      <PrivacySheet />
    </View>
  );
}
