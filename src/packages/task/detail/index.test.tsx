import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import type { OrderAction } from '@cloud/contract';
import { ApiError, call } from '@/services/api';
import { makeDetail, makeOrder } from '@/pages/tasks/fixtures';
import TaskDetailPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const mine = {
  volunteerId: '5',
  status: 'pending' as const,
  named: true,
  contactPhone: '13800138000',
  venue: { type: 'workshop' as const, address: '滨江区六和路 1 号 3 号车间', link: null },
  timeline: [{ at: '2025-11-20T01:00:00.000Z', from: null, to: 'pending' as const, by: '70', byName: '李娜', note: '' }],
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ id: '101' });
});
afterEach(() => cleanup());

async function renderWith(actions: OrderAction[], over = {}) {
  callMock.mockResolvedValue(makeDetail({ ...mine, actions, ...over }));
  const utils = render(<TaskDetailPage />);
  await waitFor(() => expect(utils.container.querySelector('.task-facts')).not.toBeNull());
  return utils;
}

const shownActions = (c: HTMLElement) =>
  Array.from(c.querySelectorAll('.task-action')).map((b) => /task-action--(\w+)/.exec(b.className)![1]);

describe('task detail', () => {
  it('shows the private facts to the assigned volunteer', async () => {
    const { container } = await renderWith([]);
    expect(callMock).toHaveBeenCalledWith('order', 'get', { id: '101' });
    expect(container.textContent).toContain('13800138000');
    expect(container.textContent).toContain('滨江区六和路 1 号 3 号车间');
    expect(container.textContent).toContain('11月25日 周二 09:00–10:00');
    expect(container.querySelectorAll('.timeline-item')).toHaveLength(1);
  });

  it.each<[OrderAction[], string[]]>([
    [[], []],
    [['accept', 'decline'], ['accept', 'decline']],
    [['checkIn'], ['checkIn']],
    [['complete'], ['complete']],
    [['cancel', 'reschedule', 'rate'], []],
  ])('shows exactly the buttons for actions %j', async (actions, expected) => {
    const { container } = await renderWith(actions);
    expect(shownActions(container)).toEqual(expected);
  });

  it('accepts, then shows the order as the server has it now', async () => {
    const { container } = await renderWith(['accept', 'decline']);
    callMock.mockReset();
    callMock.mockImplementation((_fn: string, action: string) =>
      Promise.resolve(action === 'accept' ? makeOrder({ status: 'accepted' }) : makeDetail({ ...mine, status: 'accepted', actions: [] })),
    );
    fireEvent.click(container.querySelector('.task-action--accept')!);
    await waitFor(() => expect(shownActions(container)).toEqual([]));
    expect(callMock).toHaveBeenCalledWith('task', 'accept', { id: '101' });
    expect(container.querySelector('.task-detail__status')!.textContent).toBe('已接单');
    expect(container.querySelector('.checkin-hint')!.textContent).toContain('开始前 2 小时可签到');
  });

  it('shows the server message when an action fails', async () => {
    const { container } = await renderWith(['accept', 'decline']);
    callMock.mockRejectedValueOnce(new ApiError('CONFLICT', '您在该时段已有其他订单'));
    fireEvent.click(container.querySelector('.task-action--accept')!);
    await waitFor(() => expect(container.querySelector('.task-detail__error')?.textContent).toBe('您在该时段已有其他订单'));
  });

  it('asks for a reason before declining', async () => {
    const { container } = await renderWith(['accept', 'decline']);
    callMock.mockClear();
    fireEvent.click(container.querySelector('.task-action--decline')!);
    fireEvent.click(container.querySelector('.decline-submit')!);
    expect(container.querySelector('.decline-panel .form-field__error')!.textContent).toContain('请填写婉拒原因');
    expect(callMock).not.toHaveBeenCalled();
    fireEvent.change(container.querySelector('.decline-panel__input')!, { target: { value: '当天外出培训' } });
    fireEvent.click(container.querySelector('.decline-submit')!);
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('task', 'decline', { id: '101', reason: '当天外出培训' }));
  });

  it('checks in without a location when none is available', async () => {
    const { container } = await renderWith(['checkIn'], { status: 'accepted' });
    expect(container.querySelector('.checkin-hint')).toBeNull();
    fireEvent.click(container.querySelector('.task-action--checkIn')!);
    await waitFor(() => expect(callMock).toHaveBeenCalledWith('task', 'checkIn', { id: '101' }));
  });

  it('opens the record form for complete', async () => {
    const { container } = await renderWith(['complete'], { status: 'in_progress' });
    fireEvent.click(container.querySelector('.task-action--complete')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/task/record/index?id=101' });
  });
});
