import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { useDrafts } from '../lib/draft';
import { me, order, profile, topic } from '../fixtures';
import BookPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

// The shared components double has no Picker (the open-time picker's "other dates").
jest.mock('@tarojs/components', () => {
  const real = jest.requireActual<Record<string, unknown>>('@tarojs/components');
  const Picker = (props: { children?: ReactNode }) => <label className="picker">{props.children}</label>;
  return { ...real, Picker };
});

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const SLOTS = [
  { start: '2026-11-25T09:00:00+08:00', end: '2026-11-25T12:00:00+08:00' },
  { start: '2026-11-26T14:00:00+08:00', end: '2026-11-26T15:00:00+08:00' },
];

type Create = { requestId: string; contactPhone: string; start: string };
let createAnswers: Array<() => Promise<unknown>>;

beforeEach(() => {
  // Only the clock stands still; timers, microtasks and animation frames stay real.
  jest.useFakeTimers({
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
      'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval',
      'setTimeout', 'clearTimeout'],
  });
  jest.setSystemTime(NOW);
  resetTaroDouble();
  resetAllStores();
  useDrafts.setState({ drafts: {}, lastPhone: '' });
  useStore.getState().login('tok', me);
  setRouterParams({ topicId: '9', volunteerId: '5' });
  createAnswers = [];
  callMock.mockReset();
  callMock.mockImplementation((fn: string, action: string) => {
    if (fn === 'catalog' && action === 'topic') return Promise.resolve(topic);
    if (fn === 'catalog' && action === 'volunteer') return Promise.resolve(profile(SLOTS));
    if (fn === 'order' && action === 'create') {
      const next = createAnswers.shift();
      return next ? next() : Promise.reject(new Error('unexpected create'));
    }
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const creates = (): Create[] => callMock.mock.calls.filter((c) => c[0] === 'order' && c[1] === 'create').map((c) => c[2] as Create);
const q = (c: HTMLElement, sel: string) => {
  const el = c.querySelector(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el as HTMLElement;
};
const type = (c: HTMLElement, sel: string, value: string) => fireEvent.change(q(c, sel), { target: { value } });

async function fillForm(c: HTMLElement) {
  await waitFor(() => expect(c.querySelector('.book-subject')?.textContent).toBe('劳模精神代代传'));
  // The speaker from the link is chosen; durations are the topic's, in order.
  expect(q(c, '.volunteer-choices [data-value="5"]').getAttribute('aria-checked')).toBe('true');
  expect(Array.from(c.querySelectorAll('.duration-choices .choice')).map((e) => e.textContent)).toEqual(['45 分钟', '60 分钟']);
  fireEvent.click(q(c, '.duration-choices [data-value="60"]'));
  await waitFor(() => expect(c.querySelectorAll('.slot-start').length).toBeGreaterThan(0));
  // 09:00–12:00 holds 60 minutes at 09:00 … 11:00; the 14:00–15:00 day holds one start.
  expect(Array.from(c.querySelectorAll('.slot-day[data-date]')).map((e) => e.getAttribute('data-date'))).toEqual(['2026-11-25', '2026-11-26']);
  expect(Array.from(c.querySelectorAll('.slot-start .slot-start__clock')).map((e) => e.textContent)).toEqual([
    '09:00', '09:30', '10:00', '10:30', '11:00',
  ]);
  fireEvent.click(q(c, '[data-start="2026-11-25T10:00:00+08:00"]'));
  fireEvent.click(q(c, '.venue-choices [data-value="enterprise"]'));
  type(c, '.venue-address', '杭州市临安区锦城街道 1 号');
  type(c, '.phone-input', '13800001111');
  type(c, '.headcount-input', '50');
}

describe('booking a lecture', () => {
  it('shows server field errors beside their inputs, keeps the input, and retries with the same requestId', async () => {
    createAnswers.push(() =>
      Promise.reject(
        new ApiError('VALIDATION', '请检查标红的内容', {
          contactPhone: '该号码无法接收通知',
          'venue.address': '请写到门牌号',
        }),
      ),
    );
    createAnswers.push(() => Promise.resolve(order({ id: '77' })));
    const { container: c } = render(<BookPage />);
    await fillForm(c);

    fireEvent.click(q(c, '.book-next'));
    await waitFor(() => expect(c.querySelector('.book-confirm')).not.toBeNull());
    expect(q(c, '.summary__time').textContent).toBe('11月25日 周三 10:00–11:00');
    fireEvent.click(q(c, '.book-submit'));

    // Back on the form, each message under its input, what was typed still there.
    await waitFor(() => expect(c.querySelector('[data-field="contactPhone"] .form-field__error')?.textContent).toBe('该号码无法接收通知'));
    expect(q(c, '[data-field="venue.address"] .form-field__error').textContent).toBe('请写到门牌号');
    expect(c.querySelector('[data-field="start"] .form-field__error')).toBeNull();
    expect(q(c, '.form-banner').textContent).toContain('请检查标红的内容');
    expect((q(c, '.phone-input') as HTMLInputElement).value).toBe('13800001111');
    expect((q(c, '.venue-address') as HTMLInputElement).value).toBe('杭州市临安区锦城街道 1 号');
    expect(q(c, '[data-start="2026-11-25T10:00:00+08:00"]').className).toContain('slot-start--on');

    // Editing a field clears its message only.
    type(c, '.phone-input', '13900002222');
    expect(c.querySelector('[data-field="contactPhone"] .form-field__error')).toBeNull();
    expect(c.querySelector('[data-field="venue.address"] .form-field__error')).not.toBeNull();
    type(c, '.venue-address', '杭州市临安区锦城街道 1 号 3 楼');

    fireEvent.click(q(c, '.book-next'));
    await waitFor(() => expect(c.querySelector('.book-submit')).not.toBeNull());
    fireEvent.click(q(c, '.book-submit'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/detail/index?id=77' }));

    const [first, second] = creates();
    expect(creates()).toHaveLength(2);
    expect(first!.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(second!.requestId).toBe(first!.requestId);
    expect(second).toMatchObject({
      kind: 'lecture', topicId: '9', volunteerId: '5', start: '2026-11-25T10:00:00+08:00', durationMin: 60, headcount: 50,
      contactPhone: '13900002222', venue: { type: 'enterprise', address: '杭州市临安区锦城街道 1 号 3 楼' },
    });
    // Done: the draft is gone, the next fill gets a new request id; the phone is remembered.
    expect(useDrafts.getState().drafts).toEqual({});
    expect(useDrafts.getState().lastPhone).toBe('13900002222');
  });

  it('keeps the request id when the answer is lost, even after the page is closed and opened again', async () => {
    createAnswers.push(() => Promise.reject(new ApiError('NETWORK', '网络不可用，请稍后重试')));
    createAnswers.push(() => Promise.resolve(order({ id: '78' })));
    const first = render(<BookPage />);
    await fillForm(first.container);
    fireEvent.click(q(first.container, '.book-next'));
    await waitFor(() => expect(first.container.querySelector('.book-submit')).not.toBeNull());
    fireEvent.click(q(first.container, '.book-submit'));
    // No field to blame: stay on the confirmation with the message and a retry.
    await waitFor(() => expect(first.container.querySelector('.form-banner')?.textContent).toContain('网络不可用'));
    expect(q(first.container, '.book-submit').textContent).toBe('重新提交');
    first.unmount();

    const { container: c } = render(<BookPage />);
    await waitFor(() => expect(c.querySelector('.form-restored')).not.toBeNull());
    expect((q(c, '.phone-input') as HTMLInputElement).value).toBe('13800001111');
    await waitFor(() => expect(q(c, '[data-start="2026-11-25T10:00:00+08:00"]').className).toContain('slot-start--on'));
    fireEvent.click(q(c, '.book-next'));
    await waitFor(() => expect(c.querySelector('.book-submit')).not.toBeNull());
    fireEvent.click(q(c, '.book-submit'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/detail/index?id=78' }));
    const [a, b] = creates();
    expect(b!.requestId).toBe(a!.requestId);
  });

  it('says so when the slot was just taken, and reads the free slots again', async () => {
    createAnswers.push(() => Promise.reject(new ApiError('CONFLICT', '所选志愿者在该时段已有安排，请选择其他时间')));
    const { container: c } = render(<BookPage />);
    await fillForm(c);
    const slotReads = () => callMock.mock.calls.filter((x) => x[0] === 'catalog' && x[1] === 'volunteer').length;
    const before = slotReads();
    fireEvent.click(q(c, '.book-next'));
    await waitFor(() => expect(c.querySelector('.book-submit')).not.toBeNull());
    fireEvent.click(q(c, '.book-submit'));
    await waitFor(() =>
      expect(c.querySelector('[data-field="start"] .form-field__error')?.textContent).toBe('所选志愿者在该时段已有安排，请选择其他时间'),
    );
    await waitFor(() => expect(slotReads()).toBe(before + 1));
    expect(c.querySelector('.slot-start--on')).toBeNull();
    expect((q(c, '.phone-input') as HTMLInputElement).value).toBe('13800001111');
  });

  it('checks the form before asking the server', async () => {
    const { container: c } = render(<BookPage />);
    await waitFor(() => expect(c.querySelector('.book-subject')).not.toBeNull());
    fireEvent.click(q(c, '.book-next'));
    expect(q(c, '[data-field="durationMin"] .form-field__error').textContent).toBe('请选择时长');
    expect(q(c, '[data-field="start"] .form-field__error').textContent).toBe('请选择时间');
    expect(q(c, '[data-field="contactPhone"] .form-field__error').textContent).toBe('请填写正确的手机号或座机号');
    expect(c.querySelector('.book-confirm')).toBeNull();
    expect(creates()).toHaveLength(0);
  });

  it('a topic with one speaker preselects that speaker, not 任意宣讲人', async () => {
    setRouterParams({ topicId: '9' });
    const single = { ...topic, volunteerIds: ['5'], volunteers: [topic.volunteers[0]!] };
    callMock.mockImplementation((fn: string, action: string) => {
      if (fn === 'catalog' && action === 'topic') return Promise.resolve(single);
      if (fn === 'catalog' && action === 'volunteer') return Promise.resolve(profile(SLOTS));
      return Promise.reject(new Error(`unexpected ${fn}.${action}`));
    });
    const { container: c } = render(<BookPage />);
    await waitFor(() => expect(c.querySelector('.volunteer-choices [data-value="5"]')?.getAttribute('aria-checked')).toBe('true'));
    expect(c.querySelector('.volunteer-choices [data-value="any"]')?.getAttribute('aria-checked')).not.toBe('true');
  });

  it('with 任意宣讲人 the confirm step says what happens next, and 备注 counts to 500', async () => {
    setRouterParams({ topicId: '9' });
    const { container: c } = render(<BookPage />);
    await waitFor(() => expect(c.querySelector('.book-subject')).not.toBeNull());
    fireEvent.click(q(c, '.volunteer-choices [data-value="any"]'));
    fireEvent.click(q(c, '.duration-choices [data-value="60"]'));
    const clock = Array.from(c.querySelectorAll('.slot-start')).find((e) => e.getAttribute('aria-disabled') !== 'true')!;
    fireEvent.click(clock);
    fireEvent.click(q(c, '.venue-choices [data-value="enterprise"]'));
    type(c, '.venue-address', '杭州市临安区锦城街道 1 号');
    type(c, '.phone-input', '13800001111');
    expect(q(c, '[data-field="note"] .form-field__counter').textContent).toBe('0/500');
    type(c, '.note-input', '请准备投影');
    expect(q(c, '[data-field="note"] .form-field__counter').textContent).toBe('5/500');
    fireEvent.click(q(c, '.book-next'));
    await waitFor(() => expect(c.querySelector('.book-confirm')).not.toBeNull());
    const sub = q(c, '.order-hero__sub').textContent!;
    expect(sub).toBe('提交后发布到抢单池，讲授本主题的宣讲人均可接单');
    expect(sub).not.toContain('提交后任意');
  });
});
