/** Test data for the order subpackage's tests (imported by *.test.tsx only). */
import type { Me, Order, OrderDetail, TopicDetail, VolunteerProfile, VolunteerSummary } from '@cloud/contract';

export const me: Me = { id: '12', name: '王海涛', roles: ['worker'], orgId: '2', orgName: '杭州市总工会', company: '临安华力摩擦材料有限公司' };

export const speaker: VolunteerSummary = {
  id: '5', userId: '50', orgId: '2', name: '孔胜东', kinds: ['speaker'], title: '全国劳动模范', teamId: null, teamName: null, teamRole: null,
  skills: [], honours: ['全国劳动模范'], regions: ['杭州市'], rating: 4.8, ratingCount: 20, ordersDone: 40, serviceHours: 80,
};

export const topic: TopicDetail = {
  id: '9', title: '劳模精神代代传', summary: '', category: 'laomo', categoryName: '劳模精神', durations: [60, 45],
  audience: '职工', venueTypes: ['enterprise', 'workshop', 'online'], volunteerIds: ['5', '6'], orgId: '2',
  volunteers: [speaker, { ...speaker, id: '6', userId: '60', name: '余云建', title: '杭州市劳动模范' }],
};

export const profile = (freeSlots: VolunteerProfile['freeSlots']): VolunteerProfile => ({
  ...speaker, bio: '', orgId: '2', orgName: '杭州市总工会', topics: [{ id: '9', title: topic.title, category: 'laomo' }],
  services: [], weekly: [{ weekday: 3, start: '09:00', end: '12:00' }], freeSlots, cases: [],
});

export const order = (over: Partial<OrderDetail> = {}): OrderDetail => ({
  id: '77', kind: 'lecture', status: 'pending', start: '2026-11-25T09:00:00+08:00', end: '2026-11-25T10:00:00+08:00',
  durationMin: 60, named: true, volunteerId: '5', volunteerName: '孔胜东', topicId: '9', topicTitle: topic.title,
  serviceId: null, serviceTitle: null, teamId: null, teamName: null, requesterId: '12', requesterName: '王海涛',
  requesterCompany: '临安华力摩擦材料有限公司', orgId: '2', venue: { type: 'enterprise', address: '杭州市临安区锦城街道 1 号', link: null },
  contactPhone: '13800001111', headcount: 50, note: '', title: null, field: null, description: null, photos: [], urgency: null,
  createdAt: '2026-11-23T10:00:00+08:00', acceptedAt: null, checkedInAt: null, completedAt: null, record: null, rating: null,
  ratingComment: null, escalatedAt: null, confirmedAt: null, disputedAt: null, disputeReason: null, region: null, showcase: false,
  actions: ['cancel', 'reschedule'],
  timeline: [{ at: '2026-11-23T10:00:00+08:00', from: null, to: 'pending', by: '12', byName: '王海涛', note: '点单：孔胜东' }],
  ...over,
});

export const asOrder = (o: OrderDetail): Order => {
  const { timeline: _t, ...rest } = o;
  return rest;
};
