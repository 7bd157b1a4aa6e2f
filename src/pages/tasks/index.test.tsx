import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import type { Me } from '@cloud/contract';
import { call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import TasksPage from './index';
import { makeOrder } from './fixtures';
import { tabRequest } from './shared';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const volunteer: Me = { id: '50', name: '王关根', roles: ['volunteer'], volunteerId: '5', orgId: '1', orgName: '杭州市总工会', company: null };
const worker: Me = { id: '12', name: '李娟', roles: ['worker'], orgId: '1', orgName: '杭州市总工会', company: '杭州汽轮机厂' };
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 10 });

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
  tabRequest.segment = null;
});
afterEach(() => cleanup());

describe('任务 tab', () => {
  it('asks a signed-out visitor to log in', () => {
    const { container } = render(<TasksPage />);
    expect(container.textContent).toContain('登录后查看任务');
    fireEvent.click(container.querySelector('.state-view__action')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    expect(callMock).not.toHaveBeenCalled();
  });

  it('explains that only volunteers take orders', () => {
    useStore.getState().login('t', worker);
    const { container } = render(<TasksPage />);
    expect(container.textContent).toContain('只有劳模工匠志愿者可以接单');
    expect(callMock).not.toHaveBeenCalled();
    // …and links a worker to 申报 (an admin, who reviews them, to 点单).
    const action = container.querySelector('.state-view__action')!;
    expect(action.textContent).toBe('申报成为志愿者');
    fireEvent.click(action);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/index/index' });
    cleanup();
    useStore.getState().login('t', { ...worker, roles: ['admin'] });
    const admin = render(<TasksPage />);
    expect(admin.container.querySelector('.state-view__action')!.textContent).toBe('去点单');
  });

  it('shows my tasks with a status filter, and the pool with filters and sort', async () => {
    useStore.getState().login('t', volunteer);
    callMock.mockImplementation((fn: string, action: string) =>
      Promise.resolve(
        action === 'inbox'
          ? page([makeOrder({ id: '1', status: 'accepted', volunteerId: '5' })])
          : fn === 'catalog' && action === 'services'
            ? page([{ field: '数控' }, { field: '自动化' }, { field: '数控' }])
            : fn === 'catalog' && action === 'orgs'
              ? page([{ region: '浙江' }, { region: '义乌' }, { region: '义乌' }])
              : page([makeOrder({ id: '2', actions: ['grab'], kind: 'need', field: '机械制造' }), makeOrder({ id: '3', actions: ['grab'] })]),
      ),
    );
    const poolCalls = () => callMock.mock.calls.filter((c) => c[0] === 'task' && c[1] === 'pool');
    const { container } = render(<TasksPage />);
    await waitFor(() => expect(container.querySelectorAll('.task-card')).toHaveLength(1));
    expect(callMock).toHaveBeenLastCalledWith('task', 'inbox', { status: undefined, page: 1, pageSize: 10 });

    fireEvent.click(container.querySelector('.filter-chips__item[data-value="in_progress"]')!);
    await waitFor(() => expect(callMock).toHaveBeenLastCalledWith('task', 'inbox', { status: 'in_progress', page: 1, pageSize: 10 }));

    fireEvent.click(container.querySelector('.task-seg__item--pool')!);
    await waitFor(() => expect(container.querySelectorAll('.pool-card')).toHaveLength(2));
    expect(container.querySelectorAll('.grab-btn')).toHaveLength(2);
    expect(poolCalls().at(-1)![2]).toEqual({ field: undefined, region: undefined, sort: 'urgent', page: 1, pageSize: 10 });
    // The filters come from the data: the services' fields and the needs' on screen, the unions' regions.
    const chips = (which: string) =>
      Array.from(container.querySelectorAll(`.pool-filter--${which} .filter-chips__item`)).map((e) => e.textContent);
    await waitFor(() => expect(chips('field')).toEqual(['全部领域', '机械制造', '数控', '自动化']));
    expect(chips('region')).toEqual(['全部地区', '浙江', '义乌']);

    fireEvent.click(container.querySelector('.pool-sort__item[data-value="recommended"]')!);
    await waitFor(() => expect(poolCalls().at(-1)![2]).toEqual(expect.objectContaining({ sort: 'recommended' })));
    fireEvent.click(container.querySelector('.pool-filter--field .filter-chips__item[data-value="数控"]')!);
    fireEvent.click(container.querySelector('.pool-filter--region .filter-chips__item[data-value="义乌"]')!);
    await waitFor(() =>
      expect(poolCalls().at(-1)![2]).toEqual({ field: '数控', region: '义乌', sort: 'recommended', page: 1, pageSize: 10 }),
    );
  });

  it('shows a failed load with retry', async () => {
    useStore.getState().login('t', volunteer);
    const { ApiError } = await import('@/services/api');
    callMock.mockRejectedValueOnce(new ApiError('INTERNAL', '服务器开小差了'));
    const { container } = render(<TasksPage />);
    await waitFor(() => expect(container.querySelector('.state-view--error')?.textContent).toContain('服务器开小差了'));
    callMock.mockResolvedValueOnce(page([]));
    fireEvent.click(container.querySelector('.state-view__retry')!);
    await waitFor(() => expect(container.textContent).toContain('暂无任务'));
  });
});
