import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { InboxPage, Order, OrderDetail, Page, VolunteerProfile } from '../../cloud/contract';
import { escalateOverdue } from '../../cloud/domain/orders/sla';
import { bookableLecture, createWorkers, lectureInput, newRequestId, sessionFor, userIdOfVolunteer, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const errorCode = (res: { body: { ok: boolean; error?: { code: string } } }) => (res.body.ok ? 'OK' : res.body.error!.code);

describe('lecture ordering on PGlite', () => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;
  let outsider: Session;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await createTestServer(database);
    [worker, outsider] = await createWorkers(server, 2);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('books a named speaker, who accepts, checks in, records; the requester rates; timeline and hours follow', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server);
    const speakerSession = sessionFor(server, await userIdOfVolunteer(server, speaker.id));

    const created = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    expect(created).toMatchObject({ kind: 'lecture', status: 'pending', volunteerId: speaker.id, named: true, start: slot.start });
    expect(created.actions).toEqual(expect.arrayContaining(['cancel', 'reschedule']));

    // The slot is no longer free on the speaker's page.
    const after = okData(await server.call<VolunteerProfile>('catalog', 'volunteer', { id: speaker.id }));
    expect(after.freeSlots.some((s) => s.start <= created.start && created.start < s.end)).toBe(false);

    // The speaker sees it named to them, and was told.
    const inbox = okData(await speakerSession.call<Page<Order>>('task', 'inbox'));
    expect(inbox.items.map((o) => o.id)).toContain(created.id);
    const note = okData(await speakerSession.call<InboxPage>('inbox', 'list'));
    expect(note.unread).toBeGreaterThan(0);
    expect(note.items[0]).toMatchObject({ orderId: created.id, title: '新的宣讲预约' });

    expect(okData(await speakerSession.call<Order>('task', 'accept', { id: created.id })).status).toBe('accepted');
    // Too early to check in: the start is more than 2 h away.
    expect(errorCode(await speakerSession.call('task', 'checkIn', { id: created.id }))).toBe('CONFLICT');

    // Move the clock to 30 minutes before the start (as a server restarted with an offset would).
    const shift = Math.ceil((new Date(created.start).getTime() - Date.now()) / 60_000) - 30;
    const later = await createTestServer(database, { offsetMinutes: shift });
    const speakerLater = sessionFor(later, speakerSession.userId);
    const workerLater = sessionFor(later, worker.userId);
    try {
      const inProgress = okData(await speakerLater.call<Order>('task', 'checkIn', { id: created.id, location: { latitude: 29.3, longitude: 120.07, address: '义乌市稠城街道' } }));
      expect(inProgress.status).toBe('in_progress');
      // A second check-in is refused: the state moved on.
      expect(errorCode(await speakerLater.call('task', 'checkIn', { id: created.id }))).toBe('CONFLICT');
      // Rating before completion is refused.
      expect(errorCode(await workerLater.call('order', 'rate', { id: created.id, score: 5 }))).toBe('CONFLICT');
      const done = okData(await speakerLater.call<Order>('task', 'complete', { id: created.id, record: { peopleServed: 58, summary: '讲述劳模成长故事，现场互动热烈。' } }));
      expect(done.status).toBe('completed');
      expect(done.record).toMatchObject({ peopleServed: 58 });

      // The speaker cannot rate; the requester can, once.
      expect(errorCode(await speakerLater.call('order', 'rate', { id: created.id, score: 5 }))).toBe('FORBIDDEN');
      const rated = okData(await workerLater.call<Order>('order', 'rate', { id: created.id, score: 5, comment: '讲得真好' }));
      expect(rated).toMatchObject({ status: 'rated', rating: 5 });
      expect(errorCode(await workerLater.call('order', 'rate', { id: created.id, score: 4 }))).toBe('CONFLICT');

      const detail = okData(await workerLater.call<OrderDetail>('order', 'get', { id: created.id }));
      expect(detail.timeline.map((t) => t.to)).toEqual(['pending', 'accepted', 'in_progress', 'completed', 'rated']);
      expect(detail.timeline[0]).toMatchObject({ from: null, by: worker.userId });
      expect(detail.timeline[1].by).toBe(speakerSession.userId);

      const profile = okData(await later.call<VolunteerProfile>('catalog', 'volunteer', { id: speaker.id }));
      expect(profile.ordersDone).toBe(speaker.ordersDone + 1);
      expect(profile.rating).toBe(5);
      // Checked in 30 min before the start and completed at once: credited hours stay ≥ 0 and ≤ booked.
      expect(profile.serviceHours).toBeGreaterThanOrEqual(speaker.serviceHours);
      expect(profile.serviceHours).toBeLessThanOrEqual(speaker.serviceHours + duration / 60);
    } finally {
      await later.close();
    }
  });

  it('returns the same order for a retried request id, and refuses an overlapping booking', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: 1 });
    const input = lectureInput(topic.id, speaker.id, slot.start, duration);
    const a = okData(await worker.call<Order>('order', 'create', input));
    const b = okData(await worker.call<Order>('order', 'create', input));
    expect(b.id).toBe(a.id);
    const other = await outsider.call('order', 'create', { ...input, requestId: newRequestId() });
    expect(other.status).toBe(409);
    expect(errorCode(other)).toBe('CONFLICT');
    // Cancel frees the slot at once.
    expect(okData(await worker.call<Order>('order', 'cancel', { id: a.id, reason: '单位临时有会' })).status).toBe('cancelled');
    expect(okData(await outsider.call<Order>('order', 'create', { ...input, requestId: newRequestId() })).status).toBe('pending');
  });

  it('keeps orders private: outsiders get NOT_FOUND, the pool hides phone and address', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: 2 });
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    const peek = await outsider.call('order', 'get', { id: order.id });
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toContain('13800001234');
    expect(errorCode(await outsider.call('order', 'cancel', { id: order.id, reason: '捣乱一下' }))).toBe('NOT_FOUND');
    const own = okData(await worker.call<OrderDetail>('order', 'get', { id: order.id }));
    expect(own.contactPhone).toBe('13800001234');
    expect(own.venue.address).toContain('工人北路');
  });

  it('a decline sends the order to the pool of the other speakers; one grabs it', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { minSpeakers: 2 });
    const first = sessionFor(server, await userIdOfVolunteer(server, speaker.id));
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    expect(errorCode(await first.call('task', 'decline', { id: order.id, reason: '' }))).toBe('VALIDATION');
    const declined = okData(await first.call<Order>('task', 'decline', { id: order.id, reason: '当天外出培训' }));
    expect(declined).toMatchObject({ status: 'pending', volunteerId: null, named: false });

    const other = topic.volunteers.find((v) => v.id !== speaker.id)!;
    const otherSession = sessionFor(server, await userIdOfVolunteer(server, other.id));
    const pool = okData(await otherSession.call<Page<Order>>('task', 'pool'));
    const inPool = pool.items.find((o) => o.id === order.id)!;
    expect(inPool).toBeDefined();
    expect(inPool.contactPhone).toBeNull();
    expect(inPool.venue.address).toBeNull();

    // A worker is not a volunteer: FORBIDDEN. The first speaker may grab it back too, but the other is quicker.
    expect(errorCode(await outsider.call('task', 'grab', { id: order.id }))).toBe('FORBIDDEN');
    const grabbed = await otherSession.call<Order>('task', 'grab', { id: order.id });
    if (grabbed.body.ok) {
      expect(grabbed.body.data).toMatchObject({ status: 'accepted', volunteerId: other.id, contactPhone: '13800001234' });
      expect(errorCode(await first.call('task', 'grab', { id: order.id }))).toBe('CONFLICT');
    } else {
      // The other speaker is busy at that time: the exclusion constraint says so, as CONFLICT.
      expect(grabbed.body.error.code).toBe('CONFLICT');
    }
    const timeline = okData(await worker.call<OrderDetail>('order', 'get', { id: order.id })).timeline.map((t) => t.to);
    expect(timeline.slice(0, 3)).toEqual(['pending', 'declined', 'pending']);
  });

  it('refuses bad bookings with VALIDATION naming the field', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server);
    const base = lectureInput(topic.id, speaker.id, slot.start, duration);
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const far = new Date(Date.now() + 100 * 86_400_000).toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ start: soon }, 'start'],
      [{ start: far }, 'start'],
      [{ contactPhone: '12345' }, 'contactPhone'],
      [{ durationMin: 37 }, 'durationMin'],
      [{ venue: { type: 'enterprise' } }, 'venue.address'],
      [{ venue: { type: 'online', link: 'not a link' } }, 'venue.link'],
      [{ requestId: 'x' }, 'requestId'],
      [{ topicId: undefined }, 'topicId'],
    ];
    for (const [patch, field] of cases) {
      const res = await worker.call('order', 'create', { ...base, ...patch, requestId: (patch.requestId as string) ?? newRequestId() });
      expect(errorCode(res), JSON.stringify(patch)).toBe('VALIDATION');
      expect(Object.keys((res.body as { error: { fields?: object } }).error.fields ?? {}), JSON.stringify(patch)).toContain(field);
    }
    // Outside the speaker's weekly windows: 03:00 on the slot's day.
    const night = slot.start.slice(0, 11) + '03:00:00+08:00';
    const res = await worker.call('order', 'create', { ...base, start: night, requestId: newRequestId() });
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('escalates an unanswered order after 24 h and tells the admins', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: 3 });
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    expect(await escalateOverdue(database.db, new Date(Date.now() + 23 * 3600_000))).not.toContain(order.id);
    expect(await escalateOverdue(database.db, new Date(Date.now() + 25 * 3600_000))).toContain(order.id);
    const detail = okData(await worker.call<OrderDetail>('order', 'get', { id: order.id }));
    expect(detail.status).toBe('expired');
    expect(detail.timeline.at(-1)).toMatchObject({ from: 'pending', to: 'expired', by: null });
    const admins = await database.db.selectFrom('users').select('id').where('org_id', '=', detail.orgId).execute();
    const adminInbox = await database.db.selectFrom('inbox_messages').select('user_id').where('order_id', '=', order.id).execute();
    expect(adminInbox.some((m) => admins.some((a) => a.id === m.user_id))).toBe(true);
  });

  it('lets a volunteer edit weekly availability, validated', async () => {
    const { speaker } = await bookableLecture(server);
    const s = sessionFor(server, await userIdOfVolunteer(server, speaker.id));
    const overlap = await s.call('task', 'setAvailability', { weekly: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 2, start: '11:00', end: '13:00' }], blocked: [] });
    expect(errorCode(overlap)).toBe('VALIDATION');
    const saved = okData(await s.call<{ weekly: unknown[]; blocked: string[] }>('task', 'setAvailability', { weekly: [{ weekday: 2, start: '09:00', end: '12:00' }], blocked: ['2099-01-01'] }));
    expect(saved).toEqual({ weekly: [{ weekday: 2, start: '09:00', end: '12:00' }], blocked: ['2099-01-01'] });
    expect(errorCode(await worker.call('task', 'setAvailability', { weekly: [], blocked: [] }))).toBe('FORBIDDEN');
  });
});
