import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { call } from '@/services/api';
import ServicesPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const service = (id: string, field: string) => ({
  id, title: `${field}服务${id}`, summary: '', field, kind: 'help', mode: 'onsite', teamId: null, teamName: null, orgId: '1', volunteerIds: [],
});
const ALL = [service('1', '电力'), service('2', '机械制造'), service('3', '电力'), service('4', '自动化')];

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  callMock.mockImplementation(async (_fn: string, _action: string, input: { field?: string }) => {
    const items = input.field ? ALL.filter((s) => s.field === input.field) : ALL;
    return { items, total: items.length, page: 1, pageSize: 20 };
  });
});
afterEach(() => cleanup());

describe('技术服务 list', () => {
  it('offers the fields the services are in, most common first (not a fixed list)', async () => {
    const { container: c } = render(<ServicesPage />);
    const chips = () => Array.from(c.querySelectorAll('.filter-chips__item')).map((e) => e.textContent);
    await waitFor(() => expect(chips()).toEqual(['全部', '电力', '机械制造', '自动化']));
    fireEvent.click(c.querySelector('.filter-chips__item[data-value="机械制造"]')!);
    await waitFor(() => expect(c.querySelectorAll('.service-card')).toHaveLength(1));
    // The options stay while filtered.
    expect(chips()).toEqual(['全部', '电力', '机械制造', '自动化']);
  });
});
