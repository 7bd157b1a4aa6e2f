import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '@cloud/contract';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import MePage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const complete: Me = { id: '30', name: '王海涛', roles: ['worker'], orgId: '2', orgName: '杭州市总工会', company: null, profileComplete: true, phone: '13800001001' };
const TICKET = { ticket: 'T'.repeat(22), expiresAt: '2026-12-02T10:02:00+08:00', qrImage: 'data:image/png;base64,AAAA', url: '/x' };

function serve(opts: { production?: boolean } = {}) {
  callMock.mockImplementation(async (fn: string, action: string) => {
    if (action === 'devUsers') {
      if (opts.production) throw new ApiError('NOT_FOUND', '未知的操作: devUsers');
      return { items: [{ id: '1', name: '潘亚', roles: ['admin'], label: '杭州市总工会 管理员' }], total: 1, page: 1, pageSize: 100 };
    }
    if (action === 'loginTicket') return TICKET;
    if (action === 'ticketStatus') return { status: 'waiting' };
    if (fn === 'catalog' && action === 'orgs') return { items: [], total: 0, page: 1, pageSize: 100 };
    if (action === 'application' || action === 'enterpriseApplication') return null;
    if (action === 'me') return useStore.getState().user;
    throw new Error(`unexpected ${fn}.${action}`);
  });
}

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
});
afterEach(() => cleanup());

describe('我的', () => {
  it('signed out on H5: the scan login and, in dev mode, the demo login', async () => {
    serve();
    const { container: c } = render(<MePage />);
    expect(c.querySelector('.scan-login-panel')).not.toBeNull();
    await waitFor(() => expect(c.querySelector('.dev-user')).not.toBeNull());
  });

  it('signed out in production: only the scan login, nothing of the demo', async () => {
    serve({ production: true });
    const { container: c } = render(<MePage />);
    await waitFor(() => expect(callMock.mock.calls.some((a) => a[1] === 'devUsers')).toBe(true));
    await waitFor(() => expect(c.querySelector('.me__dev')).toBeNull());
    expect(c.querySelector('.scan-login-panel')).not.toBeNull();
  });

  it('an incomplete profile shows the prompt that opens the profile page; a complete one offers 修改, 企业认证 and the invitation', async () => {
    serve();
    useStore.getState().login('tok', { ...complete, name: '微信用户', phone: undefined, orgId: null, orgName: null, profileComplete: false });
    const first = render(<MePage />);
    fireEvent.click(first.container.querySelector('.me__profile-prompt')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/profile/index' });
    expect(first.container.querySelector('.me__entry--profile')).toBeNull();
    first.unmount();
    useStore.getState().login('tok', complete);
    const { container: c } = render(<MePage />);
    expect(c.querySelector('.me__profile-prompt')).toBeNull();
    expect(c.querySelector('.me__entry--profile')).not.toBeNull();
    expect(c.querySelector('.me__entry--enterprise')).not.toBeNull();
    expect(c.querySelector('.me__entry--invite')).not.toBeNull();
    expect(c.querySelector('.me__entry--accounts')).toBeNull();
  });

  it('an admin sees 账号与权限', () => {
    serve();
    useStore.getState().login('tok', { ...complete, roles: ['admin'] });
    const { container: c } = render(<MePage />);
    expect(c.querySelector('.me__entry--accounts')).not.toBeNull();
    expect(c.querySelector('.me__entry--invite')).toBeNull();
  });

  it('an admin is not offered 申报成为志愿者; a worker is', () => {
    serve();
    useStore.getState().login('tok', { ...complete, roles: ['worker', 'admin'] });
    const admin = render(<MePage />);
    expect(admin.container.querySelector('.me__entry--apply')).toBeNull();
    expect(admin.container.querySelector('.me__entry--manage')).not.toBeNull();
    admin.unmount();
    useStore.getState().login('tok', complete);
    const { container: c } = render(<MePage />);
    fireEvent.click(c.querySelector('.me__entry--apply')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/index/index' });
  });

  it('长辈模式: the switch in 我的 (signed in or not) turns the class on the page root on and off, and the store keeps it', () => {
    serve();
    const out = render(<MePage />);
    const sw = () => out.container.querySelector('.me__entry--elder')!;
    expect(sw().getAttribute('aria-checked')).toBe('false');
    expect(out.container.firstElementChild!.className).toBe('me');
    fireEvent.click(sw());
    expect(useStore.getState().elder).toBe(true);
    expect(out.container.firstElementChild!.className).toBe('me elder');
    out.unmount();
    useStore.getState().login('tok', complete);
    const { container: c } = render(<MePage />);
    expect(c.firstElementChild!.className).toBe('me elder');
    const on = c.querySelector('.me__entry--elder')!;
    expect(on.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(on);
    expect(c.firstElementChild!.className).toBe('me');
    expect(useStore.getState().elder).toBe(false);
  });
});
