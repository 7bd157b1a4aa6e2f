import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import type { VolunteerProfile } from '@cloud/contract';
import { ApiError, call } from '@/services/api';
import VolunteerPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const profile: VolunteerProfile = {
  id: '5',
  userId: '50',
  name: '王关根',
  kinds: ['speaker', 'technician'],
  title: '全国劳动模范',
  teamId: '3',
  teamName: '王关根工匠数控技术服务队',
  teamRole: 'captain',
  skills: ['数控', '机电维修'],
  honours: ['全国劳动模范', '浙江工匠'],
  regions: ['杭州市'],
  rating: 4.6,
  ratingCount: 12,
  ordersDone: 37,
  serviceHours: 120,
  bio: '从事数控加工三十年。',
  orgId: '1',
  orgName: '杭州市总工会',
  topics: [{ id: '9', title: '数控人生', category: 'gongjiang' }],
  services: [{ id: '4', title: '数控设备故障诊断', field: '数控' }],
  weekly: [{ weekday: 2, start: '09:00', end: '12:00' }],
  cases: [],
  freeSlots: [
    { start: '2025-11-25T01:00:00Z', end: '2025-11-25T04:00:00Z' },
    { start: '2025-11-25T06:00:00Z', end: '2025-11-25T08:00:00Z' },
    { start: '2025-12-02T01:00:00Z', end: '2025-12-02T04:00:00Z' },
  ],
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ id: '5' });
});
afterEach(() => cleanup());

describe('speaker page (风采)', () => {
  it('shows the profile and free slots grouped by Shanghai day', async () => {
    callMock.mockResolvedValue(profile);
    const { container } = render(<VolunteerPage />);
    await waitFor(() => expect(container.querySelector('.volunteer-name')?.textContent).toBe('王关根'));
    expect(callMock).toHaveBeenCalledWith('catalog', 'volunteer', { id: '5' });
    expect(container.textContent).toContain('浙江工匠');
    expect(container.textContent).toContain('4.6');
    expect(container.textContent).toContain('王关根工匠数控技术服务队');
    const days = Array.from(container.querySelectorAll('.free-day'));
    expect(days.map((d) => d.querySelector('.free-day__label')!.textContent)).toEqual(['11月25日 周二', '12月2日 周二']);
    expect(Array.from(days[0]!.querySelectorAll('.free-slot')).map((s) => s.textContent)).toEqual(['09:00–12:00', '14:00–16:00']);
    expect(container.querySelectorAll('.free-slot')).toHaveLength(3);
    expect(container.querySelector('.weekly-row')!.textContent).toContain('周二');
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '王关根 · 风采' });
  });

  it('links to the team and the topics given', async () => {
    callMock.mockResolvedValue(profile);
    const { container } = render(<VolunteerPage />);
    await waitFor(() => expect(container.querySelector('.volunteer-team')).not.toBeNull());
    fireEvent.click(container.querySelector('.volunteer-team')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/menu/team/index?id=3' });
    fireEvent.click(container.querySelector('.volunteer-topic')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/menu/topic/index?id=9' });
  });

  it('says 暂无评价 and no free time when there is none', async () => {
    callMock.mockResolvedValue({ ...profile, rating: null, ratingCount: 0, freeSlots: [] });
    const { container } = render(<VolunteerPage />);
    await waitFor(() => expect(container.querySelector('.volunteer-name')).not.toBeNull());
    expect(container.textContent).toContain('暂无评价');
    expect(container.textContent).toContain('近 14 天暂无空闲时段');
    expect(container.querySelectorAll('.free-slot')).toHaveLength(0);
  });

  it('shows NOT_FOUND as an error with retry', async () => {
    callMock.mockRejectedValue(new ApiError('NOT_FOUND', '志愿者不存在'));
    const { container } = render(<VolunteerPage />);
    await waitFor(() => expect(container.querySelector('.state-view--error')?.textContent).toContain('志愿者不存在'));
  });
});
