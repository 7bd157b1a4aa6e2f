import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, render, waitFor } from '@testing-library/react';
import type { Me, Order } from '@cloud/contract';
import { STATUS_WORDS } from '@cloud/contract/status-words';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import { call as mockedCall } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { STATUS_LABEL as ADMIN_STATUS } from '@/packages/admin/lib/labels';
import AdminOrdersPage from '@/packages/admin/orders/index';
import { STATUS_LABEL as TASK_STATUS } from '@/pages/tasks/shared';
import { OrderCard } from './index';
import { ORDER_STATUS_LABEL } from './labels';

jest.mock('@/services/api', () => ({ ...jest.requireActual<object>('@/services/api'), call: jest.fn() }));
const call = mockedCall as unknown as jest.Mock<(...args: any[]) => any>;

const mk = (id: string, over: Partial<Order>): Order => ({
  id, kind: 'lecture', status: 'pending', start: '2099-01-01T01:00:00Z', end: '2099-01-01T02:00:00Z', durationMin: 60,
  named: false, volunteerId: null, volunteerName: null, topicId: '9', topicTitle: '劳模精神代代传', serviceId: null,
  serviceTitle: null, teamId: null, teamName: null, requesterId: '12', requesterName: '王海涛', requesterCompany: '金华机床厂',
  orgId: '2', venue: { type: 'enterprise', address: null, link: null }, contactPhone: null, headcount: null, note: '',
  title: null, field: null, description: null, photos: [], urgency: null, createdAt: '2026-11-01T02:00:00Z', acceptedAt: null,
  checkedInAt: null, completedAt: null, record: null, rating: null, ratingComment: null, escalatedAt: null,
  confirmedAt: null, disputedAt: null, disputeReason: null, region: null, showcase: false, actions: [],
  ...over,
});

afterEach(() => cleanup());
beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  call.mockReset();
});

describe('status words on every page come from the one table', () => {
  it('requester, volunteer and admin pages read the shared table, not copies', () => {
    expect(ORDER_STATUS_LABEL).toBe(STATUS_WORDS.requester);
    expect(TASK_STATUS).toBe(STATUS_WORDS.volunteer);
    expect(ADMIN_STATUS).toBe(STATUS_WORDS.admin);
  });

  it('a declined lecture nobody holds reads 已婉拒 · 工会协调中 to the requester, not 待宣讲人抢单', () => {
    const { container } = render(<OrderCard order={mk('1', { status: 'declined' })} />);
    expect(container.textContent).toContain('已婉拒');
    expect(container.textContent).toContain('工会协调中');
    expect(container.textContent).not.toContain('抢单');
  });

  it('the admin list says 已婉拒 and a cancelled pool order is 未指派, not 待认领', async () => {
    const admin: Me = { id: '3', name: '金华市总工会管理员', roles: ['admin'], orgId: '2', orgName: '金华市总工会', company: null };
    useStore.setState({ user: admin, token: 't' });
    call.mockImplementation(async (fn: string, action: string) => {
      if (fn === 'admin' && action === 'orders') {
        return {
          items: [
            mk('1', { status: 'declined', volunteerName: '李明' }),
            mk('2', { kind: 'need', status: 'cancelled', title: '数控机床报警', topicTitle: null }),
            mk('3', { kind: 'need', status: 'pending', title: '污水处理咨询', topicTitle: null }),
          ],
          total: 3, page: 1, pageSize: 20,
        };
      }
      if (fn === 'admin' && action === 'orgs') return { items: [], total: 0, page: 1, pageSize: 20 };
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const { container } = render(<AdminOrdersPage />);
    await waitFor(() => expect(container.querySelectorAll('.admin-order')).toHaveLength(3));
    const [declined, cancelled, open] = Array.from(container.querySelectorAll('.admin-order'));
    expect(declined.querySelector('.admin-status')!.textContent).toBe('已婉拒');
    expect(container.textContent).not.toContain('已拒绝');
    expect(cancelled.querySelector('.admin-order__who')!.textContent).toBe('未指派');
    expect(open.querySelector('.admin-order__who')!.textContent).toBe('抢单池待认领');
  });
});
