import type { Order, OrderKind, OrderStatus, ServiceRecord, VenueType } from '../../contract';
import type { OrderRow } from '../../db/repositories/orders';
import { toIso } from '../time';
import { allowedActions, type Relation } from './access';
import { privatePart, privateView, scrub } from './privacy';

const isoOrNull = (d: Date | null) => (d ? toIso(d) : null);

/** Row → contract. Phone, exact address and link as privacy.ts allows this caller, nothing more. */
export function toOrder(o: OrderRow, rel: Relation, now: Date): Order {
  const view = privateView(o, rel);
  const priv = privatePart(o, view);
  return {
    id: o.id,
    kind: o.kind as OrderKind,
    status: o.status as OrderStatus,
    start: toIso(o.start_at),
    end: toIso(o.end_at),
    durationMin: o.duration_min,
    named: o.named,
    volunteerId: o.volunteer_id,
    volunteerName: o.volunteer_name,
    topicId: o.topic_id,
    topicTitle: o.topic_title,
    serviceId: o.service_id,
    serviceTitle: o.service_title,
    teamId: o.team_id,
    teamName: o.team_name,
    requesterId: o.requester_id,
    requesterName: o.requester_name,
    requesterCompany: o.requester_company,
    orgId: o.org_id,
    venue: {
      type: o.venue_type as VenueType,
      address: priv.address,
      link: priv.link,
    },
    contactPhone: priv.contactPhone,
    district: priv.district,
    headcount: o.headcount,
    note: scrub(o.note, o, view),
    title: scrub(o.title, o, view),
    field: o.field,
    description: scrub(o.description, o, view),
    photos: o.photos,
    urgency: o.urgency as Order['urgency'],
    ...(rel.requester ? { requestId: o.request_id } : {}),
    createdAt: toIso(o.created_at),
    acceptedAt: isoOrNull(o.accepted_at),
    checkedInAt: isoOrNull(o.checked_in_at),
    checkInVerified: o.checked_in_at ? o.check_in_verified === true : null,
    completedAt: isoOrNull(o.completed_at),
    record: (o.record as ServiceRecord | null) ?? null,
    rating: o.rating,
    ratingComment: o.rating_comment,
    escalatedAt: isoOrNull(o.escalated_at),
    confirmedAt: isoOrNull(o.confirmed_at),
    disputedAt: isoOrNull(o.disputed_at),
    disputeReason: o.dispute_reason,
    region: o.region,
    showcase: o.showcase,
    actions: allowedActions(o, rel, now),
  };
}
