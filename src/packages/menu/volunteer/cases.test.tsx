import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, render, waitFor } from '@testing-library/react';
import type { ShowcaseCase, TeamDetail, VolunteerProfile } from '@cloud/contract';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import { call } from '@/services/api';
import VolunteerPage from './index';
import TeamPage from '../team/index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const cases: ShowcaseCase[] = [
  { orderId: '301', title: '数控机床主轴异响排查', kind: 'service', at: '2025-10-08T02:00:00.000Z', peopleServed: 12, summary: '现场找出轴承磨损并更换。', requesterCompany: '义乌某五金厂' },
  { orderId: '302', title: '劳模精神进车间', kind: 'lecture', at: '2025-09-30T17:00:00.000Z', peopleServed: null, summary: '', requesterCompany: null },
];

const profile = (over: Partial<VolunteerProfile>) =>
  ({
    id: '5', userId: '50', name: '王关根', kinds: ['speaker'], title: '', teamId: null, teamName: null, teamRole: null, skills: [], honours: [],
    regions: [], rating: null, ratingCount: 0, ordersDone: 0, serviceHours: 0, bio: '', orgId: '1', orgName: '杭州市总工会', topics: [],
    services: [], weekly: [], freeSlots: [], cases: [], ...over,
  }) as VolunteerProfile;

const team = (over: Partial<TeamDetail>) =>
  ({
    id: '3', name: '王关根工匠数控技术服务队', kind: 'lecture', intro: '', region: '', orgId: '1', orgName: '杭州市总工会', captainId: null,
    liaisonIds: [], memberIds: [], members: [], services: [], totals: { ordersDone: 0, serviceHours: 0, members: 0 }, cases: [], ...over,
  }) as TeamDetail;

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ id: '5' });
});
afterEach(() => cleanup());

describe('优秀案例', () => {
  it('lists a speaker’s cases: title, date in Shanghai, people served, summary, company', async () => {
    callMock.mockResolvedValueOnce(profile({ cases }));
    const { container } = render(<VolunteerPage />);
    await waitFor(() => expect(container.querySelectorAll('.case-item')).toHaveLength(2));
    const [a, b] = Array.from(container.querySelectorAll('.case-item')).map((e) => e.textContent);
    for (const t of ['数控机床主轴异响排查', '技术服务', '2025年10月8日', '服务 12 人', '现场找出轴承磨损并更换。', '义乌某五金厂']) expect(a).toContain(t);
    expect(b).toContain('2025年10月1日'); // 17:00Z is the next morning in Shanghai
    expect(b).not.toContain('服务 ');
    expect(container.textContent).toContain('优秀案例');
  });

  it('is hidden when there are none (speaker and team)', async () => {
    callMock.mockResolvedValueOnce(profile({}));
    const { container, unmount } = render(<VolunteerPage />);
    await waitFor(() => expect(container.querySelector('.volunteer-name')).not.toBeNull());
    expect(container.textContent).not.toContain('优秀案例');
    unmount();

    callMock.mockResolvedValueOnce(team({}));
    const t = render(<TeamPage />);
    await waitFor(() => expect(t.container.querySelector('.team-name')).not.toBeNull());
    expect(t.container.textContent).not.toContain('优秀案例');
  });

  it('lists a team’s cases', async () => {
    callMock.mockResolvedValueOnce(team({ cases }));
    const { container } = render(<TeamPage />);
    await waitFor(() => expect(container.querySelectorAll('.case-item')).toHaveLength(2));
    expect(container.querySelector('.case-item')!.getAttribute('data-order-id')).toBe('301');
  });
});
