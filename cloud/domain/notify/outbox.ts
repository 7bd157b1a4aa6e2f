import type { Transaction } from 'kysely';
import { insertMessages, type NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import { queueRows, rowKey, type NewOutboxRow, type PushFacts } from '../../db/repositories/outbox';
import type { DB } from '../../db/schema';
import type { InboxDraft, OutboxDraft } from '../../db/repositories/order-write';
import { forRecipients, privateView, scrub } from '../orders/privacy';

/**
 * Writes the messages one change of `o` causes, inside that change's transaction: the inbox
 * messages, and for those marked `push` an outbox row each (the WeChat subscribe message). `event`
 * names the change ('e<order_events.id>' for a transition, 'remind24h@…' for a reminder): a row
 * already queued for (order, event, recipient) is not queued again, and then its inbox message is
 * not written again either, so a retried change or an overlapping timer run tells nobody twice.
 * Text and facts are scrubbed for each recipient as the order stands after the change.
 * Answers the recipients told now.
 */
export async function deliver(trx: Transaction<DB>, o: OrderRow, msgs: NewMessage[], now: Date, event: string): Promise<string[]> {
  const scrubbed = forRecipients(o, msgs);
  const rows = new Map<string, NewOutboxRow>();
  for (const m of scrubbed) {
    if (!m.push) continue;
    const row = { orderId: o.id, event, userId: m.userId, kind: m.push.kind, facts: scrubFacts(o, m.userId, m.push.facts) };
    if (!rows.has(rowKey(row))) rows.set(rowKey(row), row);
  }
  const queued = await queueRows(trx, [...rows.values()], now);
  const written = new Set<string>();
  const inbox = scrubbed.filter((m) => {
    const key = rowKey({ orderId: o.id, event, userId: m.userId });
    if (m.push && (!queued.has(key) || written.has(key))) return false;
    if (m.push) written.add(key);
    return true;
  });
  await insertMessages(trx, inbox.map(({ push: _push, ...m }) => m), now);
  return inbox.map((m) => m.userId);
}

/**
 * The same messages as `deliver`, as drafts for a change written in one statement
 * (`writeOrderChange`): scrubbed per recipient, one subscribe message per recipient, each pushed
 * inbox message tied to its subscribe message.
 */
export function planDelivery(o: OrderRow, msgs: NewMessage[]): { outbox: OutboxDraft[]; inbox: InboxDraft[] } {
  const outbox = new Map<string, OutboxDraft>();
  const inbox: InboxDraft[] = [];
  for (const m of forRecipients(o, msgs)) {
    if (m.push) {
      if (outbox.has(m.userId)) continue;
      outbox.set(m.userId, { userId: m.userId, kind: m.push.kind, payload: scrubFacts(o, m.userId, m.push.facts) });
    }
    inbox.push({ userId: m.userId, title: m.title, body: m.body, push: !!m.push });
  }
  return { outbox: [...outbox.values()], inbox };
}

/** The private part of an order never leaves in a subscribe message to someone short of `full`. */
function scrubFacts(o: OrderRow, userId: string, f: PushFacts): PushFacts {
  const view = privateView(o, { requester: userId === o.requester_id, volunteer: userId === o.volunteer_user_id, admin: false });
  return { ...f, title: scrub(f.title, o, view), name: scrub(f.name, o, view), note: scrub(f.note, o, view) };
}
