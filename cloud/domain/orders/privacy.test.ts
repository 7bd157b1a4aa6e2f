import { describe, expect, it } from '@jest/globals';
import type { OrderStatus } from '../../contract';
import type { NewMessage } from '../../db/repositories/inbox';
import type { OrderRow } from '../../db/repositories/orders';
import { forRecipients, privatePart, privateView, scrub } from './privacy';

const none = { requester: false, volunteer: false, admin: false };
const order = { contact_phone: '13912345678', venue_address: '义乌市稠城街道工人北路 1 号', venue_link: null, region: '义乌' };

describe('privateView', () => {
  it.each<[OrderStatus, string]>([
    ['pending', 'area'], ['expired', 'area'],
    ['accepted', 'full'], ['in_progress', 'full'], ['completed', 'full'], ['rated', 'full'],
    ['declined', 'none'], ['cancelled', 'none'],
  ])('the named volunteer of a %s order sees %s', (status, view) => {
    expect(privateView({ status }, { ...none, volunteer: true })).toBe(view);
  });

  it('the requester and the admins see everything in every state; a pool candidate the area; others nothing', () => {
    for (const status of ['pending', 'declined', 'cancelled', 'rated'] as OrderStatus[]) {
      expect(privateView({ status }, { ...none, requester: true })).toBe('full');
      expect(privateView({ status }, { ...none, admin: true })).toBe('full');
      expect(privateView({ status }, none)).toBe('none');
    }
    expect(privateView({ status: 'pending' }, { ...none, candidate: true })).toBe('area');
  });
});

describe('privatePart and scrub', () => {
  it('gives the district, never the address or phone, short of full', () => {
    expect(privatePart(order, 'full')).toEqual({ contactPhone: '13912345678', address: order.venue_address, link: null, district: '义乌市稠城街道' });
    expect(privatePart(order, 'area')).toEqual({ contactPhone: null, address: null, link: null, district: '义乌市稠城街道' });
    expect(privatePart({ ...order, venue_address: null }, 'area').district).toBe('义乌');
    expect(privatePart(order, 'none')).toEqual({ contactPhone: null, address: null, link: null, district: null });
  });

  it('blanks the phone however it is spaced, and the address, in free text', () => {
    const text = '到了打 139-1234 5678，地点义乌市稠城街道工人北路 1 号';
    expect(scrub(text, order, 'area')).toBe('到了打 （电话已隐藏），地点（地址已隐藏）');
    expect(scrub(text, order, 'full')).toBe(text);
    expect(scrub(null, order, 'none')).toBeNull();
  });

  it('scrubs each message for its own recipient', () => {
    const row = { ...order, status: 'pending', requester_id: 'r', volunteer_user_id: 'v' } as OrderRow;
    const msg = (userId: string): NewMessage => ({ userId, orderId: '1', title: 't', body: '电话 13912345678' });
    expect(forRecipients(row, [msg('r'), msg('v'), msg('x')]).map((m) => m.body)).toEqual(['电话 13912345678', '电话 （电话已隐藏）', '电话 （电话已隐藏）']);
  });
});
