import type { Order } from '../../cloud/contract';
import { newRequestId, type Session } from './actors';
import { okData, type TestServer } from './server';

/** A need as an enterprise posts it (the earliest wanted time two days out by default). */
export function needInput(over: Record<string, unknown> = {}) {
  return {
    kind: 'need',
    title: '不锈钢焊接变形如何控制',
    field: '焊接',
    description: '薄板不锈钢焊接后变形严重，返工率高，希望技术服务队现场指导。',
    urgency: 'urgent',
    start: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    durationMin: 120,
    venue: { type: 'workshop', address: '德清县钟管镇工业园区 8 号车间' },
    contactPhone: '13900004321',
    requestId: newRequestId(),
    ...over,
  };
}

export async function postNeed(s: Session, over: Record<string, unknown> = {}): Promise<Order> {
  return okData(await s.call<Order>('order', 'create', needInput(over)));
}

/** Creates `n` approved technicians with the given skill, each a session. */
export async function createTechnicians(server: TestServer, n: number, skill: string, tag: string): Promise<(Session & { volunteerId: string })[]> {
  const db = server.services.db;
  const org = await db.selectFrom('orgs').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const out: (Session & { volunteerId: string })[] = [];
  const users = await db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ name: `${tag}技师${i + 1}`, roles: ['volunteer'], org_id: org.id, company: null, phone: null, openid: null })))
    .returning('id')
    .execute();
  const vols = await db
    .insertInto('volunteers')
    .values(users.map((u) => ({ user_id: u.id, org_id: org.id, kinds: ['technician'], skills: [skill], regions: ['测试'], team_id: null, team_role: null })))
    .returning(['id', 'user_id'])
    .execute();
  for (const v of vols) {
    const token = server.services.tokens.sign(v.user_id, server.services.clock.now());
    out.push({ userId: v.user_id, token, volunteerId: v.id, call: (fn, action, data) => server.call(fn, action, data, token) });
  }
  return out;
}
