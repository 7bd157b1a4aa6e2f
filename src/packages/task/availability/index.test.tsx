import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import AvailabilityPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

// The shared components double has no Picker: a text input that reports like Taro's picker.
jest.mock('@tarojs/components', () => {
  const real = jest.requireActual<Record<string, unknown>>('@tarojs/components');
  const Picker = (props: { mode: string; value: string; onChange: (e: { detail: { value: string } }) => void; children?: ReactNode }) => (
    <label className={`picker picker--${props.mode}`}>
      {props.children}
      <input className="picker__input" defaultValue={props.value} onChange={(e) => props.onChange({ detail: { value: e.target.value } })} />
    </label>
  );
  return { ...real, Picker };
});

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});
afterEach(() => cleanup());

const pick = (el: Element | null, value: string) => fireEvent.change(el!.querySelector('.picker__input')!, { target: { value } });

describe('availability editor', () => {
  it('edits windows, refuses overlaps locally, then saves the serialised input', async () => {
    callMock.mockResolvedValueOnce({ weekly: [{ weekday: 2, start: '09:00', end: '12:00' }], blocked: [] });
    const { container } = render(<AvailabilityPage />);
    await waitFor(() => expect(container.querySelectorAll('.avail-window')).toHaveLength(1));
    expect(container.querySelector('.avail-day--2 .avail-window__start')!.textContent).toBe('09:00');

    // Add a Tuesday window and drag it into the morning one.
    fireEvent.click(container.querySelector('.avail-day--2 .avail-add')!);
    const windows = container.querySelectorAll('.avail-day--2 .avail-window');
    expect(windows).toHaveLength(2);
    pick(windows[1]!.querySelector('.picker--time'), '11:00');
    fireEvent.click(container.querySelector('.avail-save')!);
    expect(container.querySelector('.avail-window--invalid .field-error')!.textContent).toBe('与 09:00–12:00 重叠');
    expect(callMock).toHaveBeenCalledTimes(1);

    // Fix it; an end before the start is refused too.
    pick(container.querySelectorAll('.avail-day--2 .avail-window')[1]!.querySelectorAll('.picker--time')[0]!, '14:00');
    pick(container.querySelectorAll('.avail-day--2 .avail-window')[1]!.querySelectorAll('.picker--time')[1]!, '13:00');
    fireEvent.click(container.querySelector('.avail-save')!);
    expect(container.querySelector('.avail-window--invalid .field-error')!.textContent).toBe('结束时间应晚于开始时间');
    pick(container.querySelectorAll('.avail-day--2 .avail-window')[1]!.querySelectorAll('.picker--time')[1]!, '17:00');
    expect(container.querySelector('.avail-window--invalid')).toBeNull();

    // A Monday window and a blocked day.
    fireEvent.click(container.querySelector('.avail-day--1 .avail-add')!);
    pick(container.querySelector('.avail-blocked .picker--date'), '2025-12-24');

    callMock.mockImplementationOnce((_fn: string, _a: string, input: unknown) => Promise.resolve(input));
    fireEvent.click(container.querySelector('.avail-save')!);
    await waitFor(() => expect(callMock).toHaveBeenCalledTimes(2));
    expect(callMock).toHaveBeenLastCalledWith('task', 'setAvailability', {
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '14:00', end: '17:00' },
      ],
      blocked: ['2025-12-24'],
    });
    await waitFor(() => expect(container.querySelector('.avail-save')!.textContent).toBe('已保存'));
  });

  it('shows the server’s VALIDATION fields on the rows and keeps the edits', async () => {
    callMock.mockResolvedValueOnce({ weekly: [{ weekday: 3, start: '09:00', end: '12:00' }, { weekday: 1, start: '08:00', end: '10:00' }], blocked: [] });
    const { container } = render(<AvailabilityPage />);
    await waitFor(() => expect(container.querySelectorAll('.avail-window')).toHaveLength(2));
    pick(container.querySelector('.avail-day--3 .picker--time'), '10:00');
    callMock.mockRejectedValueOnce(new ApiError('VALIDATION', '输入有误', { 'weekly.1.start': '时间格式应为 HH:mm' }));
    fireEvent.click(container.querySelector('.avail-save')!);
    await waitFor(() => expect(container.querySelector('.avail-day--3 .field-error')?.textContent).toBe('时间格式应为 HH:mm'));
    expect(container.querySelector('.avail-day--1 .field-error')).toBeNull();
    expect(container.querySelector('.avail-day--3 .avail-window__start')!.textContent).toBe('10:00');
    expect(container.querySelector('.avail-error')!.textContent).toBe('输入有误');
  });
});
