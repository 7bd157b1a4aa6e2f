import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Order, VolunteerSummary } from '@cloud/contract';
import { ApiError, call as mockedCall } from '@/services/api';
import { DispatchSheet } from './DispatchSheet';

jest.mock('@/services/api', () => ({ ...jest.requireActual<object>('@/services/api'), call: jest.fn() }));
const call = mockedCall as unknown as jest.Mock<(...args: any[]) => any>;

const vol = (id: string, name: string): VolunteerSummary => ({
  id, userId: `u${id}`, orgId: '2', name, kinds: ['technician'], title: '浙江工匠', teamId: '3', teamName: '数控服务队', teamRole: 'member',
  skills: ['数控'], honours: [], regions: [], rating: 4.8, ratingCount: 3, ordersDone: 9, serviceHours: 20,
});

const order = {
  id: '501', kind: 'need', status: 'expired', start: '2025-11-25T09:00:00+08:00', end: '2025-11-25T11:00:00+08:00',
  durationMin: 120, named: false, volunteerId: null, volunteerName: null, topicId: null, topicTitle: null,
  serviceId: null, serviceTitle: null, teamId: null, teamName: null, requesterId: '9', requesterName: '赵企业',
  requesterCompany: '金华机床厂', orgId: '2', venue: { type: 'enterprise', address: null, link: null }, contactPhone: null,
  headcount: null, note: '', title: '数控机床主轴异响', field: '数控', description: '主轴异响', photos: [], urgency: 'urgent',
  createdAt: '2025-11-20T09:00:00+08:00', acceptedAt: null, checkedInAt: null, completedAt: null, record: null, rating: null,
  ratingComment: null, escalatedAt: '2025-11-22T09:00:00+08:00', confirmedAt: null, disputedAt: null, disputeReason: null,
  region: '金华', showcase: false, actions: ['dispatch', 'transfer'],
} satisfies Order;

afterEach(() => cleanup());
beforeEach(() => {
  call.mockReset();
});

describe('DispatchSheet', () => {
  it('lists the technicians for the need’s field, keeps the sheet open on CONFLICT, then dispatches', async () => {
    call.mockImplementation(async (fn: string, action: string, input: { volunteerId?: string }) => {
      if (fn === 'catalog' && action === 'volunteers') return { items: [vol('11', '王师傅'), vol('12', '李师傅')], total: 2, page: 1, pageSize: 100 };
      if (fn === 'admin' && action === 'dispatch') {
        if (input.volunteerId === '11') throw new ApiError('CONFLICT', '该志愿者在此时段已有其他订单，请另选志愿者');
        return { ...order, status: 'pending', volunteerId: '12', volunteerName: '李师傅' };
      }
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const onDone = jest.fn();
    const onClose = jest.fn();
    const { container } = render(<DispatchSheet order={order} onClose={onClose} onDone={onDone} />);

    await waitFor(() => expect(container.querySelectorAll('.dispatch-option')).toHaveLength(2));
    expect(call).toHaveBeenCalledWith('catalog', 'volunteers', { kind: 'technician', skill: '数控', pageSize: 100 });
    expect(screen.getByText('擅长「数控」的技术人员')).toBeTruthy();

    // Nothing picked: confirm does nothing.
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    expect(call).toHaveBeenCalledTimes(1);

    fireEvent.click(container.querySelector('.dispatch-option[data-id="11"]')!);
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('该志愿者在此时段已有其他订单，请另选志愿者'));
    expect(onDone).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(container.querySelector('.dispatch-sheet')).not.toBeNull();

    fireEvent.click(container.querySelector('.dispatch-option[data-id="12"]')!);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(call).toHaveBeenLastCalledWith('admin', 'dispatch', { id: '501', volunteerId: '12', note: undefined });
    expect(onDone.mock.calls[0][1]).toBe('李师傅');
  });

  it('asks the topic for a lecture order', async () => {
    call.mockResolvedValue({ id: '8', volunteers: [vol('21', '宣讲人甲')] });
    const lecture: Order = { ...order, kind: 'lecture', topicId: '8', topicTitle: '工匠精神进车间', field: null };
    const { container } = render(<DispatchSheet order={lecture} onClose={() => undefined} onDone={() => undefined} />);
    await waitFor(() => expect(container.querySelector('.dispatch-option[data-id="21"]')).not.toBeNull());
    expect(call).toHaveBeenCalledWith('catalog', 'topic', { id: '8' });
  });

  it('renders nothing without an order', () => {
    const { container } = render(<DispatchSheet order={null} onClose={() => undefined} onDone={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
