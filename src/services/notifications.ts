import type { OutboxPage, OutboxStatus, SubscribeKind, Subscriptions } from '@cloud/contract';
import { call } from './api';

/**
 * WeChat subscribe messages. The server owns the template ids (`subscriptions` answers them), so
 * the client asks `requestSubscribeMessage` for those ids on a tap and reports the answers here.
 */

/** Credits per kind and the template ids to request (null: that kind is not configured). */
export const fetchSubscriptions = (): Promise<Subscriptions> => call('inbox', 'subscriptions', {});

/** What the user answered to one `requestSubscribeMessage` (at most 3 kinds): each acceptance is one credit. */
export const recordSubscriptions = (kinds: { kind: SubscribeKind; accepted: boolean }[]): Promise<Subscriptions> =>
  call('inbox', 'subscribe', { kinds });

/** The union console's list of outgoing WeChat messages in the admin's scope. */
export const fetchOutbox = (input: { status?: OutboxStatus; page?: number; pageSize?: number }): Promise<OutboxPage> =>
  call('admin', 'outbox', input);
