import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { tabRequest } from '@/pages/tasks/shared';
import { pointsFor } from '@cloud/domain/rules';
import { VolunteerStats } from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  tabRequest.segment = null;
});
afterEach(() => cleanup());

describe('volunteer summary on 我的', () => {
  it('shows the totals and links to my tasks and availability', async () => {
    callMock.mockResolvedValue({ volunteerId: '5', ordersDone: 37, serviceHours: 120.5, points: 520, rating: 4.63, ratingCount: 12, active: 2 });
    const { container } = render(<VolunteerStats />);
    await waitFor(() => expect(container.querySelector('.volunteer-stats__value')!.textContent).toBe('37'));
    expect(callMock).toHaveBeenCalledWith('task', 'stats', {});
    const values = Array.from(container.querySelectorAll('.volunteer-stats__value')).map((v) => v.textContent);
    expect(values).toEqual(['37', '120.5', '520', '4.6']);
    expect(container.textContent).toContain('进行中 2 单');
    fireEvent.click(container.querySelector('.volunteer-stats__link--tasks')!);
    expect(tabRequest.segment).toBe('mine');
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/tasks/index' });
    fireEvent.click(container.querySelector('.volunteer-stats__link--availability')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/task/availability/index' });
  });

  it('explains how points are earned, in the words of the rule the server credits by', async () => {
    callMock.mockResolvedValue({ volunteerId: '5', ordersDone: 1, serviceHours: 2, points: 14, rating: null, ratingCount: 0, active: 0 });
    const { container } = render(<VolunteerStats />);
    await waitFor(() => expect(container.querySelector('.volunteer-stats__cell--points .volunteer-stats__value')!.textContent).toBe('14'));
    expect(container.querySelector('.volunteer-stats__points-help')).toBeNull();
    fireEvent.click(container.querySelector('.volunteer-stats__cell--points')!);
    const help = container.querySelector('.volunteer-stats__points-help')!.textContent!;
    expect(help).toContain('每完成一次服务得 10 分');
    expect(help).toContain('每满 30 分钟再加 1 分');
    // The words and the server's sum are one rule: a 2-hour service is 10 + 4.
    expect(pointsFor(120)).toBe(14);
    fireEvent.click(container.querySelector('.volunteer-stats__cell--points')!);
    expect(container.querySelector('.volunteer-stats__points-help')).toBeNull();
  });

  it('says so when the totals cannot be read', async () => {
    callMock.mockRejectedValue(new ApiError('NOT_FOUND', '未知的操作'));
    const { container } = render(<VolunteerStats />);
    await waitFor(() => expect(container.querySelector('.volunteer-stats__error')?.textContent).toContain('未知的操作'));
  });
});
