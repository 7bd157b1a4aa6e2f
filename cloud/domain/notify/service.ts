import type { Kysely } from 'kysely';
import {
  MAX_KINDS_PER_SUBSCRIBE, OUTBOX_STATUS_NAMES, SUBSCRIBE_KIND_NAMES, SUBSCRIBE_KINDS,
  type OutboxPage, type OutboxStatus, type SubscribeKind, type Subscriptions,
} from '../../contract';
import { creditsOf, listForOrgs, recordAnswers } from '../../db/repositories/outbox';
import type { DB } from '../../db/schema';
import { requireAdmin } from '../admin/scope';
import { pageQuery } from '../catalog/service';
import type { FullActor } from '../orders/transition';
import { toIso } from '../time';
import { NO_TEMPLATES, type NotifyConfig } from './templates';

/** `inbox.subscriptions`: per kind the template id the client asks for (none: not configured) and the unspent credits. */
export async function subscriptions(db: Kysely<DB>, userId: string, config: NotifyConfig = NO_TEMPLATES): Promise<Subscriptions> {
  const credits = await creditsOf(db, userId);
  return {
    kinds: SUBSCRIBE_KINDS.map((kind) => ({ kind, name: SUBSCRIBE_KIND_NAMES[kind], templateId: config.templates[kind]?.id ?? null, credits: credits.get(kind) ?? 0 })),
    maxPerRequest: MAX_KINDS_PER_SUBSCRIBE,
  };
}

/**
 * `inbox.subscribe`: what the user answered to one `requestSubscribeMessage` tap. Each one-time
 * acceptance lets us send one message of that kind (WeChat counts the same way).
 */
export async function subscribe(db: Kysely<DB>, userId: string, now: Date, kinds: { kind: SubscribeKind; accepted: boolean }[], config?: NotifyConfig) {
  await db.transaction().execute((trx) => recordAnswers(trx, userId, kinds, now));
  return subscriptions(db, userId, config);
}

/** `admin.outbox`: the WeChat messages about orders in the admin's scope, newest first. */
export async function outbox(db: Kysely<DB>, actor: FullActor, input: { status?: OutboxStatus; page?: number; pageSize?: number }): Promise<OutboxPage> {
  const scope = await requireAdmin(db, actor);
  const p = pageQuery(input);
  const { rows, total } = await listForOrgs(db, scope.orgIds, input.status, p);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as SubscribeKind,
      kindName: SUBSCRIBE_KIND_NAMES[r.kind as SubscribeKind] ?? r.kind,
      orderId: r.order_id,
      orderTitle: r.order_title,
      userId: r.user_id,
      userName: r.user_name,
      status: r.status as OutboxStatus,
      statusName: OUTBOX_STATUS_NAMES[r.status as OutboxStatus],
      attempts: r.attempts,
      lastError: r.last_error,
      at: toIso(r.created_at),
      nextAttemptAt: r.status === 'queued' ? toIso(r.next_attempt_at) : null,
      sentAt: r.sent_at ? toIso(r.sent_at) : null,
      transport: r.transport,
    })),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}
