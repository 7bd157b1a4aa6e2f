import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { Me, Order } from '@cloud/contract';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { call as mockedCall } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import OverduePage from './index';

jest.mock('@/services/api', () => ({ ...jest.requireActual<object>('@/services/api'), call: jest.fn() }));
const call = mockedCall as unknown as jest.Mock<(...args: any[]) => any>;

const admin: Me = { id: '3', name: '金华市总工会管理员', roles: ['admin'], orgId: '2', orgName: '金华市总工会', company: null };

const mk = (id: string, over: Partial<Order>): Order => ({
  id, kind: 'lecture', status: 'expired', start: '2099-01-01T01:00:00Z', end: '2099-01-01T02:00:00Z', durationMin: 60,
  named: false, volunteerId: null, volunteerName: null, topicId: '9', topicTitle: '劳模精神代代传', serviceId: null,
  serviceTitle: null, teamId: null, teamName: null, requesterId: '12', requesterName: '王海涛', requesterCompany: '金华机床厂',
  orgId: '2', venue: { type: 'enterprise', address: null, link: null }, contactPhone: null, headcount: null, note: '',
  title: null, field: null, description: null, photos: [], urgency: null, createdAt: '2026-11-01T02:00:00Z', acceptedAt: null,
  checkedInAt: null, completedAt: null, record: null, rating: null, ratingComment: null, escalatedAt: '2026-11-02T02:00:00Z',
  confirmedAt: null, disputedAt: null, disputeReason: null, region: null, showcase: false, actions: [],
  ...over,
});

afterEach(() => cleanup());
beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  call.mockReset();
});

describe('超时待办', () => {
  it('shows each overdue order with 派单/转办 only where the order allows them, and opens the picker', async () => {
    useStore.setState({ user: admin, token: 't' });
    call.mockImplementation(async (fn: string, action: string) => {
      if (fn === 'admin' && action === 'overdue') {
        return {
          items: [
            mk('1', { actions: ['dispatch', 'transfer'] }),
            mk('2', { start: '2020-01-01T01:00:00Z', status: 'declined' }),
          ],
          total: 2, page: 1, pageSize: 20,
        };
      }
      if (fn === 'admin' && action === 'orgs') return { items: [{ id: '2', name: '金华市总工会', parentId: '1', level: 'city', region: '金华', inScope: true }], total: 1, page: 1, pageSize: 1 };
      if (fn === 'catalog' && action === 'topic') return { id: '9', volunteers: [] };
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const { container } = render(<OverduePage />);
    await waitFor(() => expect(container.querySelectorAll('.overdue-item')).toHaveLength(2));
    const [open, stale] = Array.from(container.querySelectorAll('.overdue-item'));
    expect(open.querySelector('.dispatch-btn')).not.toBeNull();
    expect(open.querySelector('.transfer-btn')).not.toBeNull();
    expect(open.textContent).toContain('金华市总工会');
    expect(open.textContent).toContain('已等待');
    expect(stale.querySelector('.dispatch-btn')).toBeNull();
    expect(stale.textContent).toContain('已过期望时间');

    fireEvent.click(open.querySelector('.dispatch-btn')!);
    await waitFor(() => expect(container.querySelector('.dispatch-sheet')).not.toBeNull());
    expect(call).toHaveBeenCalledWith('catalog', 'topic', { id: '9' });
  });

  it('tells a non-admin the console is not for them, without calling the admin API', () => {
    useStore.setState({ user: { ...admin, roles: ['worker'] }, token: 't' });
    const { container } = render(<OverduePage />);
    expect(container.textContent).toContain('仅对工会管理员开放');
    expect(call).not.toHaveBeenCalledWith('admin', 'overdue', expect.anything());
  });
});
