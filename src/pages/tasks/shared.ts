import type { Order, OrderKind, OrderStatus } from '@cloud/contract';
import { STATUS_WORDS } from '@cloud/contract/status-words';

/**
 * What the 任务 tab and the task subpackage share: labels, routes and the segment to open.
 * Types only from the contract (its constants would pull zod into the bundle).
 */

export const KIND_LABEL: Record<OrderKind, string> = { lecture: '宣讲', service: '技术服务', need: '求助' };

/** Order states as volunteers read them: the one shared table. */
export const STATUS_LABEL: Record<OrderStatus, string> = STATUS_WORDS.volunteer;

/** Badge text for urgent needs; nothing for normal ones. */
export const URGENCY_LABEL: Partial<Record<NonNullable<Order['urgency']>, string>> = {
  urgent: '紧急',
  critical: '非常紧急',
};

/** The line a volunteer recognises an order by: the topic, the service, or the need's title. */
export function orderTitle(o: Pick<Order, 'topicTitle' | 'serviceTitle' | 'title' | 'kind'>): string {
  return o.topicTitle ?? o.serviceTitle ?? o.title ?? `${KIND_LABEL[o.kind]}订单`;
}

/**
 * Wall-clock parts in Shanghai (UTC+8, no daylight saving since 1991). Written without dayjs so the
 * 任务 tab does not pull it into the main package; agrees with utils/time's formatSlot.
 */
function shanghai(iso: string) {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return {
    day: d.getUTCMonth() + 1 + '月' + d.getUTCDate() + '日 ' + '周' + '日一二三四五六'.charAt(d.getUTCDay()),
    time: two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()),
  };
}

/** "11月24日 周二 09:00–10:00" in Shanghai; an end at midnight the next day reads 24:00. */
export function orderTime(o: Pick<Order, 'start' | 'end'>): string {
  const s = shanghai(o.start);
  const e = shanghai(o.end);
  return s.day + ' ' + s.time + '–' + (e.time === '00:00' && e.day !== s.day ? '24:00' : e.time);
}

/** "浙江某某公司 · 张三", or the name alone. */
export function requesterLine(o: Pick<Order, 'requesterCompany' | 'requesterName'>): string {
  return o.requesterCompany ? `${o.requesterCompany} · ${o.requesterName}` : o.requesterName;
}

export const taskRoutes = {
  detail: (id: string) => `/packages/task/detail/index?id=${encodeURIComponent(id)}`,
  record: (id: string) => `/packages/task/record/index?id=${encodeURIComponent(id)}`,
  availability: '/packages/task/availability/index',
};

export type Segment = 'mine' | 'pool';

/** switchTab cannot carry a query: a link to 我的任务 sets this before switching. */
export const tabRequest: { segment: Segment | null } = { segment: null };
