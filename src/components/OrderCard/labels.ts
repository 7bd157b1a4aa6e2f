import type { Order, OrderKind, OrderStatus } from '@cloud/contract';
import { STATUS_WORDS, whoWord, type WhoFacts } from '@cloud/contract/status-words';

/** Order states as the requester reads them on cards and the timeline: the one shared table. */
export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = STATUS_WORDS.requester;

export const ORDER_KIND_LABEL: Record<OrderKind, string> = {
  lecture: '宣讲',
  service: '技术服务',
  need: '求助',
};

export const URGENCY_LABEL: Record<NonNullable<Order['urgency']>, string> = {
  normal: '一般',
  urgent: '紧急',
  critical: '非常紧急',
};

/** Colour family of a status chip: live states warm, finished green, side exits grey. */
export const STATUS_TONE: Record<OrderStatus, 'red' | 'gold' | 'blue' | 'green' | 'grey'> = {
  pending: 'gold',
  accepted: 'blue',
  in_progress: 'red',
  completed: 'green',
  rated: 'green',
  declined: 'grey',
  cancelled: 'grey',
  expired: 'grey',
};

/** What the order is about: the topic, the service or the need's own title. */
export function orderTitle(o: Pick<Order, 'kind' | 'topicTitle' | 'serviceTitle' | 'title'>): string {
  const t = o.kind === 'lecture' ? o.topicTitle : o.kind === 'service' ? o.serviceTitle : o.title;
  return t ?? o.title ?? o.topicTitle ?? o.serviceTitle ?? '（未命名订单）';
}

/** Who serves it: the volunteer, else the team, else what the order waits for in its state. */
export function orderWho(o: WhoFacts): string {
  return whoWord(o, 'requester');
}

/**
 * Wall-clock parts in Shanghai (UTC+8, no daylight saving since 1991), without dayjs: the 订单 tab
 * lives in the main package, which must stay small. Agrees with utils/time's formatDay/formatTimeRange.
 */
function shanghai(iso: string) {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return {
    day: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${'日一二三四五六'.charAt(d.getUTCDay())}`,
    time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
  };
}

/** "11月24日 周二 09:00–10:00" in Shanghai; an end at midnight the next day reads 24:00. */
export function orderTimeText(o: Pick<Order, 'start' | 'end'>): string {
  const s = shanghai(o.start);
  const e = shanghai(o.end);
  return `${s.day} ${s.time}–${e.time === '00:00' && e.day !== s.day ? '24:00' : e.time}`;
}
