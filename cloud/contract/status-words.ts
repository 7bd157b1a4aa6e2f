import type { OrderKind, OrderStatus } from './order';

/**
 * The one table of order status words, per reader. Client pages and the server (export, error
 * messages) import this file itself, not the contract index: it has no runtime imports, so it pulls
 * neither zod nor anything else into the mini-program's main package.
 *
 * The words agree across roles wherever the state means the same thing to both (a walk-through found
 * 「已拒绝」 on admin lists next to 「已婉拒」 for the requester and in the export); a role gets its
 * own word only where it must read differently.
 */
export type StatusReader = 'requester' | 'volunteer' | 'admin' | 'export';

const COMMON: Record<OrderStatus, string> = {
  pending: '待接单',
  accepted: '已接单',
  in_progress: '服务中',
  completed: '已完成',
  rated: '已评价',
  declined: '已婉拒',
  cancelled: '已取消',
  expired: '已超时',
};

export const STATUS_WORDS: Record<StatusReader, Record<OrderStatus, string>> = {
  requester: COMMON,
  volunteer: COMMON,
  admin: COMMON,
  export: COMMON,
};

export function statusWord(status: OrderStatus, reader: StatusReader): string {
  return STATUS_WORDS[reader][status];
}

/** What a "who serves it" line needs to know. */
export interface WhoFacts {
  kind: OrderKind;
  status: OrderStatus;
  volunteerName?: string | null;
  teamName?: string | null;
}

/**
 * Who serves the order, or what is happening instead. Only a pending order without anyone is
 * waiting in the pool; a declined or expired one waits for the union to dispatch, a cancelled one
 * waits for nobody (the walk-through saw 「待认领」 on cancelled orders and 「待宣讲人抢单」 on
 * declined ones).
 */
export function whoWord(o: WhoFacts, reader: StatusReader): string {
  if (o.volunteerName) return reader === 'admin' ? `志愿者 ${o.volunteerName}` : o.volunteerName;
  if (o.teamName) return o.teamName;
  switch (o.status) {
    case 'pending':
      if (reader === 'admin' || reader === 'export') return '抢单池待认领';
      return o.kind === 'lecture' ? '待宣讲人抢单' : '待志愿者接单';
    case 'declined':
    case 'expired':
      return reader === 'admin' || reader === 'export' ? '待派单' : '工会协调中';
    case 'cancelled':
      return '未指派';
    default:
      return '—';
  }
}

/** Whether the who-line names nobody (the pages dim it). */
export const nobodyYet = (o: WhoFacts) => !o.volunteerName && !o.teamName;
