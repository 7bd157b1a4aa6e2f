import { sql, type Kysely } from 'kysely';
import type { NewMessage } from '../../db/repositories/inbox';
import { getOrder, orderQuery, type OrderRow } from '../../db/repositories/orders';
import { queuedEvents } from '../../db/repositories/outbox';
import type { DB } from '../../db/schema';
import { allowedActions } from '../orders/access';
import { messages } from '../orders/notify';
import { RATING_WINDOW_DAYS, SLA_HOURS } from '../orders/rules';
import { deliver } from './outbox';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * One timed nudge. It is due from `at(order)` until `until(order)` (the next nudge, or the point
 * where it no longer makes sense), and sent at most once per order and `event(order)`: the event
 * carries the instant it is about (the start, the completion, the SLA clock), so an order that is
 * rescheduled or waits again gets its nudges again, while overlapping timer runs and several
 * processes are kept to one by the outbox's unique key.
 */
interface Reminder {
  name: string;
  /** Candidate orders, narrowed in SQL: the status and a window around `now`. */
  candidates(db: Kysely<DB>, now: Date): Promise<OrderRow[]>;
  at(o: OrderRow): number;
  until(o: OrderRow): number;
  event(o: OrderRow): string;
  /** Extra rule on the row (e.g. the order was accepted before this reminder's time). */
  applies?(o: OrderRow, now: Date): boolean;
  messages(o: OrderRow, trx: Kysely<DB>, now: Date): Promise<NewMessage[]> | NewMessage[];
}

const iso = (d: Date) => d.toISOString();
const startsBetween = (from: Date, to: Date) => sql<boolean>`lower(o.during) > ${iso(from)}::timestamptz AND lower(o.during) <= ${iso(to)}::timestamptz`;

/** Before an accepted order's start, to both sides: `hours` before, until the next reminder. */
function beforeStart(hours: number, nextHours: number): Reminder {
  return {
    name: `remind${hours}h`,
    candidates: async (db, now) =>
      (await orderQuery(db)
        .where('o.status', '=', 'accepted')
        .where(startsBetween(new Date(now.getTime() + nextHours * HOUR), new Date(now.getTime() + hours * HOUR)))
        .orderBy('o.id')
        .execute()) as OrderRow[],
    at: (o) => o.start_at.getTime() - hours * HOUR,
    until: (o) => o.start_at.getTime() - nextHours * HOUR,
    event: (o) => `remind${hours}h@${iso(o.start_at)}`,
    // Accepted after this reminder's time: the yes itself was the news, no reminder on its heels.
    applies: (o) => !o.accepted_at || o.accepted_at.getTime() <= o.start_at.getTime() - hours * HOUR,
    messages: (o) => [
      ...(o.volunteer_user_id ? [messages.startsSoon(o, o.volunteer_user_id, 'volunteer', hours)] : []),
      messages.startsSoon(o, o.requester_id, 'requester', hours),
    ],
  };
}

/** After completion, to the requester while the order is still unrated and rating is open. */
function rateNudge(afterHours: number, untilHours: number): Reminder {
  return {
    name: `rate${afterHours}h`,
    candidates: async (db, now) =>
      (await orderQuery(db)
        .where('o.status', '=', 'completed')
        .where('o.completed_at', '<=', new Date(now.getTime() - afterHours * HOUR))
        .where('o.completed_at', '>', new Date(now.getTime() - untilHours * HOUR))
        .orderBy('o.id')
        .execute()) as OrderRow[],
    at: (o) => o.completed_at!.getTime() + afterHours * HOUR,
    until: (o) => o.completed_at!.getTime() + untilHours * HOUR,
    event: (o) => `rate${afterHours}h@${iso(o.completed_at!)}`,
    // The same rule that shows the 评价 button (needs first go through confirm/dispute, which keep them completed).
    applies: (o, now) => allowedActions(o, { requester: true, volunteer: false, admin: false }, now).includes('rate'),
    messages: (o, _trx, now) => [messages.rateNudge(o, Math.max(1, Math.ceil((o.completed_at!.getTime() + RATING_WINDOW_DAYS * DAY - now.getTime()) / DAY)))],
  };
}

/** Hours before the SLA runs out that whoever is asked for a yes hears of it. */
export const SLA_WARNING_HOURS = 4;

/** A pending order close to its SLA: to the named volunteer, else the team's captain. */
const slaWarning: Reminder = {
  name: 'slaWarning',
  candidates: async (db, now) => {
    const parts = (Object.keys(SLA_HOURS) as (keyof typeof SLA_HOURS)[]).map(
      (kind) => sql<boolean>`(o.kind = ${kind} AND o.pending_since <= ${iso(new Date(now.getTime() - (SLA_HOURS[kind] - SLA_WARNING_HOURS) * HOUR))}::timestamptz
        AND o.pending_since > ${iso(new Date(now.getTime() - SLA_HOURS[kind] * HOUR))}::timestamptz)`,
    );
    return (await orderQuery(db)
      .where('o.status', '=', 'pending')
      .where((eb) => eb.or([eb('o.volunteer_id', 'is not', null), eb('o.team_id', 'is not', null)]))
      .where(sql<boolean>`(${sql.join(parts, sql` OR `)})`)
      .orderBy('o.id')
      .execute()) as OrderRow[];
  },
  at: (o) => o.pending_since.getTime() + (SLA_HOURS[o.kind] - SLA_WARNING_HOURS) * HOUR,
  until: (o) => o.pending_since.getTime() + SLA_HOURS[o.kind] * HOUR,
  event: (o) => `slaWarning@${iso(o.pending_since)}`,
  applies: (o, now) => now < o.start_at,
  messages: async (o, trx) => {
    if (o.volunteer_user_id) return [messages.answerSoon(o, o.volunteer_user_id, SLA_WARNING_HOURS)];
    const captains = await trx
      .selectFrom('volunteers')
      .select('user_id')
      .where('team_id', '=', o.team_id!)
      .where('team_role', '=', 'captain')
      .where('status', '=', 'approved')
      .orderBy('user_id')
      .execute();
    return captains.map((c) => messages.answerSoon(o, c.user_id, SLA_WARNING_HOURS));
  },
};

function isDue(r: Reminder, o: OrderRow, now: Date) {
  const t = now.getTime();
  return r.at(o) <= t && t < r.until(o) && (r.applies?.(o, now) ?? true);
}

export const REMINDERS: Reminder[] = [beforeStart(24, 2), beforeStart(2, 0), rateNudge(1, 7 * 24), rateNudge(7 * 24, RATING_WINDOW_DAYS * 24), slaWarning];

/**
 * Run by the timer after SLA escalation: every reminder due at `now` and not yet sent, each kind
 * in its own transaction. Answers how many orders each reminded.
 */
export async function sendReminders(db: Kysely<DB>, now: Date): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of REMINDERS) {
    const due = (await r.candidates(db, now)).filter((o) => isDue(r, o, now));
    if (!due.length) {
      out[r.name] = 0;
      continue;
    }
    // Most were sent by an earlier run: skip those without opening a transaction.
    const done = await queuedEvents(db, due.map((o) => o.id), due.map((o) => r.event(o)));
    const todo = due.filter((o) => !done.has(`${o.id}|${r.event(o)}`));
    out[r.name] = await db.transaction().execute(async (trx) => {
      let told = 0;
      for (const candidate of todo) {
        // As the order stands now: cancelled or rescheduled since the list was read → not due.
        const o = await getOrder(trx, candidate.id);
        if (!o || o.status !== candidate.status || !isDue(r, o, now) || r.event(o) !== r.event(candidate)) continue;
        const users = await deliver(trx, o, await r.messages(o, trx, now), now, r.event(o));
        if (users.length) told++;
      }
      return told;
    });
  }
  return out;
}
