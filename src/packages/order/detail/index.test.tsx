import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import type { OrderDetail } from '@cloud/contract';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { asOrder, me, order } from '../fixtures';
import OrderDetailPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

let current: OrderDetail;
beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  useStore.getState().login('tok', me);
  setRouterParams({ id: '77' });
  current = order();
  callMock.mockReset();
  callMock.mockImplementation((fn: string, action: string) => {
    if (fn === 'order' && action === 'get') return Promise.resolve(current);
    if (fn === 'inbox' && action === 'list') return Promise.resolve({ items: [], total: 0, page: 1, pageSize: 1, unread: 0 });
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  });
});
afterEach(() => cleanup());

const actionNames = (c: HTMLElement) =>
  Array.from(c.querySelectorAll('.order-action')).map((e) => (e as HTMLElement).dataset.action);

describe('order detail', () => {
  it('shows the state, facts, private contact and the timeline in Chinese', async () => {
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.order-head')).not.toBeNull());
    expect(callMock).toHaveBeenCalledWith('order', 'get', { id: '77' });
    expect(c.querySelector('.order-status .order-head__status')!.textContent).toBe('待接单');
    expect(c.querySelector('.order-head__hint')!.textContent).toBe('等待孔胜东确认');
    expect(c.querySelector('.order-time')!.textContent).toBe('11月25日 周三 09:00–10:00');
    expect(c.querySelector('.venue-address-text')!.textContent).toBe('杭州市临安区锦城街道 1 号');
    expect(c.querySelector('.order-phone')!.textContent).toContain('13800001111');
    expect(c.querySelector('.timeline-item__status')!.textContent).toBe('待接单');
    expect(c.querySelector('.order-record')).toBeNull();
    expect(actionNames(c)).toEqual(['reschedule', 'cancel']);
  });

  it('says a 2-hour booking lasts 2 小时, not 120 分钟', async () => {
    current = order({ start: '2025-11-25T01:00:00Z', end: '2025-11-25T03:00:00Z', durationMin: 120 });
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.duration-text')).not.toBeNull());
    expect(c.querySelector('.duration-text')!.textContent).toBe('2 小时');
  });

  it('hides what the viewer may not see and draws no buttons when no action is allowed', async () => {
    current = order({ contactPhone: null, venue: { type: 'enterprise', address: null, link: null }, actions: [] });
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.order-head')).not.toBeNull());
    expect(c.querySelector('.order-phone')).toBeNull();
    expect(c.querySelector('.order-venue')!.textContent).toContain('仅接单志愿者和管理员可见');
    expect(c.querySelectorAll('.order-action')).toHaveLength(0);
    expect(c.querySelector('.order-actions')).toBeNull();
  });

  it('shows the record of a finished need and exactly its actions', async () => {
    current = order({
      kind: 'need', status: 'completed', title: '数控机床主轴异响', field: '数控', urgency: 'urgent', topicTitle: null,
      record: { peopleServed: 6, summary: '更换主轴轴承，试机正常', outcome: 'partly', followUp: '需再观察一周' },
      completedAt: '2026-11-25T11:00:00+08:00', actions: ['confirm', 'dispute', 'rate'],
    });
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.order-record')).not.toBeNull());
    expect(c.querySelector('.order-head__status')!.textContent).toBe('已完成');
    expect(c.querySelector('.order-head__title')!.textContent).toBe('【求助】数控机床主轴异响');
    expect(c.querySelector('.record-people')!.textContent).toBe('6 人');
    expect(c.querySelector('.record-outcome')!.textContent).toBe('部分解决');
    expect(c.querySelector('.order-record')!.textContent).toContain('需再观察一周');
    expect(actionNames(c)).toEqual(['confirm', 'rate', 'dispute']);
  });

  it('links a volunteer to the task page for their actions', async () => {
    current = order({ actions: ['accept', 'decline'] });
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.order-task-link')).not.toBeNull());
    expect(c.querySelectorAll('.order-action')).toHaveLength(0);
    fireEvent.click(c.querySelector('.order-task-link')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/task/detail/index?id=77' });
  });

  it('cancels with a reason, keeps it when the server says no, and reads the order again after', async () => {
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.order-action--cancel')).not.toBeNull());
    fireEvent.click(c.querySelector('.order-action--cancel')!);
    const sheet = () => c.querySelector('.action-sheet--cancel') as HTMLElement;
    expect(sheet()).not.toBeNull();
    fireEvent.click(sheet().querySelector('.action-sheet__submit')!);
    expect(sheet().querySelector('[data-field="reason"] .form-field__error')!.textContent).toBe('请填写取消原因（至少 2 个字）');

    let answer: Promise<unknown> = Promise.reject(new ApiError('VALIDATION', '订单已开始，不能取消', { id: '订单已开始，不能取消' }));
    callMock.mockImplementation((fn: string, action: string) => {
      if (fn === 'order' && action === 'cancel') return answer;
      if (fn === 'order' && action === 'get') return Promise.resolve(current);
      return Promise.resolve({ items: [], total: 0, page: 1, pageSize: 1, unread: 0 });
    });
    fireEvent.change(sheet().querySelector('.reason-input')!, { target: { value: '活动时间调整' } });
    fireEvent.click(sheet().querySelector('.action-sheet__submit')!);
    await waitFor(() => expect(sheet().querySelector('.action-sheet__error')?.textContent).toBe('订单已开始，不能取消'));
    expect((sheet().querySelector('.reason-input') as HTMLTextAreaElement).value).toBe('活动时间调整');

    const cancelled = order({ status: 'cancelled', actions: [] });
    answer = Promise.resolve(asOrder(cancelled));
    current = cancelled;
    fireEvent.click(sheet().querySelector('.action-sheet__submit')!);
    await waitFor(() => expect(c.querySelector('.order-head__status')!.textContent).toBe('已取消'));
    expect(callMock).toHaveBeenCalledWith('order', 'cancel', { id: '77', reason: '活动时间调整' });
    expect(sheet()).toBeNull();
    expect(c.querySelectorAll('.order-action')).toHaveLength(0);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已取消', icon: 'success' });
  });

  it('rates with stars and a comment', async () => {
    current = order({ status: 'completed', actions: ['rate'], completedAt: '2026-11-25T10:00:00+08:00' });
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.order-action--rate')).not.toBeNull());
    fireEvent.click(c.querySelector('.order-action--rate')!);
    const sheet = c.querySelector('.action-sheet--rate') as HTMLElement;
    fireEvent.click(sheet.querySelector('.action-sheet__submit')!);
    expect(sheet.querySelector('[data-field="score"] .form-field__error')!.textContent).toBe('请点选 1–5 颗星');
    callMock.mockImplementation((fn: string, action: string) => {
      if (fn === 'order' && action === 'rate') return Promise.resolve(asOrder(order({ status: 'rated', rating: 4, actions: [] })));
      if (fn === 'order' && action === 'get') return Promise.resolve(current);
      return Promise.resolve({ items: [], total: 0, page: 1, pageSize: 1, unread: 0 });
    });
    fireEvent.click(sheet.querySelector('[data-score="4"]')!);
    fireEvent.change(sheet.querySelector('.comment-input')!, { target: { value: '讲得生动' } });
    fireEvent.click(sheet.querySelector('.action-sheet__submit')!);
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('order', 'rate', { id: '77', score: 4, comment: '讲得生动' }));
  });

  it('shows NOT_FOUND with a retry', async () => {
    callMock.mockRejectedValue(new ApiError('NOT_FOUND', '订单不存在'));
    const { container: c } = render(<OrderDetailPage />);
    await waitFor(() => expect(c.querySelector('.state-view--error')?.textContent).toContain('订单不存在'));
  });
});
