import type { Order, OrderDetail } from '@cloud/contract';

/** A lecture order as the server answers it (tests only). */
export function makeOrder(over: Partial<Order> = {}): Order {
  return {
    id: '101',
    kind: 'lecture',
    status: 'pending',
    start: '2025-11-25T01:00:00.000Z',
    end: '2025-11-25T02:00:00.000Z',
    durationMin: 60,
    named: false,
    volunteerId: null,
    volunteerName: null,
    topicId: '9',
    topicTitle: '新时代劳模精神',
    serviceId: null,
    serviceTitle: null,
    teamId: null,
    teamName: null,
    requesterId: '70',
    requesterName: '李娜',
    requesterCompany: '杭州汽轮机厂',
    orgId: '1',
    venue: { type: 'enterprise', address: null, link: null },
    contactPhone: null,
    headcount: 80,
    note: '',
    title: null,
    field: null,
    description: null,
    photos: [],
    urgency: null,
    createdAt: '2025-11-20T01:00:00.000Z',
    acceptedAt: null,
    checkedInAt: null,
    completedAt: null,
    record: null,
    rating: null,
    ratingComment: null,
    escalatedAt: null,
    confirmedAt: null,
    disputedAt: null,
    disputeReason: null,
    region: '杭州',
    showcase: false,
    actions: [],
    ...over,
  };
}

export function makeDetail(over: Partial<OrderDetail> = {}): OrderDetail {
  return { ...makeOrder(over), timeline: [], ...over };
}
