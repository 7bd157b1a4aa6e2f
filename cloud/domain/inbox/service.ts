import type { Kysely } from 'kysely';
import type { InboxPage } from '../../contract';
import { listMessages, markRead, unreadCount } from '../../db/repositories/inbox';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import { toIso } from '../time';

export async function list(db: Kysely<DB>, userId: string, input: { unreadOnly?: boolean; page?: number; pageSize?: number }): Promise<InboxPage> {
  const p = pageQuery(input);
  const [{ rows, total }, unread] = await Promise.all([listMessages(db, userId, !!input.unreadOnly, p), unreadCount(db, userId)]);
  return {
    items: rows.map((r) => ({ id: r.id, orderId: r.order_id, title: r.title, body: r.body, createdAt: toIso(r.created_at), read: r.read_at !== null })),
    total,
    page: p.page,
    pageSize: p.pageSize,
    unread,
  };
}

export async function read(db: Kysely<DB>, userId: string, now: Date, id: string | null) {
  const updated = await markRead(db, userId, id, now);
  return { updated, unread: await unreadCount(db, userId) };
}
