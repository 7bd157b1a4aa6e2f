import { rangeOf } from '../../cloud/db/repositories/orders';
import type { TestDatabase } from './db';

export interface FixtureOrder {
  kind: 'lecture' | 'service' | 'need';
  status: string;
  orgId: string;
  start: string;
  requesterId: string;
  volunteerId?: string | null;
  topicId?: string | null;
  teamId?: string | null;
  rating?: number | null;
  peopleServed?: number;
  creditedMinutes?: number;
  outcome?: 'resolved' | 'partly' | 'unresolved';
  confirmed?: boolean;
  responseMinutes?: number;
}

/** Inserts orders exactly as described (bypassing the rules), for statistics with known answers. */
export async function insertFixtureOrders(database: TestDatabase, orders: FixtureOrder[], tag: string) {
  const rows = orders.map((o, i) => {
    const start = new Date(o.start);
    const created = new Date(start.getTime() - 3 * 86_400_000);
    const done = ['completed', 'rated'].includes(o.status);
    return {
      kind: o.kind, status: o.status, requester_id: o.requesterId, org_id: o.orgId, topic_id: o.topicId ?? null, service_id: null,
      team_id: o.teamId ?? null, volunteer_id: o.volunteerId ?? null, named: !!o.volunteerId,
      during: rangeOf(start, new Date(start.getTime() + 3600_000)), duration_min: 60, venue_type: 'enterprise', venue_address: '测试地址',
      venue_link: null, headcount: null, contact_phone: '13800000000', title: o.kind === 'need' ? `测试需求${i}` : null,
      field: o.kind === 'need' ? '焊接' : null, description: null, urgency: null, region: null,
      request_id: `fx-${tag}-${i}`, created_at: created, updated_at: created, pending_since: created,
      accepted_at: o.responseMinutes !== undefined ? new Date(created.getTime() + o.responseMinutes * 60_000) : null,
      completed_at: done ? new Date(start.getTime() + 3600_000) : null,
      record: done ? JSON.stringify({ peopleServed: o.peopleServed ?? 0, summary: '测试', ...(o.outcome ? { outcome: o.outcome } : {}) }) : null,
      credited_minutes: done ? o.creditedMinutes ?? 60 : null,
      rating: o.rating ?? null, confirmed_at: o.confirmed ? start : null,
      team_broadcast_at: null, disputed_at: null, dispute_reason: null,
    };
  });
  await database.db.insertInto('orders').values(rows).execute();
}
