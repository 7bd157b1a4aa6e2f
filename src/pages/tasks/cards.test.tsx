import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { PoolCard, TaskCard, WON_PAUSE_MS } from './cards';
import { makeOrder } from './fixtures';
import { tabRequest } from './shared';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const poolOrder = makeOrder({ id: '7', actions: ['grab'] });

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  tabRequest.segment = null;
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

describe('pool card grab', () => {
  it('goes idle → busy (no double tap) → won, then opens the task', async () => {
    const answer = deferred<unknown>();
    callMock.mockReturnValue(answer.promise);
    const { container } = render(<PoolCard order={poolOrder} />);
    const btn = container.querySelector('.grab-btn')!;
    expect(btn.textContent).toBe('抢单');
    expect(btn.className).not.toContain('grab-btn--busy');

    fireEvent.click(btn);
    fireEvent.click(container.querySelector('.grab-btn')!);
    fireEvent.click(container.querySelector('.grab-btn')!);
    expect(container.querySelector('.grab-btn')!.className).toContain('grab-btn--busy');
    expect(container.querySelector('.grab-btn')!.textContent).toBe('抢单中…');
    expect(callMock).toHaveBeenCalledTimes(1);
    expect(callMock).toHaveBeenCalledWith('task', 'grab', { id: '7' });

    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] }); // as vitest did: promises still settle
    await act(async () => answer.resolve(makeOrder({ id: '7', status: 'accepted' })));
    const won = container.querySelector('.grab-result--won');
    expect(won?.className).toBe('grab-result grab-result--won');
    expect(won?.textContent).toContain('抢单成功');
    expect(container.querySelector('.grab-btn')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '抢单成功' }));
    expect(tabRequest.segment).toBe('mine');
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(WON_PAUSE_MS));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/task/detail/index?id=7' });
  });

  it('shows the server message when another volunteer won, and greys the card', async () => {
    callMock.mockRejectedValue(new ApiError('CONFLICT', '已被其他志愿者接单'));
    const { container } = render(<PoolCard order={poolOrder} />);
    fireEvent.click(container.querySelector('.grab-btn')!);
    await waitFor(() => expect(container.querySelector('.grab-result--lost')).not.toBeNull());
    const lost = container.querySelector('.grab-result--lost')!;
    expect(lost.className).toBe('grab-result grab-result--lost');
    expect(lost.textContent).toBe('已被其他志愿者接单');
    expect(container.querySelector('.pool-card')!.className).toContain('pool-card--gone');
    expect(container.querySelector('.grab-btn')).toBeNull();
    expect(container.querySelector('.grab-result--won')).toBeNull();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('shows a FORBIDDEN message as it is', async () => {
    callMock.mockRejectedValue(new ApiError('FORBIDDEN', '您不在该订单的接单范围内'));
    const { container } = render(<PoolCard order={poolOrder} />);
    fireEvent.click(container.querySelector('.grab-btn')!);
    await waitFor(() => expect(container.querySelector('.grab-result')?.textContent).toBe('您不在该订单的接单范围内'));
    expect(container.querySelector('.grab-btn')).toBeNull();
  });

  it('lets the volunteer try again after a network failure', async () => {
    callMock.mockRejectedValueOnce(new ApiError('NETWORK', '网络不可用，请稍后重试'));
    const { container } = render(<PoolCard order={poolOrder} />);
    fireEvent.click(container.querySelector('.grab-btn')!);
    await waitFor(() => expect(container.querySelector('.grab-result--error')?.textContent).toBe('网络不可用，请稍后重试'));
    const again = container.querySelector('.grab-btn')!;
    expect(again.textContent).toBe('重试抢单');
    callMock.mockResolvedValueOnce(makeOrder({ id: '7', status: 'accepted' }));
    fireEvent.click(again);
    await waitFor(() => expect(container.querySelector('.grab-result--won')).not.toBeNull());
    expect(callMock).toHaveBeenCalledTimes(2);
  });

  it('shows no phone or address in the pool', () => {
    const need = makeOrder({ id: '8', kind: 'need', title: '数控机床主轴异响', topicTitle: null, urgency: 'critical', field: '数控', description: '主轴高速运转时异响，影响精度', actions: ['grab'] });
    const { container } = render(<PoolCard order={need} />);
    expect(container.querySelector('.kind-tag')!.textContent).toBe('求助');
    expect(container.querySelector('.urgency')!.textContent).toBe('非常紧急');
    expect(container.querySelector('.task-card__title')!.textContent).toBe('数控机床主轴异响');
    expect(container.textContent).toContain('接单后可见');
    expect(container.textContent).toContain('11月25日 周二 09:00–10:00');
  });
});

describe('task card', () => {
  it('shows kind, status, Shanghai time and the next step, and opens the task', () => {
    const o = makeOrder({ id: '5', status: 'accepted', actions: ['checkIn'], venue: { type: 'workshop', address: '滨江区六和路 1 号', link: null } });
    const { container } = render(<TaskCard order={o} />);
    const card = container.querySelector('.task-card')!;
    expect(card.querySelector('.kind-tag')!.textContent).toBe('宣讲');
    expect(card.querySelector('.task-card__status')!.textContent).toBe('已接单');
    expect(card.textContent).toContain('11月25日 周二 09:00–10:00');
    expect(card.textContent).toContain('杭州汽轮机厂 · 李娜');
    expect(card.textContent).toContain('可以签到了');
    fireEvent.click(card);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/task/detail/index?id=5' });
  });
});
