import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';
import type { Push } from './outbox';
import { pageWithTotal, type PageQuery } from './search';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewMessage {
  userId: string;
  orderId: string | null;
  title: string;
  body: string;
  /** Also a WeChat subscribe message of this kind, queued in the outbox (see domain/notify/outbox.ts). */
  push?: Push;
}

export async function insertMessages(db: Db, messages: NewMessage[], at: Date) {
  if (!messages.length) return;
  await db
    .insertInto('inbox_messages')
    .values(messages.map((m) => ({ user_id: m.userId, order_id: m.orderId, title: m.title, body: m.body, created_at: at })))
    .execute();
}

export async function listMessages(db: Db, userId: string, unreadOnly: boolean, page: PageQuery) {
  let q = db
    .selectFrom('inbox_messages')
    .select(['id', 'order_id', 'title', 'body', 'created_at', 'read_at', sql<string>`count(*) over ()`.as('total')])
    .where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return pageWithTotal((limit, offset) => q.orderBy('id', 'desc').limit(limit).offset(offset).execute(), page);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one message (or all) read; only the owner's messages are touched. */
export async function markRead(db: Db, userId: string, id: string | null, at: Date): Promise<number> {
  let q = db.updateTable('inbox_messages').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Users who should hear about an order's escalation: the admins of its organisation. */
export async function adminsOfOrg(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .execute();
  return rows.map((r) => r.id);
}
