import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Order, VolunteerSummary } from '@cloud/contract';
import { ApiError, call as mockedCall } from '@/services/api';
import { DispatchSheet } from './DispatchSheet';

jest.mock('@/services/api', () => ({ ...jest.requireActual<object>('@/services/api'), call: jest.fn() }));
const call = mockedCall as unknown as jest.Mock<(...args: any[]) => any>;

// The shared components double has no Picker: a text input that reports like Taro's picker.
jest.mock('@tarojs/components', () => {
  const real = jest.requireActual<Record<string, unknown>>('@tarojs/components');
  const Picker = (props: { mode: string; value: string; onChange: (e: { detail: { value: string } }) => void; children?: ReactNode }) => (
    <label className={`picker picker--${props.mode}`}>
      {props.children}
      <input className={`picker__input picker__input--${props.mode}`} value={props.value} onChange={(e) => props.onChange({ detail: { value: e.target.value } })} />
    </label>
  );
  return { ...real, Picker };
});

const vol = (id: string, name: string): VolunteerSummary => ({
  id, userId: `u${id}`, orgId: '2', name, kinds: ['technician'], title: '浙江工匠', teamId: '3', teamName: '数控服务队', teamRole: 'member',
  skills: ['数控'], honours: [], regions: [], rating: 4.8, ratingCount: 3, ordersDone: 9, serviceHours: 20,
});

const order = {
  id: '501', kind: 'need', status: 'expired', start: '2099-11-25T09:00:00+08:00', end: '2099-11-25T11:00:00+08:00',
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
      if (fn === 'admin' && action === 'candidates') return { items: [], total: 0, page: 1, pageSize: 0 };
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
    await waitFor(() => expect(call).toHaveBeenCalledWith('admin', 'candidates', { id: '501', volunteerIds: ['11', '12'] }));
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    expect(call).toHaveBeenCalledTimes(2);

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

  it('shows each candidate\'s fit at the order\'s time, free ones first', async () => {
    call.mockImplementation(async (fn: string, action: string) => {
      if (fn === 'catalog') return { items: [vol('11', '王师傅'), vol('12', '李师傅'), vol('13', '张师傅')], total: 3, page: 1, pageSize: 100 };
      if (fn === 'admin' && action === 'candidates') {
        return {
          items: [
            { volunteerId: '11', fit: 'busy', clash: { title: '劳模精神进车间', start: '2099-11-25T10:00:00+08:00', end: '2099-11-25T11:00:00+08:00' } },
            { volunteerId: '12', fit: 'outside', clash: null },
            { volunteerId: '13', fit: 'free', clash: null },
          ],
          total: 3, page: 1, pageSize: 3,
        };
      }
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const { container } = render(<DispatchSheet order={order} onClose={() => undefined} onDone={() => undefined} />);
    await waitFor(() => expect(container.querySelectorAll('.dispatch-fit')).toHaveLength(3));
    const rows = Array.from(container.querySelectorAll('.dispatch-option')).map((o) => [o.getAttribute('data-id'), o.querySelector('.dispatch-fit')!.textContent]);
    expect(rows).toEqual([['13', '该时段空闲'], ['12', '不在其可预约时段'], ['11', '时段冲突：劳模精神进车间 10:00–11:00']]);
    expect(container.querySelector('.dispatch-when')!.textContent).toContain('期望时间 2099年11月25日 09:00');
    expect(container.querySelector('.dispatch-when__new')).toBeNull();
  });

  it('a need wanted in the past asks for a new time first, and sends it', async () => {
    const stale: Order = { ...order, start: '2025-06-25T09:00:00+08:00', end: '2025-06-25T11:00:00+08:00' };
    call.mockImplementation(async (fn: string, action: string, input: { start?: string }) => {
      if (fn === 'catalog') return { items: [vol('11', '王师傅')], total: 1, page: 1, pageSize: 100 };
      if (fn === 'admin' && action === 'candidates') return { items: [{ volunteerId: '11', fit: 'free', clash: null }], total: 1, page: 1, pageSize: 1 };
      if (fn === 'admin' && action === 'dispatch') return { ...stale, status: 'pending', start: input.start, volunteerId: '11' };
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const onDone = jest.fn();
    const { container } = render(<DispatchSheet order={stale} onClose={() => undefined} onDone={onDone} />);
    await waitFor(() => expect(container.querySelector('.dispatch-option[data-id="11"]')).not.toBeNull());
    expect(container.querySelector('.dispatch-when')!.textContent).toContain('（已过）');
    // No time chosen: no fit asked for the old time, and confirm is refused.
    expect(call).not.toHaveBeenCalledWith('admin', 'candidates', expect.anything());
    fireEvent.click(container.querySelector('.dispatch-option[data-id="11"]')!);
    expect(container.querySelector('.dispatch-confirm')!.textContent).toBe('请先选择新的服务时间');
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    expect(call).not.toHaveBeenCalledWith('admin', 'dispatch', expect.anything());

    fireEvent.change(container.querySelector('.picker__input--date')!, { target: { value: '2099-03-02' } });
    fireEvent.change(container.querySelector('.picker__input--time')!, { target: { value: '14:30' } });
    await waitFor(() => expect(call).toHaveBeenCalledWith('admin', 'candidates', { id: '501', volunteerIds: ['11'], start: '2099-03-02T14:30:00+08:00' }));
    expect(container.querySelector('.dispatch-confirm')!.textContent).toBe('确认派单');
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(call).toHaveBeenLastCalledWith('admin', 'dispatch', { id: '501', volunteerId: '11', note: undefined, start: '2099-03-02T14:30:00+08:00' });
  });

  it('asks for a new time when the server says the time has passed (its clock decides)', async () => {
    call.mockImplementation(async (fn: string, action: string) => {
      if (fn === 'catalog') return { items: [vol('11', '王师傅')], total: 1, page: 1, pageSize: 100 };
      if (fn === 'admin' && action === 'candidates') return { items: [], total: 0, page: 1, pageSize: 0 };
      if (fn === 'admin' && action === 'dispatch') throw new ApiError('VALIDATION', '期望时间已过，请与下单人商定新的服务时间后再派单', { start: '期望时间已过，请与下单人商定新的服务时间后再派单' });
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const { container } = render(<DispatchSheet order={order} onClose={() => undefined} onDone={() => undefined} />);
    await waitFor(() => expect(container.querySelector('.dispatch-option[data-id="11"]')).not.toBeNull());
    fireEvent.click(container.querySelector('.dispatch-option[data-id="11"]')!);
    fireEvent.click(container.querySelector('.dispatch-confirm')!);
    await waitFor(() => expect(container.querySelector('.dispatch-when__new')).not.toBeNull());
    expect(screen.getByRole('alert').textContent).toContain('期望时间已过');
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
