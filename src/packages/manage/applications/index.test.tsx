import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { Application, Me } from '@cloud/contract';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import ApplicationsPage, { validateReason } from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const admin: Me = { id: '2', name: '义乌管理员', roles: ['admin'], orgId: '2', orgName: '义乌市总工会', company: null };
const app = (id: string, name: string): Application => ({
  id, userId: `u${id}`, name, kinds: ['speaker', 'technician'], title: '义乌工匠', honours: ['金华市技术能手'], skills: ['模具'],
  regions: ['义乌市'], bio: '从事模具设计与制造二十年。', orgId: '2', orgName: '义乌市总工会', status: 'applied', reviewNote: null,
  appliedAt: '2025-11-20T02:00:00.000Z',
});

let review: (input: Record<string, unknown>) => unknown;
beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
  useStore.getState().login('tok', admin);
  review = (input) => ({ ...app(String(input.id), 'x'), status: input.approve ? 'approved' : 'rejected' });
  callMock.mockImplementation(async (fn: string, action: string, input: Record<string, unknown>) => {
    if (action === 'applications') {
      const items = input.status === 'applied' ? [app('1', '陈晓东'), app('2', '周丽')] : [];
      return { items, total: items.length, page: 1, pageSize: 20 };
    }
    if (action === 'reviewVolunteer') return review(input);
    throw new Error(`unexpected ${fn}.${action}`);
  });
});
afterEach(() => cleanup());

const reviews = () => callMock.mock.calls.filter(([, a]) => a === 'reviewVolunteer').map((c) => c[2]);

describe('applications review', () => {
  it('lists what waits with every detail, and approves', async () => {
    const { container } = render(<ApplicationsPage />);
    await waitFor(() => expect(container.querySelectorAll('.application-item')).toHaveLength(2));
    const first = container.querySelector('.application-item')!;
    for (const text of ['陈晓东', '义乌工匠', '宣讲', '技术服务', '金华市技术能手', '模具', '义乌市', '义乌市总工会', '从事模具设计与制造二十年。', '2025年11月20日 10:00'])
      expect(first.textContent).toContain(text);

    fireEvent.click(first.querySelector('.approve-btn')!);
    await waitFor(() => expect(reviews()).toEqual([{ id: '1', approve: true }]));
    await waitFor(() => expect(container.querySelectorAll('.application-item')).toHaveLength(1));
  });

  it('rejects only with a reason of at least 2 characters, and shows the server’s message by the box', async () => {
    expect(validateReason(' 否 ')).toBe('请填写驳回理由（至少 2 个字）');
    expect(validateReason('材料不全')).toBeNull();

    const { container } = render(<ApplicationsPage />);
    await waitFor(() => expect(container.querySelectorAll('.application-item')).toHaveLength(2));
    fireEvent.click(container.querySelectorAll('.reject-btn')[1]!);
    fireEvent.click(container.querySelector('.reject-confirm')!);
    expect(container.querySelector('.form-field--reason .form-field__error')!.textContent).toBe('请填写驳回理由（至少 2 个字）');
    expect(reviews()).toEqual([]);

    review = () => {
      throw new ApiError('VALIDATION', '驳回时请填写理由', { reason: '理由含有不允许的内容' });
    };
    fireEvent.change(container.querySelector('.reject-reason')!, { target: { value: '材料不全' } });
    fireEvent.click(container.querySelector('.reject-confirm')!);
    await waitFor(() => expect(container.querySelector('.form-field--reason .form-field__error')?.textContent).toBe('理由含有不允许的内容'));
    expect(reviews()).toEqual([{ id: '2', approve: false, reason: '材料不全' }]);

    review = (input) => ({ ...app('2', '周丽'), status: 'rejected', reviewNote: input.reason });
    fireEvent.change(container.querySelector('.reject-reason')!, { target: { value: '请补充荣誉证明' } });
    fireEvent.click(container.querySelector('.reject-confirm')!);
    await waitFor(() => expect(container.querySelector('.reject-sheet')).toBeNull());
    expect(reviews()[1]).toEqual({ id: '2', approve: false, reason: '请补充荣誉证明' });
    expect(Array.from(container.querySelectorAll('.application-item')).map((e) => e.getAttribute('data-id'))).toEqual(['1']);
  });

  it('switches tabs by status', async () => {
    const { container } = render(<ApplicationsPage />);
    await waitFor(() => expect(container.querySelectorAll('.application-item')).toHaveLength(2));
    fireEvent.click(container.querySelector('.mg-tabs__item[data-status="rejected"]')!);
    await waitFor(() => expect(container.textContent).toContain('没有未通过的申报'));
    expect(callMock).toHaveBeenLastCalledWith('admin', 'applications', { status: 'rejected', page: 1, pageSize: 20 });
  });
});
