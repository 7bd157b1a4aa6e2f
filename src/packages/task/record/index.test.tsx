import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { makeDetail, makeOrder } from '@/pages/tasks/fixtures';
import RecordPage from './index';

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
      <input className="picker__input" value={props.value} onChange={(e) => props.onChange({ detail: { value: e.target.value } })} />
    </label>
  );
  return { ...real, Picker };
});

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ id: '101' });
});
afterEach(() => cleanup());

const type = (el: Element | null, value: string) => fireEvent.change(el!, { target: { value } });

async function open(over = {}) {
  callMock.mockResolvedValueOnce(makeDetail({ status: 'in_progress', volunteerId: '5', actions: ['complete'], ...over }));
  const utils = render(<RecordPage />);
  await waitFor(() => expect(utils.container.querySelector('.record-form')).not.toBeNull());
  return utils;
}

describe('service record form', () => {
  it('checks locally, then submits the record', async () => {
    const { container } = await open();
    expect(container.querySelector('.outcome-choices')).toBeNull();
    fireEvent.click(container.querySelector('.record-submit')!);
    expect(container.querySelector('.form-field--record-peopleServed .form-field__error')!.textContent).toBe('请填写服务人数');
    expect(container.querySelector('.form-field--record-summary .form-field__error')!.textContent).toBe('服务小结至少 5 个字');
    expect(callMock).toHaveBeenCalledTimes(1);

    type(container.querySelector('.record-people'), '86');
    type(container.querySelector('.record-summary'), '讲授劳模精神，现场互动热烈');
    callMock.mockResolvedValueOnce(makeOrder({ status: 'completed' }));
    fireEvent.click(container.querySelector('.record-submit')!);
    await waitFor(() =>
      expect(callMock).toHaveBeenLastCalledWith('task', 'complete', {
        id: '101',
        record: { peopleServed: 86, summary: '讲授劳模精神，现场互动热烈', actualStart: '2025-11-25T01:00:00.000Z', actualEnd: '2025-11-25T02:00:00.000Z' },
      }),
    );
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('keeps the input and shows the server’s field errors next to the inputs', async () => {
    const { container } = await open();
    type(container.querySelector('.record-people'), '30');
    type(container.querySelector('.record-summary'), '现场讲解安全操作规程');
    callMock.mockRejectedValueOnce(new ApiError('VALIDATION', '服务小结含有不允许的内容', { 'record.summary': '服务小结含有不允许的内容' }));
    fireEvent.click(container.querySelector('.record-submit')!);
    await waitFor(() => expect(container.querySelector('.form-field--record-summary .form-field__error')?.textContent).toBe('服务小结含有不允许的内容'));
    expect((container.querySelector('.record-people') as HTMLInputElement).value).toBe('30');
    expect((container.querySelector('.record-summary') as HTMLTextAreaElement).value).toBe('现场讲解安全操作规程');
    expect(container.querySelector('.record-form__error')!.textContent).toBe('服务小结含有不允许的内容');
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('asks a need for its outcome and, when not resolved, the follow-up', async () => {
    const { container } = await open({ kind: 'need', topicId: null, topicTitle: null, title: '污水处理设备故障' });
    type(container.querySelector('.record-people'), '5');
    type(container.querySelector('.record-summary'), '更换曝气泵，调整参数');
    fireEvent.click(container.querySelector('.record-submit')!);
    expect(container.querySelector('.form-field--record-outcome .form-field__error')!.textContent).toBe('请选择问题解决情况');

    fireEvent.click(container.querySelector('.outcome-choices [data-value="partly"]')!);
    fireEvent.click(container.querySelector('.record-submit')!);
    expect(container.querySelector('.form-field--record-followUp .form-field__error')!.textContent).toBe('请说明还需要怎样跟进');
    expect(callMock).toHaveBeenCalledTimes(1);

    type(container.querySelector('.record-followup'), '下周带配件再来一次');
    callMock.mockResolvedValueOnce(makeOrder({ status: 'completed' }));
    fireEvent.click(container.querySelector('.record-submit')!);
    await waitFor(() =>
      expect(callMock).toHaveBeenLastCalledWith('task', 'complete', {
        id: '101',
        record: expect.objectContaining({ peopleServed: 5, summary: '更换曝气泵，调整参数', outcome: 'partly', followUp: '下周带配件再来一次' }),
      }),
    );
  });

  it('a 4-hour job checked in late files 10:00–14:00 by default and shows 计 4 小时', async () => {
    // Booked 10:00–14:00 Shanghai; the volunteer only checked in at 14:30, after the job.
    const { container } = await open({ start: '2025-11-25T02:00:00Z', end: '2025-11-25T06:00:00Z', durationMin: 240, checkedInAt: '2025-11-25T06:30:00Z' });
    expect(container.querySelector('.actual-start')!.textContent).toBe('10:00');
    expect(container.querySelector('.actual-end')!.textContent).toBe('14:00');
    expect(container.querySelector('.actual-times__credit')!.textContent).toBe('计 4 小时');
    type(container.querySelector('.record-people'), '60');
    type(container.querySelector('.record-summary'), '四小时的劳模精神宣讲');
    callMock.mockResolvedValueOnce(makeOrder({ status: 'completed' }));
    fireEvent.click(container.querySelector('.record-submit')!);
    await waitFor(() => expect(callMock).toHaveBeenCalledTimes(2));
    const record = (callMock.mock.calls[1][2] as { record: { actualStart: string; actualEnd: string } }).record;
    expect(Date.parse(record.actualStart)).toBe(Date.parse('2025-11-25T10:00:00+08:00'));
    expect(Date.parse(record.actualEnd)).toBe(Date.parse('2025-11-25T14:00:00+08:00'));
  });

  it('starts at a check-in inside the booked time; an end before the start is refused before sending', async () => {
    const { container } = await open({ start: '2025-11-25T02:00:00Z', end: '2025-11-25T06:00:00Z', durationMin: 240, checkedInAt: '2025-11-25T02:30:40Z' });
    expect(container.querySelector('.actual-start')!.textContent).toBe('10:30');
    expect(container.querySelector('.actual-times__credit')!.textContent).toBe('计 3 小时 30 分钟');
    const [, endInput] = Array.from(container.querySelectorAll('.form-field--record-actual .picker__input'));
    type(endInput, '10:15');
    expect(container.querySelector('.actual-times__credit')!.textContent).toBe('计 0 分钟');
    type(container.querySelector('.record-people'), '60');
    type(container.querySelector('.record-summary'), '四小时的劳模精神宣讲');
    fireEvent.click(container.querySelector('.record-submit')!);
    expect(container.querySelector('.form-field--record-actual .form-field__error')!.textContent).toBe('结束时间应晚于开始时间');
    expect(callMock).toHaveBeenCalledTimes(1);
    type(endInput, '12:00');
    expect(container.querySelector('.form-field--record-actual .form-field__error')).toBeNull();
    expect(container.querySelector('.actual-times__credit')!.textContent).toBe('计 1 小时 30 分钟');
  });

  it('shows the server’s verdict on the times (its clock decides "not in the future")', async () => {
    const { container } = await open();
    type(container.querySelector('.record-people'), '60');
    type(container.querySelector('.record-summary'), '讲授劳模精神，现场互动热烈');
    callMock.mockRejectedValueOnce(new ApiError('VALIDATION', '结束时间不能晚于现在', { 'record.actualEnd': '结束时间不能晚于现在' }));
    fireEvent.click(container.querySelector('.record-submit')!);
    await waitFor(() => expect(container.querySelector('.form-field--record-actual .form-field__error')?.textContent).toBe('结束时间不能晚于现在'));
  });
});
