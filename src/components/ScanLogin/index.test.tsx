import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import type { Me } from '@cloud/contract';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { POLL_MS, ScanLogin } from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;
const admin: Me = { id: '7', name: '义乌市总工会管理员', roles: ['admin'], orgId: '3', orgName: '义乌市总工会', company: null, profileComplete: true };
const TICKET = { ticket: 'T'.repeat(22), expiresAt: '2026-12-02T10:02:00+08:00', qrImage: 'data:image/png;base64,AAAA', url: '/packages/account/login/index?scene=T' };

/** Lets the pending promises and the next poll run. */
const tick = async (ms = POLL_MS) => {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
};

beforeEach(() => {
  jest.useFakeTimers();
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

describe('ScanLogin', () => {
  it('shows the QR code, says when the phone scanned, and signs in with the confirmed token', async () => {
    const answers = [{ status: 'waiting' }, { status: 'scanned' }, { status: 'confirmed', token: 'tok-1' }];
    callMock.mockImplementation(async (fn: string, action: string) => {
      if (action === 'loginTicket') return TICKET;
      if (action === 'ticketStatus') return answers.shift();
      if (action === 'me') return admin;
      throw new Error(`unexpected ${fn}.${action}`);
    });
    const { container: c } = render(<ScanLogin />);
    await tick(0);
    expect(c.querySelector('img')!.getAttribute('src')).toBe(TICKET.qrImage);
    await tick();
    expect(c.querySelector('.scan-login-panel__state--scanned')).toBeNull();
    await tick();
    expect(c.querySelector('.scan-login-panel__state--scanned')!.textContent).toContain('请在手机上确认');
    await tick();
    expect(useStore.getState().token).toBe('tok-1');
    expect(useStore.getState().user).toEqual(admin);
  });

  it('an expired ticket offers a new QR code; a refused one shows the server\'s message', async () => {
    const answers: unknown[] = [new ApiError('NETWORK', '网络不可用，请稍后重试'), { status: 'expired' }];
    callMock.mockImplementation(async (_fn: string, action: string) => {
      if (action === 'loginTicket') return TICKET;
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    });
    const { container: c } = render(<ScanLogin />);
    await tick(0);
    await tick();
    // A dropped connection is asked again, not shown as a failure.
    expect(c.querySelector('.scan-login-panel__state--failed')).toBeNull();
    await tick();
    expect(c.querySelector('.scan-login-panel__state--expired')!.textContent).toContain('已过期');
    answers.push(new ApiError('CONFLICT', '该登录二维码已使用，请在电脑上刷新后重新扫码'));
    fireEvent.click(c.querySelector('.scan-login-panel__refresh')!);
    await tick(0);
    expect(callMock.mock.calls.filter((args) => args[1] === 'loginTicket')).toHaveLength(2);
    await tick();
    expect(c.querySelector('.scan-login-panel__state--failed')!.textContent).toContain('已使用');
    expect(useStore.getState().token).toBeNull();
  });
});
