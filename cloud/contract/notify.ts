import { z } from 'zod';
import { pagingShape } from './common';
import type { Page } from './envelope';

/** The subscribe-message template kinds (SPEC "Notifications"). */
export const SUBSCRIBE_KINDS = ['newOrder', 'orderResult', 'reminder', 'rateRequest'] as const;
export type SubscribeKind = (typeof SUBSCRIBE_KINDS)[number];

/** What each kind is for, as the console and the subscribe prompt name it. */
export const SUBSCRIBE_KIND_NAMES: Record<SubscribeKind, string> = {
  newOrder: '新订单提醒',
  orderResult: '接单结果通知',
  reminder: '服务开始提醒',
  rateRequest: '服务评价提醒',
};

/** `wx.requestSubscribeMessage` takes at most this many template ids per tap (some docs say 5: we stay at 3). */
export const MAX_KINDS_PER_SUBSCRIBE = 3;

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_NAMES: Record<OutboxStatus, string> = { queued: '待发送', sent: '已发送', failed: '发送失败', skipped: '未发送' };

const kindSchema = z.enum(SUBSCRIBE_KINDS, { error: '未知的提醒类型' });

export const notifyInput = {
  subscribe: z
    .object({
      kinds: z
        .array(z.object({ kind: kindSchema, accepted: z.boolean({ error: '请说明是否同意' }) }).strict(), { error: '请列出提醒类型' })
        .min(1, '至少一种提醒')
        .max(MAX_KINDS_PER_SUBSCRIBE, `每次最多 ${MAX_KINDS_PER_SUBSCRIBE} 种提醒`)
        .refine((ks) => new Set(ks.map((k) => k.kind)).size === ks.length, '提醒类型不能重复'),
    })
    .strict(),
  subscriptions: z.object({}).strict(),
  outbox: z.object({ status: z.enum(OUTBOX_STATUSES, { error: '未知的发送状态' }).optional(), ...pagingShape }).strict(),
};

/** One kind as the client needs it: the template id to request (null: not configured) and the unspent credits. */
export interface SubscriptionState {
  kind: SubscribeKind;
  name: string;
  templateId: string | null;
  credits: number;
}

export interface Subscriptions {
  kinds: SubscriptionState[];
  /** Template ids per `requestSubscribeMessage` call. */
  maxPerRequest: number;
}

/** One outgoing WeChat message as the union console lists it. */
export interface OutboxItem {
  id: string;
  kind: SubscribeKind;
  kindName: string;
  orderId: string;
  orderTitle: string;
  userId: string;
  userName: string;
  status: OutboxStatus;
  statusName: string;
  attempts: number;
  lastError: string | null;
  /** When it was queued. */
  at: string;
  nextAttemptAt: string | null;
  sentAt: string | null;
  /** 'wechat', or 'local' when the server had no WeChat to send through. */
  transport: string | null;
}

export type OutboxPage = Page<OutboxItem>;
