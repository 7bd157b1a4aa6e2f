import type { Envelope, Order, Page, TopicDetail, TopicSummary, VolunteerProfile } from '../../cloud/contract';
import { okData, type TestServer } from './server';

export interface Session {
  userId: string;
  token: string;
  call<T = unknown>(fn: string, action: string, data?: unknown): Promise<{ status: number; body: Envelope<T> }>;
}

/** A session for an existing user, with a token signed by the server's own signer. */
export function sessionFor(server: TestServer, userId: string): Session {
  const token = server.services.tokens.sign(userId, server.services.clock.now());
  return {
    userId,
    token,
    call: <T>(fn: string, action: string, data?: unknown) => server.call<T>(fn, action, data, token),
  };
}

/** Creates `n` fresh workers (so concurrent tests have distinct requesters). */
export async function createWorkers(server: TestServer, n: number, prefix = '测试职工'): Promise<Session[]> {
  const rows = await server.services.db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}`, roles: ['worker'], org_id: null, company: '测试企业', phone: null, openid: null })))
    .returning('id')
    .execute();
  return rows.map((r) => sessionFor(server, r.id));
}

export async function userIdOfVolunteer(server: TestServer, volunteerId: string): Promise<string> {
  const row = await server.services.db.selectFrom('volunteers').select('user_id').where('id', '=', volunteerId).executeTakeFirstOrThrow();
  return row.user_id;
}

/** A topic with at least `minSpeakers` speakers, and one of its speakers' first free slot. */
export async function bookableLecture(server: TestServer, opts: { minSpeakers?: number; skip?: number } = {}) {
  const topics = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { pageSize: 100 })).items;
  const candidates = topics.filter((t) => t.volunteerIds.length >= (opts.minSpeakers ?? 1) && t.venueTypes.includes('enterprise'));
  const topic = okData(await server.call<TopicDetail>('catalog', 'topic', { id: candidates[opts.skip ?? 0].id }));
  const speaker = topic.volunteers[0];
  const profile = okData(await server.call<VolunteerProfile>('catalog', 'volunteer', { id: speaker.id }));
  const duration = Math.min(...topic.durations);
  const slot = profile.freeSlots.find((s) => new Date(s.end).getTime() - new Date(s.start).getTime() >= duration * 60_000)!;
  return { topic, speaker, profile, slot, duration };
}

let seq = 0;
export const newRequestId = () => `req-${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function lectureInput(topicId: string, volunteerId: string | undefined, start: string, durationMin: number, requestId = newRequestId()) {
  return {
    kind: 'lecture',
    topicId,
    ...(volunteerId ? { volunteerId } : {}),
    start,
    durationMin,
    venue: { type: 'enterprise', address: '义乌市稠城街道工人北路 1 号 3 楼报告厅' },
    headcount: 60,
    contactPhone: '13800001234',
    note: '请准备 PPT',
    requestId,
  };
}

export type { Order };
