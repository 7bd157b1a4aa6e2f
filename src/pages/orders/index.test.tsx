import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, triggerPageEvent } from '../../../tests/doubles/taro';
import type { Me, Order, OrderStatus } from '@cloud/contract';
import { call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { useUnread } from './badge';
import OrdersPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const me: Me = { id: '12', name: '王海涛', roles: ['worker'], orgId: '2', orgName: '杭州市总工会', company: null };

const mk = (id: number, over: Partial<Order> = {}): Order => ({
  id: String(id), kind: 'lecture', status: 'pending', start: '2026-11-25T01:00:00Z', end: '2026-11-25T02:00:00Z',
  durationMin: 60, named: true, volunteerId: '5', volunteerName: '孔胜东', topicId: '9', topicTitle: '劳模精神代代传',
  serviceId: null, serviceTitle: null, teamId: null, teamName: null, requesterId: '12', requesterName: '王海涛',
  requesterCompany: null, orgId: '2', venue: { type: 'enterprise', address: 'x', link: null }, contactPhone: null,
  headcount: null, note: '', title: null, field: null, description: null, photos: [], urgency: null,
  createdAt: '2026-11-23T02:00:00Z', acceptedAt: null, checkedInAt: null, completedAt: null, record: null, rating: null,
  ratingComment: null, escalatedAt: null, confirmedAt: null, disputedAt: null, disputeReason: null, region: null, showcase: false, actions: [],
  ...over,
});

let all: Order[];
beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  useUnread.setState({ unread: null });
  all = [
    mk(1),
    mk(2, { kind: 'service', status: 'accepted', topicTitle: null, serviceTitle: '数控设备故障诊断', volunteerName: null, volunteerId: null, teamName: '王关根工匠数控技术服务队' }),
    mk(3, { kind: 'need', status: 'completed', topicTitle: null, title: '污水处理设备异常', urgency: 'critical', volunteerName: null, volunteerId: null }),
  ];
  callMock.mockReset();
  callMock.mockImplementation((fn: string, action: string, input: { status?: OrderStatus; page?: number; pageSize?: number }) => {
    if (fn === 'inbox') return Promise.resolve({ items: [], total: 3, page: 1, pageSize: 1, unread: 3 });
    if (fn === 'order' && action === 'mine') {
      const items = all.filter((o) => !input.status || o.status === input.status);
      const size = input.pageSize ?? 20;
      const page = input.page ?? 1;
      return Promise.resolve({ items: items.slice((page - 1) * size, page * size), total: items.length, page, pageSize: size });
    }
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  });
});
afterEach(() => cleanup());

describe('订单 tab', () => {
  it('asks to log in when signed out', () => {
    const { container } = render(<OrdersPage />);
    expect(container.textContent).toContain('登录后查看您的订单');
    fireEvent.click(container.querySelector('.state-view__action')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    expect(callMock).not.toHaveBeenCalledWith('order', 'mine', expect.anything());
  });

  it('lists my orders as cards with kind, title, Shanghai time, who and status', async () => {
    useStore.getState().login('tok', me);
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(3));
    const cards = Array.from(container.querySelectorAll('.order-card'));
    expect(cards.map((c) => c.querySelector('.order-kind')!.textContent)).toEqual(['宣讲', '技术服务', '求助']);
    expect(cards.map((c) => c.querySelector('.order-card__title')!.textContent)).toEqual([
      '劳模精神代代传', '数控设备故障诊断', '污水处理设备异常',
    ]);
    expect(cards.map((c) => c.querySelector('.order-status')!.textContent)).toEqual(['待接单', '已接单', '已完成']);
    expect(cards[0]!.querySelector('.order-card__time')!.textContent).toBe('11月25日 周三 09:00–10:00');
    expect(cards[1]!.textContent).toContain('王关根工匠数控技术服务队');
    expect(cards[2]!.textContent).toContain('非常紧急');
    // A completed need with nobody named is not 「待志愿者接单」: the who-line follows the state.
    expect(cards[2]!.textContent).not.toContain('待志愿者接单');
    expect(cards[2]!.textContent).toContain('服务方—');
    fireEvent.click(cards[1]!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/detail/index?id=2' });
  });

  it('filters by status tab and shows the unread count with the inbox entry', async () => {
    useStore.getState().login('tok', me);
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(3));
    await waitFor(() => expect(container.querySelector('.orders__inbox-count')?.textContent).toBe('3'));
    fireEvent.click(container.querySelector('.filter-chips__item[data-value="completed"]')!);
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(1));
    expect(callMock).toHaveBeenCalledWith('order', 'mine', { status: 'completed', page: 1, pageSize: 10 });
    fireEvent.click(container.querySelector('.filter-chips__item[data-value="cancelled"]')!);
    await waitFor(() => expect(container.textContent).toContain('没有已取消的订单'));
    fireEvent.click(container.querySelector('.orders__inbox')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/inbox/index' });
    fireEvent.click(container.querySelector('.orders__need')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/need/index' });
  });

  it('loads the next page at the bottom', async () => {
    useStore.getState().login('tok', me);
    all = Array.from({ length: 13 }, (_, i) => mk(i + 1));
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(10));
    triggerPageEvent('reachBottom');
    await waitFor(() => expect(container.querySelectorAll('.order-card')).toHaveLength(13));
    expect(container.textContent).toContain('没有更多了');
  });
});
