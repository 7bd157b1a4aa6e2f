import type { OrderStatus } from '../../contract';
import type { NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import type { Relation } from './access';
import { districtOf } from './district';

/**
 * How much of an order's private part (contact phone, exact address, meeting link) one person sees.
 * The rule (SPEC "Rules"), the only place it is decided; every answer and message that carries an
 * order goes through it:
 * - `full`: the requester; admins whose org covers the order's; the volunteer who accepted it (by
 *   accepting, grabbing, or saying yes to a dispatch) and still holds it.
 * - `area`: the district and the venue type only: a named (or dispatched) volunteer who has not
 *   said yes yet, and volunteers the pool offers the open order to.
 * - `none`: everyone else, among them the named volunteer once they declined or the order was
 *   cancelled. Someone replaced, or whose order was handed back or reopened, no longer relates to
 *   the order at all and is not shown it.
 */
export type PrivateView = 'full' | 'area' | 'none';

/** States in which the named volunteer holds the order they said yes to. */
const HELD: OrderStatus[] = ['accepted', 'in_progress', 'completed', 'rated'];
/** States in which the named volunteer is still asked for their yes. */
const ASKED: OrderStatus[] = ['pending', 'expired'];

export function privateView(o: Pick<OrderRow, 'status'>, r: Relation): PrivateView {
  if (r.requester || r.admin) return 'full';
  const status = o.status as OrderStatus;
  if (r.volunteer) return HELD.includes(status) ? 'full' : ASKED.includes(status) ? 'area' : 'none';
  return r.candidate ? 'area' : 'none';
}

type Secrets = Pick<OrderRow, 'contact_phone' | 'venue_address' | 'venue_link'>;

/** The private fields as `view` allows them; the district falls back to the order's region. */
export function privatePart(o: Secrets & Pick<OrderRow, 'region'>, view: PrivateView) {
  const full = view === 'full';
  return {
    contactPhone: full ? o.contact_phone : null,
    address: full ? o.venue_address : null,
    link: full ? o.venue_link : null,
    district: view === 'none' ? null : districtOf(o.venue_address) ?? o.region,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Free text about the order (the requester's note, a need's description, timeline notes, an
 * admin's dispatch note, inbox messages, a public showcase summary) with the order's own phone,
 * address and link blanked for anyone short of `full`: people write them into notes, and a note
 * must not undo the rule. The phone is matched with any spaces or dashes between its digits.
 */
export function scrub(text: string, o: Secrets, view: PrivateView): string;
export function scrub(text: string | null, o: Secrets, view: PrivateView): string | null;
export function scrub(text: string | null, o: Secrets, view: PrivateView): string | null {
  if (text === null || view === 'full') return text;
  let out = text;
  const digits = o.contact_phone.replace(/\D/g, '');
  if (digits.length >= 7) out = out.replace(new RegExp(digits.split('').join('[\\s-]*'), 'g'), '（电话已隐藏）');
  for (const secret of [o.venue_address, o.venue_link]) {
    if (secret && secret.trim().length >= 4) out = out.replace(new RegExp(escape(secret.trim()), 'g'), '（地址已隐藏）');
  }
  return out;
}

/**
 * Messages about an order, each scrubbed for its recipient as the order stands after the change
 * that sends them. Only the requester and the volunteer holding the order may read its phone or
 * address in a message; admins are not told apart from others here (that needs their org) and
 * open the order instead, where the rule shows them everything.
 */
export function forRecipients(o: OrderRow, msgs: NewMessage[]): NewMessage[] {
  return msgs.map((m) => {
    const view = privateView(o, { requester: m.userId === o.requester_id, volunteer: m.userId === o.volunteer_user_id, admin: false });
    return { ...m, title: scrub(m.title, o, view), body: scrub(m.body, o, view) };
  });
}
