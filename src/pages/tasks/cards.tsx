import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { askToSubscribe, VOLUNTEER_KINDS } from '@/services/subscribe';
import { Text, View } from '@tarojs/components';
import type { Order } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { VENUE_LABEL } from '@/utils/labels';
import {
  KIND_LABEL, STATUS_LABEL, URGENCY_LABEL, orderTime, orderTitle, requesterLine, tabRequest, taskRoutes,
} from './shared';

/**
 * What both cards show: kind, urgency, (my tasks) status, title, Shanghai time, requester, where.
 * In the pool the phone and exact address are not sent: the card says when they appear.
 */
function CardBody({ order: o, pool }: { order: Order; pool?: boolean }) {
  const urgency = o.urgency && URGENCY_LABEL[o.urgency];
  const need = o.kind === 'need';
  return (
    <View className="task-card__body">
      <View className="task-card__head">
        <Text className={'kind-tag kind-tag--' + o.kind}>{KIND_LABEL[o.kind]}</Text>
        {urgency && <Text className={'urgency urgency--' + o.urgency}>{urgency}</Text>}
        {!pool && <Text className={'task-card__status status--' + o.status}>{STATUS_LABEL[o.status]}</Text>}
      </View>
      <Text className="task-card__title">{orderTitle(o)}</Text>
      <Text className="task-card__row task-card__time">{(need ? '期望 ' : '') + orderTime(o)}</Text>
      <Text className="task-card__row">{requesterLine(o)}</Text>
      <Text className="task-card__row muted">
        {/* Until I may see the exact address, the district (区县、街道) says where it is. */}
        {[o.venue.address ? o.region : o.district ?? o.region, o.field, VENUE_LABEL[o.venue.type], o.venue.address].filter(Boolean).join(' · ')}
      </Text>
      {pool && need && o.description && <Text className="task-card__desc">{o.description}</Text>}
      {pool && <Text className="task-card__private">电话与详细地址：接单后可见</Text>}
    </View>
  );
}

/** The next step waiting on me, to catch the eye in the list. */
const NEXT_STEP: Partial<Record<Order['actions'][number], string>> = {
  accept: '待您确认接单',
  checkIn: '可以签到了',
  complete: '请填写服务记录',
};

/** A task of mine (named to me or taken by me); opens the task page. */
export function TaskCard({ order }: { order: Order }) {
  const next = order.actions.map((a) => NEXT_STEP[a]).find(Boolean);
  return (
    <View className="card task-card" data-id={order.id} onClick={() => Taro.navigateTo({ url: taskRoutes.detail(order.id) })}>
      <CardBody order={order} />
      {next && <Text className="task-card__next">{next} ›</Text>}
    </View>
  );
}

export type GrabState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'won' }
  /** Someone else was faster (or my calendar is taken): CONFLICT. */
  | { kind: 'lost'; message: string }
  /** Not mine to take (FORBIDDEN) or gone (NOT_FOUND). */
  | { kind: 'denied'; message: string }
  /** No answer or a server fault: the button comes back for another try. */
  | { kind: 'error'; message: string };

/** How long the won state shows before the task page opens. */
export const WON_PAUSE_MS = 800;

/**
 * An open order in the pool with one-tap grab. Exactly one volunteer wins; the card says which way
 * it went: 抢单成功 (then the task opens), or the server's reason in place of the button.
 */
export function PoolCard({ order, onWon }: { order: Order; onWon?: (o: Order) => void }) {
  const [state, setState] = useState<GrabState>({ kind: 'idle' });
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  // A promise chain, not async/await: the main package is transpiled for old phones, where each
  // async function costs half a kilobyte of regenerator code.
  const grab = () => {
    if (busy.current) return;
    askToSubscribe(VOLUNTEER_KINDS); // first, while the tap still counts for WeChat
    busy.current = true;
    setState({ kind: 'busy' });
    call('task', 'grab', { id: order.id }).then(
      (taken) => {
        setState({ kind: 'won' });
        void Taro.showToast({ title: '抢单成功', icon: 'success' });
        tabRequest.segment = 'mine';
        onWon?.(taken);
        timer.current = setTimeout(() => void Taro.navigateTo({ url: taskRoutes.detail(taken.id) }), WON_PAUSE_MS);
      },
      (err: unknown) => {
        const message = errorMessage(err);
        const code = err instanceof ApiError ? err.code : 'NETWORK';
        if (code === 'CONFLICT') setState({ kind: 'lost', message });
        else if (code === 'FORBIDDEN' || code === 'NOT_FOUND') setState({ kind: 'denied', message });
        else {
          setState({ kind: 'error', message });
          busy.current = false;
        }
      },
    );
  };

  const k = state.kind;
  const gone = k === 'lost' || k === 'denied';
  return (
    <View className={'card pool-card' + (gone ? ' pool-card--gone' : '')} data-id={order.id}>
      <CardBody order={order} pool />
      <View className="task-card__foot">
        {k === 'won' && <Text className="grab-result grab-result--won">抢单成功，已加入我的任务</Text>}
        {'message' in state && (
          <View className={'grab-result grab-result--' + k} role="alert">
            {state.message}
          </View>
        )}
        {!gone && k !== 'won' && (
          <View className={'grab-btn' + (k === 'busy' ? ' grab-btn--busy' : '')} aria-disabled={k === 'busy'} onClick={grab}>
            {k === 'busy' ? '抢单中…' : k === 'error' ? '重试抢单' : '抢单'}
          </View>
        )}
      </View>
    </View>
  );
}
