import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import type { InboxMessage } from '@cloud/contract';
import { call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { useUnread } from '@/pages/orders/badge';
import { me } from '../fixtures';
import InboxPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const msgs: InboxMessage[] = [
  { id: '3', orderId: '77', title: '孔胜东已接单', body: '11月25日 09:00 的宣讲已确认', createdAt: '2026-11-23T05:30:00Z', read: false },
  { id: '2', orderId: '76', title: '订单已完成，请评价', body: '', createdAt: '2026-11-20T05:30:00Z', read: false },
  { id: '1', orderId: null, title: '欢迎使用劳模工匠点单', body: '', createdAt: '2026-11-01T05:30:00Z', read: true },
];

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  useUnread.setState({ unread: null });
  useStore.getState().login('tok', me);
  callMock.mockReset();
  callMock.mockImplementation((fn: string, action: string, input: { id?: string; all?: boolean }) => {
    if (fn === 'inbox' && action === 'list') return Promise.resolve({ items: msgs, total: 3, page: 1, pageSize: 20, unread: 2 });
    if (fn === 'inbox' && action === 'read') return Promise.resolve({ updated: input.all ? 2 : 1, unread: input.all ? 0 : 1 });
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  });
});
afterEach(() => cleanup());

describe('inbox', () => {
  it('marks a message read and opens its order', async () => {
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.inbox-item')).toHaveLength(3));
    expect(container.querySelectorAll('.inbox-item--unread')).toHaveLength(2);
    expect(container.querySelector('.inbox-bar__count')!.textContent).toBe('2 条未读');
    fireEvent.click(container.querySelector('.inbox-item[data-id="3"]')!);
    expect(callMock).toHaveBeenCalledWith('inbox', 'read', { id: '3' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/detail/index?id=77' });
    expect(container.querySelectorAll('.inbox-item--unread')).toHaveLength(1);
    await waitFor(() => expect(useUnread.getState().unread).toBe(1));
    // A read message without an order: nothing to open, no second read.
    fireEvent.click(container.querySelector('.inbox-item[data-id="1"]')!);
    expect(callMock.mock.calls.filter((c) => c[1] === 'read')).toHaveLength(1);
  });

  it('marks everything read', async () => {
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.inbox-item--unread')).toHaveLength(2));
    fireEvent.click(container.querySelector('.inbox-bar__all')!);
    await waitFor(() => expect(container.querySelectorAll('.inbox-item--unread')).toHaveLength(0));
    expect(callMock).toHaveBeenCalledWith('inbox', 'read', { all: true });
    expect(container.querySelector('.inbox-bar__count')!.textContent).toBe('没有未读消息');
    expect(useUnread.getState().unread).toBe(0);
  });
});
